/** @jsxImportSource hono/jsx */

import { anyOfLabel } from "../../src/domain/schemas.ts";
import type { PositionAnalysis } from "../../src/engine/analyse.ts";
import type { MatchPage } from "../../src/engine/types.ts";
import type { Taxonomy } from "../../taxonomy/model.ts";
import { AnalysisPanel } from "./analysis-panel.tsx";
import { ErrorBox, LevelSelect, NeedSelect } from "./components.tsx";
import { DEMO_JOB_DESCRIPTIONS } from "./demo-jds.ts";
import { Layout } from "./layout.tsx";
import { anyOfValue, type PageRequirement, requirementsToQuery } from "./query.ts";
import { Results } from "./results.tsx";

export function JdForm(props: { text: string }) {
  return (
    <form method="post" action="/match">
      <label for="jd">Paste a job description</label>
      <textarea id="jd" name="jd" required>
        {props.text}
      </textarea>
      <div class="row">
        <button type="submit">Find candidates</button>
        <span class="muted">or try a demo job:</span>
        {DEMO_JOB_DESCRIPTIONS.map((d) => (
          <a href={`/match?demo=${d.id}`}>{d.title}</a>
        ))}
      </div>
    </form>
  );
}

interface MatchViewProps {
  title: string | null;
  reqs: PageRequirement[];
  unresolved: string[];
  taxonomy: Taxonomy;
  page: MatchPage | null;
  analysis: PositionAnalysis | null;
  error: string | null;
  extra: Record<string, string>;
}

function Chip(props: {
  r: PageRequirement;
  i: number;
  all: PageRequirement[];
  label: string;
  extra: Record<string, string>;
}) {
  const { r, i } = props;
  const without = requirementsToQuery(
    props.all.filter((_, j) => j !== i),
    props.extra,
  );
  return (
    <div class={`chip${r.inferred ? " inferred" : ""}`} data-row>
      <input type="hidden" name="skill" value={r.skill} />
      {r.inferred && <input type="hidden" name="inferred" value={r.skill} />}
      {r.alternatives?.length ? <input type="hidden" name="anyof" value={anyOfValue(r)} /> : ""}
      <strong>{props.label}</strong>
      {r.inferred && (
        <span class="tag" title="added from the job title's occupation">
          inferred
        </span>
      )}
      <LevelSelect name="level" value={r.level} label={`minimum level for ${props.label}`} />
      <NeedSelect required={r.required} label={`required or preferred: ${props.label}`} />
      <a href={`/match?${without}`} aria-label={`remove ${props.label}`}>
        ✕
      </a>
    </div>
  );
}

export function MatchView(props: MatchViewProps) {
  const query = requirementsToQuery(props.reqs, props.extra);
  return (
    <Layout title={props.title ? `Match: ${props.title}` : "Match"}>
      <h1>{props.title ? `Candidates for “${props.title}”` : "Candidates for this position"}</h1>
      <form method="get" action="/match" data-autosubmit aria-label="requirements">
        <p class="muted">
          The requirements we understood — change a level or required/preferred and the ranking updates.
        </p>
        <div class="chips" id="chips">
          {props.reqs.map((r, i) => (
            <Chip
              r={r}
              i={i}
              all={props.reqs}
              label={anyOfLabel(
                [r.skill, ...(r.alternatives ?? [])].map((s) => props.taxonomy.get(s)?.label ?? s),
              )}
              extra={props.extra}
            />
          ))}
        </div>
        {props.title && <input type="hidden" name="title" value={props.title} />}
        {props.unresolved.map((u) => (
          <input type="hidden" name="unresolved" value={u} />
        ))}
        <div class="row">
          <label for="add-skill">Add a skill</label>
          <input id="add-skill" name="skill" list="skill-options" placeholder="e.g. Kubernetes" />
          <input type="hidden" name="level" value="" />
          <input type="hidden" name="need" value="preferred" />
          <datalist id="skill-options"></datalist>
          <label>
            <input type="checkbox" name="verified" value="1" checked={props.extra.verified === "1"} />{" "}
            verified only
          </label>
          <label title="hide names, e-mails, locations and issuers that name the person, for a first screening pass">
            <input type="checkbox" name="blind" value="1" checked={props.extra.blind === "1"} /> blind first
            look
          </label>
          <input type="hidden" name="partial" value="0" />
          <label>
            <input type="checkbox" name="partial" value="1" checked={props.extra.partial !== "0"} /> include
            partial matches
          </label>
          <button type="submit">Re-rank</button>
          <a href="/match">New job description</a>
        </div>
      </form>
      <AnalysisPanel analysis={props.analysis} />
      {props.unresolved.length > 0 && (
        <p class="unresolved">Not understood as skills: {props.unresolved.join(", ")}</p>
      )}
      {props.error && <ErrorBox title="Could not rank">{props.error}</ErrorBox>}
      {props.page && <Results page={props.page} query={query} />}
    </Layout>
  );
}
