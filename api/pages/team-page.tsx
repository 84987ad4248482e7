/** @jsxImportSource hono/jsx */
/**
 * A team's gap against one target as a heat-map: requirements down, level bands across, each cell
 * the number of people whose evidence reaches that band — darker is more people — with who is
 * closest to meeting each requirement linked to their page.
 */
import type { SavedPosition } from "../../src/domain/positions.ts";
import type { TeamGapPage } from "../../src/engine/gaps.ts";
import { LEVEL_BANDS, type LevelBand } from "../../src/match/team-gap.ts";
import { formatScore } from "../../src/scoring/display.ts";
import { ErrorBox, TableHead } from "./components.tsx";
import { Layout } from "./layout.tsx";
import { levelName } from "./levels.ts";

export interface TargetChoice {
  positions: readonly SavedPosition[];
  occupations: readonly { id: string; label: string }[];
}

const person = (p: { candidateId: string; name: string | null }) => (
  <a href={`/candidates/${encodeURIComponent(p.candidateId)}`}>{p.name ?? p.candidateId}</a>
);

/** Bands a requirement's minimum is reached in: the cells shaded as meeting it. */
function meetsBand(band: LevelBand, minLevel: number | null): boolean {
  const level = LEVEL_BANDS.indexOf(band) - 1;
  if (level < 1) return false;
  return minLevel === null || level >= Math.floor(minLevel);
}

/** Shades in ten steps: a class per step, since the pages' CSP allows no inline style. */
export const HEAT_STEPS = 10;

function Heat(props: { count: number; people: number; meets: boolean }) {
  const share = props.people ? props.count / props.people : 0;
  // at least the faintest step for any count, so one person never disappears
  const step = props.count === 0 ? 0 : Math.max(1, Math.round(share * HEAT_STEPS));
  return (
    <td class={`heat h${step}${props.meets ? " meets" : ""}`} title={`${props.count} of ${props.people}`}>
      {props.count || ""}
    </td>
  );
}

export function TeamPicker(props: { choice: TargetChoice; error?: string }) {
  return (
    <Layout title="Team gap">
      <h1>A team's skills gap</h1>
      {props.error && <ErrorBox title="Cannot show this gap">{props.error}</ErrorBox>}
      <TargetForm
        name="position"
        label="Saved position"
        options={props.choice.positions.map((p) => ({ value: p.id, label: p.name }))}
      />
      <TargetForm
        name="occupation"
        label="Occupation"
        options={props.choice.occupations.map((o) => ({ value: o.id, label: o.label }))}
      />
    </Layout>
  );
}

/** One way to pick the gap's target: a list to choose from and a button. */
function TargetForm(props: { name: string; label: string; options: { value: string; label: string }[] }) {
  return (
    <form method="get" action="/team" class="row">
      <label for={props.name}>{props.label}</label>
      <select id={props.name} name={props.name}>
        {props.options.map((o) => (
          <option value={o.value}>{o.label}</option>
        ))}
      </select>
      <button type="submit">Show the gap</button>
    </form>
  );
}

export function TeamView(props: { gap: TeamGapPage }) {
  const { gap } = props;
  return (
    <Layout title={`Team gap · ${gap.target.label}`}>
      <h1>
        {gap.target.label} <span class="muted">· {gap.people} people</span>
      </h1>
      <p class="muted">
        Each cell counts the people whose evidence reaches that level; green cells meet the requirement, amber
        ones fall short. Darker means more of the team.
      </p>
      <div class="scroll">
        <table class="data heatmap" aria-label="gap heat-map">
          <thead>
            <tr>
              <th scope="col">Requirement</th>
              <th scope="col">Meet</th>
              <th scope="col">Partly</th>
              <th scope="col">Lack</th>
              {LEVEL_BANDS.map((b) => (
                <th scope="col" class="band">
                  {b}
                </th>
              ))}
              <th scope="col">Closest to meeting it</th>
            </tr>
          </thead>
          <tbody>
            {gap.requirements.map((r) => (
              <tr data-requirement={r.conceptId}>
                <th scope="row">
                  {r.label}
                  {r.required && <span class="muted"> (required)</span>}
                  {r.minLevel !== null && <div class="muted small">needs {levelName(r.minLevel)}</div>}
                </th>
                <td class="outcome-met">{r.meet}</td>
                <td class="outcome-partial">{r.partial}</td>
                <td class="outcome-missing">{r.lack}</td>
                {LEVEL_BANDS.map((b) => (
                  <Heat count={r.bands[b]} people={gap.people} meets={meetsBand(b, r.minLevel)} />
                ))}
                <td class="small">
                  {r.closest.map((p, i) => (
                    <>
                      {i > 0 ? ", " : ""}
                      {person(p)} <span class="muted">({p.band})</span>
                    </>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {gap.closest.length > 0 && (
        <>
          <h2>Closest to the whole role</h2>
          <table class="data" aria-label="closest people">
            <TableHead columns={["Person", "Score", "Meets", "Still lacking"]} />
            <tbody>
              {gap.closest.map((p) => (
                <tr>
                  <td>{person(p)}</td>
                  <td>{formatScore(p.score)}</td>
                  <td>
                    {p.met} of {gap.requirements.length}
                  </td>
                  <td>{p.lacking.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Layout>
  );
}
