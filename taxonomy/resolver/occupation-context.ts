/**
 * Occupation context for a sentence: which occupations its words describe (BM25 over each
 * occupation's label, alternative labels and description), and how strongly those occupations ask
 * for each skill (essential 1, optional ½). A sentence from a software posting reads "work in a
 * team" as *work in teams*, not *work in textile manufacturing teams*, because the occupations its
 * words point to list the first and not the second; "knowledge of technology strategies" reaches
 * *define technology strategy* rather than *leather technology* the same way. The score is a
 * share: the weight of the sentence's occupations that ask for the skill over the weight of all of
 * them, so it is 0…1 whatever the sentence's length.
 */
import { contentStems } from "./concept-index.ts";
import { createFieldIndex } from "./field-index.ts";

export interface ContextOccupation {
  label: string;
  aliases?: readonly string[];
  description?: string;
  /** concept ids */
  essential: readonly string[];
  optional?: readonly string[];
}

export const OPTIONAL_CONTEXT = 0.5;

export interface OccupationContext {
  /**
   * Reads the sentence's stems against the occupations (the best `depth`) and returns each skill's
   * share, by pool position; valid until the next call.
   */
  read(query: readonly string[], depth: number): (doc: number) => number;
}

export function createOccupationContext(
  occupations: readonly ContextOccupation[],
  position: ReadonlyMap<string, number>,
  poolSize: number,
  bm25: { k1: number; b: number },
): OccupationContext {
  const index = createFieldIndex(
    occupations.map((o) => contentStems([o.label, ...(o.aliases ?? []), o.description ?? ""].join(" "))),
    bm25,
  );
  const asks = occupations.map((o) => {
    const weights = new Map<number, number>();
    for (const id of o.optional ?? []) {
      const doc = position.get(id);
      if (doc !== undefined) weights.set(doc, OPTIONAL_CONTEXT);
    }
    for (const id of o.essential) {
      const doc = position.get(id);
      if (doc !== undefined) weights.set(doc, 1);
    }
    return { docs: Int32Array.from(weights.keys()), weights: Float64Array.from(weights.values()) };
  });
  const share = new Float64Array(poolSize);
  let touched: number[] = [];
  let total = 0;
  return {
    read(query, depth) {
      for (const doc of touched) share[doc] = 0;
      touched = [];
      total = 0;
      const hits = index.search(query, depth);
      const top = hits[0]?.score ?? 0;
      if (top <= 0) return () => 0;
      for (const { doc: occ, score } of hits) {
        const s = score / top;
        total += s;
        const a = asks[occ];
        if (!a) continue;
        for (let i = 0; i < a.docs.length; i++) {
          const doc = a.docs[i] ?? 0;
          if (share[doc] === 0) touched.push(doc);
          share[doc] = (share[doc] ?? 0) + s * (a.weights[i] ?? 0);
        }
      }
      const sum = total;
      return (doc) => (share[doc] ?? 0) / sum;
    },
  };
}
