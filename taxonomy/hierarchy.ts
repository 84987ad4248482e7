/** Walking the broader-than hierarchy of a concept list. */
import type { Concept } from "./model.ts";

/** Transitive broader concepts of `id`, nearest first, breadth-first; unknown ids and cycles are skipped. */
export function ancestorsOf(byId: ReadonlyMap<string, Pick<Concept, "broader">>, id: string): string[] {
  const out: string[] = [];
  const seen = new Set([id]);
  let frontier = [id];
  while (frontier.length) {
    const next: string[] = [];
    for (const f of frontier)
      for (const b of byId.get(f)?.broader ?? [])
        if (!seen.has(b) && byId.has(b)) {
          seen.add(b);
          out.push(b);
          next.push(b);
        }
    frontier = next;
  }
  return out;
}
