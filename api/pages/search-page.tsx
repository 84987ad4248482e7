/** @jsxImportSource hono/jsx */
import type { MatchPage } from "../../src/engine/types.ts";
import { ErrorBox, LevelSelect, NeedSelect } from "./components.tsx";
import { Layout } from "./layout.tsx";
import { type PageRequirement, requirementsToQuery } from "./query.ts";
import { Results } from "./results.tsx";

function SkillRow(props: { r: PageRequirement; n: number }) {
  return (
    <div class="row" data-row>
      <input
        name="skill"
        value={props.r.skill}
        list="skill-options"
        placeholder="skill, e.g. Python"
        aria-label={`skill ${props.n}`}
      />
      <LevelSelect name="level" value={props.r.level} label={`minimum level for skill ${props.n}`} />
      <NeedSelect required={props.r.required} label={`required or preferred: skill ${props.n}`} />
      <button type="button" class="secondary" data-remove-row aria-label={`remove skill ${props.n}`}>
        ✕
      </button>
    </div>
  );
}

const BLANK: PageRequirement = { skill: "", level: null, required: true, inferred: false };

export function SearchView(props: {
  reqs: PageRequirement[];
  extra: Record<string, string>;
  page: MatchPage | null;
  error: string | null;
}) {
  const rows = [...props.reqs, BLANK];
  return (
    <Layout title="Search">
      <h1>Search candidates by skill</h1>
      <form method="get" action="/search" aria-label="search">
        <p class="muted">
          A required skill with a level is an exact filter: only candidates who hold it at that level or above
          are shown.
        </p>
        <div id="skill-rows">
          {rows.map((r, i) => (
            <SkillRow r={r} n={i + 1} />
          ))}
        </div>
        <datalist id="skill-options"></datalist>
        <div class="row">
          <button type="button" class="secondary" data-add-row="skill-rows">
            + add a skill
          </button>
          <label>
            <input type="checkbox" name="verified" value="1" checked={props.extra.verified === "1"} />{" "}
            verified only
          </label>
          <label for="within">practiced within</label>
          <input
            id="within"
            name="within"
            type="number"
            min="1"
            max="50"
            size={3}
            value={props.extra.within ?? ""}
          />
          <span>years</span>
          <button type="submit">Search</button>
        </div>
      </form>
      {props.error && <ErrorBox title="Could not search">{props.error}</ErrorBox>}
      {props.page && (
        <>
          {props.page.unresolved.length > 0 && (
            <p class="unresolved">Not found in the taxonomy: {props.page.unresolved.join(", ")}</p>
          )}
          <Results page={props.page} query={requirementsToQuery(props.reqs, props.extra)} />
        </>
      )}
    </Layout>
  );
}
