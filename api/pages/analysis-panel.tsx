/** @jsxImportSource hono/jsx */
import type { PositionAnalysis } from "../../src/engine/analyse.ts";
import { anchorName } from "../../src/scoring/summary.ts";
import { TableHead } from "./components.tsx";

const level = (l: number | null) => (l === null ? "any level" : `≥ ${anchorName(l)}`);

/**
 * What each required requirement costs, beside the chips. The client script (client.ts) re-renders
 * the same markup from GET /match/analysis (the form's own query) whenever a chip changes.
 */
export function AnalysisPanel(props: { analysis: PositionAnalysis | null }) {
  const a = props.analysis;
  return (
    <aside id="analysis" class="analysis" aria-live="polite" aria-label="what each requirement costs">
      <h2>What each requirement costs</h2>
      {a ? (
        <>
          <p data-qualified>
            <strong>{a.qualified}</strong> of {a.population} people meet every required requirement.
          </p>
          {a.bottleneck && <p data-bottleneck>Bottleneck: {a.bottleneck}.</p>}
          {a.costs.length > 0 ? (
            <table class="data">
              <TableHead columns={["required", "shuts out", "if preferred", "one level lower"]} />
              <tbody>
                {a.costs.map((c) => (
                  <tr>
                    <td>
                      {c.label} <span class="muted">{level(c.minLevel)}</span>
                    </td>
                    <td>
                      {c.removes} of {c.otherwiseQualified}
                    </td>
                    <td>{c.ifPreferred}</td>
                    <td>{c.ifLowered ? c.ifLowered.qualified : "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class="muted">No requirement is required: nobody is shut out.</p>
          )}
        </>
      ) : (
        <p class="muted">No analysis for these requirements.</p>
      )}
    </aside>
  );
}
