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
      const hits = bestOf(touched, acc, k);
      for (const doc of touched) acc[doc] = 0;
      return hits;
    },
  };
}

/**
 * The k best of the touched documents by score, then by document. Only those that can reach the
 * k-th best score become hit objects: with thousands touched, making one per document and sorting
 * them all was most of a search.
 */
function bestOf(touched: readonly number[], acc: Float64Array, k: number): FieldHit[] {
  let threshold = Number.NEGATIVE_INFINITY;
  if (touched.length > 4 * k) {
    const scores = Float64Array.from(touched, (doc) => acc[doc] ?? 0).sort();
    threshold = scores[scores.length - k] ?? Number.NEGATIVE_INFINITY;
  }
  const hits: FieldHit[] = [];
  for (const doc of touched) {
    const score = acc[doc] ?? 0;
    if (score >= threshold) hits.push({ doc, score });
  }
  return hits.sort((a, c) => c.score - a.score || a.doc - c.doc).slice(0, k);
}
