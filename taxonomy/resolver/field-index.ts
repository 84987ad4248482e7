/**
 * Okapi BM25 over one field of every concept (its names, its description): src/text/bm25.ts's
 * postings (the same weights) held in typed arrays, the query accumulated in a typed array:
 * extraction asks thousands of these per second. Returns the best `k` documents, best first, ties by document order.
 */
import { bm25Postings } from "../../src/text/bm25.ts";

export interface FieldHit {
  doc: number;
  score: number;
}

export interface FieldIndex {
  search(query: readonly string[], k: number): FieldHit[];
}

export function createFieldIndex(
  docs: readonly (readonly string[])[],
  options: { k1: number; b: number },
): FieldIndex {
  const postings = new Map<string, { docs: Int32Array; weights: Float64Array }>();
  for (const [t, list] of bm25Postings(docs, options.k1, options.b))
    postings.set(t, {
      docs: Int32Array.from(list, (p) => p.doc),
      weights: Float64Array.from(list, (p) => p.weight),
    });
  const acc = new Float64Array(docs.length);
  return {
    search(query, k) {
      const touched: number[] = [];
      for (const t of new Set(query)) {
        const p = postings.get(t);
        if (!p) continue;
        for (let i = 0; i < p.docs.length; i++) {
          const doc = p.docs[i] ?? 0;
          if (acc[doc] === 0) touched.push(doc);
          acc[doc] = (acc[doc] ?? 0) + (p.weights[i] ?? 0);
        }
      }
      const hits = touched.map((doc) => ({ doc, score: acc[doc] ?? 0 }));
      for (const doc of touched) acc[doc] = 0;
      return topK(hits, k);
    },
  };
}

/** The k best by score, then by document: a bounded selection before the final sort. */
function topK(hits: FieldHit[], k: number): FieldHit[] {
  const better = (a: FieldHit, c: FieldHit) => a.score > c.score || (a.score === c.score && a.doc < c.doc);
  if (hits.length > 4 * k) {
    // The k-th best score from a sorted copy of the bare scores, then only what can reach it is sorted.
    const scores = Float64Array.from(hits, (h) => h.score).sort();
    const threshold = scores[scores.length - k] ?? Number.NEGATIVE_INFINITY;
    hits = hits.filter((h) => h.score >= threshold);
  }
  return hits.sort((a, c) => (better(a, c) ? -1 : better(c, a) ? 1 : 0)).slice(0, k);
}
