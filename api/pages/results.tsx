/** @jsxImportSource hono/jsx */
import type { MatchPage } from "../../src/engine/types.ts";
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
  return (
    <section aria-label="ranked candidates">
      <p role="status" class="muted">
        {page.total} candidates with evidence · showing {page.results.length}
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
