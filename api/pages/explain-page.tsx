/** @jsxImportSource hono/jsx */

import type { MatchResult } from "../../src/domain/match.ts";
import { apportionPoints, formatScore } from "../../src/scoring/display.ts";
import { TableHead } from "./components.tsx";
import { Layout } from "./layout.tsx";
import { levelName } from "./levels.ts";

const f = (n: number) => n.toFixed(3);

export function ExplainView(props: { result: MatchResult; backHref: string }) {
  const { result } = props;
  const totalWeight = result.explanation.requirements.reduce((s, r) => s + r.weight, 0);
  const points = apportionPoints(
    result.explanation.requirements.map((r) => r.contribution),
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
        Each requirement's match m = similarity × fit × trust × recency of its best evidence; its contribution
        is weight × m ÷ total weight ({totalWeight}), shown in points out of 100. The contributions add up to
        the score.
      </p>
      <div style="overflow-x:auto">
        <table class="data" aria-label="score breakdown">
          <TableHead
            columns={[
              "Requirement",
              "Best evidence",
              "Similarity",
              "Fit",
              "Trust",
              "Recency",
              "m",
              "Weight",
              "Contribution",
            ]}
          />
          <tbody>
            {result.explanation.requirements.map((r, i) => (
              <tr>
                <td>
                  {r.label}
                  {r.minLevel !== null ? ` ≥ ${levelName(r.minLevel)}` : ""}
                  {r.required ? " (required)" : ""}
                </td>
                <td>
                  {r.best ? (
                    <>
                      “{r.best.skillText}” {r.best.rawLevel ?? "no level"} → {levelName(r.best.level)}
                      <br />
                      <span class="muted">
                        {r.best.sourceKind}
                        {r.best.issuer ? ` · ${r.best.issuer}` : ""}
                        {r.best.date ? ` · ${r.best.date.slice(0, 10)}` : ""}
                      </span>
                    </>
                  ) : (
                    <span class="muted">no evidence</span>
                  )}
                </td>
                <td>{r.best ? `${f(r.best.factors.similarity)} (${r.best.factors.relation})` : "–"}</td>
                <td>{r.best ? f(r.best.factors.fit) : "–"}</td>
                <td>{r.best ? f(r.best.factors.trust) : "–"}</td>
                <td>{r.best ? f(r.best.factors.recency) : "–"}</td>
                <td>{f(r.match)}</td>
                <td>{r.weight}</td>
                <td data-testid="contribution">{points[i]}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colspan={8}>Score (sum of contributions)</td>
              <td data-testid="sum">{sum}</td>
            </tr>
          </tfoot>
        </table>
      </div>
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
