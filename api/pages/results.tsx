/** @jsxImportSource hono/jsx */
import type { MatchPage } from "../../src/engine/types.ts";
import { candidatesWithEvidence } from "../../src/scoring/display.ts";
import { ResultCard } from "./components.tsx";

export function Results(props: { page: MatchPage; query: string }) {
  const { page } = props;
  if (page.results.length === 0)
    return (
      <p role="status">
        No candidate meets these requirements. Try lowering a level, marking a skill preferred, or including
        partial matches.
      </p>
    );
  const qualified = page.results.filter((r) => r.qualified).length;
  return (
    <section aria-label="ranked candidates">
      <p role="status" class="muted">
        {candidatesWithEvidence(page)} · showing {page.results.length}
        {qualified < page.results.length ? ` · ${qualified} qualified, then the closest to qualifying` : ""}
      </p>
      <p class="muted score-legend">
        A score of 90 means this person very likely meets nearly all of the position, weighted as you set it;
        50, about half of it. It is estimated from all their evidence: attested records count more than
        claims, recent practice more than old.
      </p>
      {page.results.map((r) => (
        <ResultCard
          result={r}
          explainHref={`/explain?candidate=${encodeURIComponent(r.candidateId)}&${props.query}`}
        />
      ))}
    </section>
  );
}
