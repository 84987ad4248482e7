/** @jsxImportSource hono/jsx */

import type { Child } from "hono/jsx";
import type { Evidence, MatchResult, RequirementExplanation } from "../../src/domain/match.ts";
import { BLIND_PREFIX } from "../../src/match/blind.ts";
import { formatScore } from "../../src/scoring/display.ts";
import { evidenceBadge, LEVEL_OPTIONS, levelName } from "./levels.ts";

/** Required level vs the candidate's level on the 0–5 scale, coloured by outcome. */
export function LevelBar(props: { need: number | null; has: number | null; outcome: string }) {
  const w = 120;
  const unit = w / 5;
  const has = props.has ?? 0;
  const label = `${props.need !== null ? `needs ${levelName(props.need)}, ` : ""}has ${props.has === null ? "no stated level" : levelName(props.has)}`;
  return (
    <svg class="bar" width={w} height="14" viewBox={`0 0 ${w} 14`} role="img" aria-label={label}>
      <title>{label}</title>
      <rect class="track" x="0" y="3" width={w} height="8" rx="4" />
      {props.outcome !== "missing" && (
        <rect class={props.outcome} x="0" y="3" width={Math.max(4, has * unit)} height="8" rx="4" />
      )}
      {props.need !== null && (
        <line class="need" x1={props.need * unit} x2={props.need * unit} y1="0" y2="14" />
      )}
    </svg>
  );
}

export function SourceBadge(props: { evidence: Evidence }) {
  const e = props.evidence;
  const s = evidenceBadge(e);
  return (
    <span class={`tag ${s.cls}`} title={e.issuer ? `${s.text} · ${e.issuer}` : s.text}>
      {s.text}
      {e.issuer ? ` · ${e.issuer}` : ""}
    </span>
  );
}

const OUTCOME_TEXT = { met: "met", partial: "partly met", missing: "missing" } as const;

function RequirementRow(props: { r: RequirementExplanation }) {
  const { r } = props;
  return (
    <tr>
      <td class={`outcome-${r.outcome}`}>
        <span aria-hidden="true">{r.outcome === "met" ? "✔" : r.outcome === "partial" ? "◐" : "✘"}</span>{" "}
        <span class="sr-only">{OUTCOME_TEXT[r.outcome]}: </span>
        {r.label}
        {r.required ? <span class="muted"> (required)</span> : ""}
        {r.metBy && r.alternatives?.length ? <span class="muted"> · met by {r.metBy.label}</span> : ""}
      </td>
      <td>
        <LevelBar
          need={r.minLevel}
          has={r.estimatedLevel}
          outcome={r.basis === "direct" ? r.outcome : "missing"}
        />
      </td>
      <td>
        {r.basis === "direct" && r.estimatedLevel !== null ? levelName(r.estimatedLevel) : ""}
        {r.basis === "neighbours" && r.best && (
          <span class="muted" title={`${r.best.factors.relation} skill, not ${r.label} itself`}>
            only related: {r.best.conceptLabel}
          </span>
        )}
        {r.basis === "none" && <span class="muted">no evidence</span>}
      </td>
      <td>
        {r.best ? <SourceBadge evidence={r.best} /> : ""}
        {r.evidence.length > 1 && (
          <span class="muted" title="independent sources that agree raise confidence">
            {" "}
            +{r.evidence.length - 1} more
          </span>
        )}
      </td>
    </tr>
  );
}

/** Rows shown at a glance; a long position's other requirements fold away behind a summary. */
export const GLANCE_ROWS = 8;

/** Required requirements first (in the position's order), then preferred: the same order on every card. */
function RequirementRows(props: { rows: RequirementExplanation[] }) {
  return (
    <table class="reqs">
      <tbody>
        {props.rows.map((r) => (
          <RequirementRow r={r} />
        ))}
      </tbody>
    </table>
  );
}

function RequirementTable(props: { requirements: RequirementExplanation[] }) {
  const ordered = [
    ...props.requirements.filter((r) => r.required),
    ...props.requirements.filter((r) => !r.required),
  ];
  const glance = ordered.slice(0, GLANCE_ROWS);
  const rest = ordered.slice(GLANCE_ROWS);
  return (
    <>
      <RequirementRows rows={glance} />
      {rest.length > 0 && (
        <details>
          <summary>
            {rest.length} more requirements ({rest.filter((r) => r.outcome === "met").length} met)
          </summary>
          <RequirementRows rows={rest} />
        </details>
      )}
    </>
  );
}

const isPseudonym = (candidateId: string) => candidateId.startsWith(BLIND_PREFIX);

export function ResultCard(props: { result: MatchResult; explainHref: string }) {
  const { result } = props;
  const expired = result.explanation.excluded.filter((x) => x.reason === "expired" || x.reason === "revoked");
  return (
    <article class="card" data-candidate={result.candidateId} data-qualified={String(result.qualified)}>
      <header>
        <h2>
          <span class="muted">#{result.rank}</span>{" "}
          {/* a blind first look has no profile to open: the profile names the person */}
          <a
            href={
              isPseudonym(result.candidateId)
                ? props.explainHref
                : `/candidates/${encodeURIComponent(result.candidateId)}`
            }
          >
            {result.name ?? result.candidateId}
          </a>
        </h2>
        <span class="score">
          <span class="sr-only">score </span>
          {formatScore(result.score)}
          <span class="sr-only"> out of 100</span>
        </span>
      </header>
      <p class="summary">{result.explanation.summary}</p>
      <RequirementTable requirements={result.explanation.requirements} />
      {expired.length > 0 && (
        <p class="muted">
          Not counted:{" "}
          {expired.map((x, i) => (
            <>
              {i > 0 ? ", " : ""}
              <s class="expired">{x.skillText}</s> ({x.reason}
              {x.validUntil ? ` ${x.validUntil.slice(0, 10)}` : ""})
            </>
          ))}
        </p>
      )}
      <a href={props.explainHref}>Show the arithmetic</a>
    </article>
  );
}

export function LevelSelect(props: { name: string; value: number | null; label: string }) {
  return (
    <select name={props.name} aria-label={props.label}>
      <option value="" selected={props.value === null}>
        any level
      </option>
      {LEVEL_OPTIONS.map((o) => (
        <option value={String(o.value)} selected={props.value === o.value}>
          ≥ {o.name}
        </option>
      ))}
    </select>
  );
}

export function NeedSelect(props: { required: boolean; label: string }) {
  return (
    <select name="need" aria-label={props.label}>
      <option value="required" selected={props.required}>
        required
      </option>
      <option value="preferred" selected={!props.required}>
        preferred
      </option>
    </select>
  );
}

/** A data table's column headings. */
export function TableHead(props: { columns: string[] }) {
  return (
    <thead>
      <tr>
        {props.columns.map((c) => (
          <th scope="col">{c}</th>
        ))}
      </tr>
    </thead>
  );
}

export function ErrorBox(props: { title: string; children?: Child }) {
  return (
    <div class="error" role="alert">
      <strong>{props.title}</strong>
      <div>{props.children}</div>
    </div>
  );
}
