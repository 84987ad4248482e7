/** @jsxImportSource hono/jsx */
/**
 * "Roles that fit" on a person's page: each role's score now, and what closing each of its top
 * gaps would add, as one bar — the solid part is the person today, each lighter step a gap closed.
 */
import type { RoleFit, RolesPage } from "../../src/engine/roles.ts";
import { formatScore, SCORE_POINTS } from "../../src/scoring/display.ts";
import { TableHead } from "./components.tsx";

const BAR_WIDTH = 240;

export const teamHref = (role: Pick<RoleFit, "kind" | "id">): string =>
  `/team?${role.kind === "position" ? "position" : "occupation"}=${encodeURIComponent(role.id)}`;

/** Score now, then each gap's gain stacked after it, on a 0–100 scale. */
function GapBar(props: { role: RoleFit }) {
  const { role } = props;
  const unit = BAR_WIDTH / SCORE_POINTS;
  const now = role.score * SCORE_POINTS * unit;
  let x = now;
  const steps = role.gaps.map((g) => {
    const w = Math.max(0, g.gain * SCORE_POINTS * unit);
    const step = { x, w, label: g.label };
    x += w;
    return step;
  });
  const label = `scores ${formatScore(role.score)}; closing ${role.gaps.length} gap${role.gaps.length === 1 ? "" : "s"} would bring it to about ${Math.min(SCORE_POINTS, Math.round(x / unit))}`;
  return (
    <svg
      class="gapbar"
      width={BAR_WIDTH}
      height="16"
      viewBox={`0 0 ${BAR_WIDTH} 16`}
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      <rect class="track" x="0" y="3" width={BAR_WIDTH} height="10" rx="3" />
      <rect class="now" x="0" y="3" width={Math.max(2, now)} height="10" rx="3" />
      {steps.map((s, i) => (
        <rect class={`gain gain-${i % 2}`} x={s.x} y="3" width={s.w} height="10">
          <title>{`${s.label}: +${Math.round(s.w / unit)}`}</title>
        </rect>
      ))}
    </svg>
  );
}

export function RolesThatFit(props: { page: RolesPage | null; error: string | null }) {
  const { page } = props;
  return (
    <section aria-labelledby="roles-title">
      <h2 id="roles-title">Roles that fit</h2>
      {props.error && <p class="muted">Roles could not be ranked: {props.error}</p>}
      {page && page.roles.length === 0 && (
        <p class="muted">No occupation or saved position asks for these skills.</p>
      )}
      {page && page.roles.length > 0 && (
        <>
          <p class="muted">
            Best {page.roles.length} of {page.total} roles this evidence bears on. The dark bar is the score
            today; each lighter step is what closing one gap would add.
          </p>
          <table class="data roles" aria-label="roles that fit">
            <TableHead columns={["Role", "Score", "Gap", "Closing it"]} />
            <tbody>
              {page.roles.map((r) => (
                <tr data-role={`${r.kind}:${r.id}`}>
                  <td>
                    <strong>{r.label}</strong>{" "}
                    <span class="tag">{r.kind === "position" ? "saved position" : r.source}</span>
                    <div class="muted small">
                      <a href={teamHref(r)}>team gap</a>
                    </div>
                  </td>
                  <td class="score-cell">{formatScore(r.score)}</td>
                  <td>
                    <GapBar role={r} />
                  </td>
                  <td>
                    {r.gaps.length === 0 && <span class="outcome-met">meets every requirement</span>}
                    <ul class="gaps">
                      {r.gaps.map((g) => (
                        <li>
                          <strong>+{formatScore(g.gain)}</strong> {g.note}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
