/** @jsxImportSource hono/jsx */

import type { Evidence, MatchResult, RequirementExplanation } from "../../src/domain/match.ts";
import { apportionPoints, formatScore } from "../../src/scoring/display.ts";
import { SourceBadge, TableHead } from "./components.tsx";
import { Layout } from "./layout.tsx";
import { levelName } from "./levels.ts";

const f = (n: number) => n.toFixed(2);
const pct = (n: number) => `${Math.round(n * 100)}%`;

const BASIS_TEXT = {
  direct: "evidence of the skill itself",
  neighbours: "only related skills (counted below the skill itself)",
  none: "no evidence",
} as const;

function PieceRow(props: { e: Evidence; asked: string }) {
  const { e } = props;
  return (
    <tr>
      <td>
        “{e.skillText}” {e.rawLevel ?? "no level stated"} → {levelName(e.level)}
        {e.conceptId !== props.asked && (
          <span class="muted">
            {" "}
            ({e.factors.relation} skill {e.conceptLabel})
          </span>
        )}
        <br />
        <SourceBadge evidence={e} />
        <span class="muted">{e.date ? ` · ${e.date.slice(0, 10)}` : " · date not stated"}</span>
      </td>
      <td>{f(e.factors.relatedness)}</td>
      <td>{f(e.factors.trust)}</td>
      <td>{f(e.factors.recency)}</td>
      <td>{f(e.reliability)}</td>
      <td>{pct(e.factors.meets)}</td>
      <td>{pct(e.share)}</td>
    </tr>
  );
}

/** "Any one of Docker or Kubernetes meets it: met by Docker; the evidence below is for Docker." */
function AnyOfNote(props: { r: RequirementExplanation }) {
  const { r } = props;
  return (
    <p data-testid="any-of">
      Any one of {r.label} meets it
      {r.metBy ? `: met by ${r.metBy.label}` : ""}
      {r.weighedOn ? `; the evidence below is for ${r.weighedOn.label}, the strongest of them` : ""}.
    </p>
  );
}

function RequirementBlock(props: { r: RequirementExplanation; points: number }) {
  const { r } = props;
  return (
    <section class="explain-req">
      <h2>
        {r.label}
        {r.minLevel !== null ? ` ≥ ${levelName(r.minLevel)}` : ""}
        {r.required ? " (required)" : ""} — <span data-testid="contribution">{props.points}</span> points
      </h2>
      {r.alternatives?.length ? <AnyOfNote r={r} /> : ""}
      <p>
        {r.outcome === "met" ? "Met" : r.outcome === "partial" ? "Partly met" : "Missing"}:{" "}
        {BASIS_TEXT[r.basis]}.
        {r.basis !== "none" && (
          <>
            {" "}
            Likely to meet it: <strong>{pct(r.estimate)}</strong> (confidence {pct(r.confidence)}, level meets
            the minimum {pct(r.meets)}
            {r.estimatedLevel !== null ? `, estimated level ${levelName(r.estimatedLevel)}` : ""}); weight{" "}
            {r.weight}.
          </>
        )}
      </p>
      {r.evidence.length > 0 && (
        <div class="scroll-x">
          <table class="data" aria-label={`evidence for ${r.label}`}>
            <TableHead
              columns={["Evidence", "Relatedness", "Trust", "Recency", "Reliability", "P(meets)", "Share"]}
            />
            <tbody>
              {r.evidence.map((e) => (
                <PieceRow e={e} asked={r.conceptId} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {r.setAside.length > 0 && (
        <p class="muted">
          Not counted again:{" "}
          {r.setAside
            .map((s) =>
              s.reason === "superseded"
                ? `“${s.skillText}” (a later record of the same source)`
                : `“${s.skillText}” (that source already counted)`,
            )
            .join(", ")}
        </p>
      )}
    </section>
  );
}

export function ExplainView(props: { result: MatchResult; backHref: string }) {
  const { result } = props;
  const requirements = result.explanation.requirements;
  const points = apportionPoints(
    requirements.map((r) => r.contribution),
    result.score,
  );
  const sum = points.reduce((s, p) => s + p, 0);
  return (
    <Layout title={`Explain ${result.name ?? result.candidateId}`}>
      <h1>
        How {result.name ?? result.candidateId} scored{" "}
        <span data-testid="score">{formatScore(result.score)}</span>
      </h1>
      <p class="summary">{result.explanation.summary}</p>
      <p class="muted">
        The score is the expected share of the position this person meets: for each requirement, how likely
        they meet it, weighted. That likelihood comes from every piece of live evidence — independent sources
        that agree raise confidence, attested records count more than claims, recent practice more than old —
        and the skill itself always counts above related skills. Points add up to the score:{" "}
        <strong data-testid="sum">{sum}</strong>.
      </p>
      {requirements.map((r, i) => (
        <RequirementBlock r={r} points={points[i] ?? 0} />
      ))}
      {result.explanation.excluded.length > 0 && (
        <>
          <h2>Not counted</h2>
          <ul>
            {result.explanation.excluded.map((x) => (
              <li>
                <s class="expired">{x.skillText}</s> — {x.reason}
                {x.validUntil ? ` (valid until ${x.validUntil.slice(0, 10)})` : ""}
              </li>
            ))}
          </ul>
        </>
      )}
      {result.explanation.disqualifiedBy.length > 0 && (
        <p class="outcome-missing">
          Disqualified: required {result.explanation.disqualifiedBy.join(", ")} not met.
        </p>
      )}
      <p>
        <a href={props.backHref}>Back to the ranking</a>
      </p>
    </Layout>
  );
}
