/**
 * Okapi BM25 over one field of every concept (its names, its description), scored as
 * src/text/bm25.ts scores (same idf, k1, b) but with each posting's contribution computed once at
 * build time and the query accumulated in a typed array: extraction asks thousands of these per
 * second. Returns the best `k` documents, best first, ties by document order.
 */
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
  const { k1, b } = options;
  const lengths = docs.map((d) => d.length);
  const avgdl = lengths.reduce((s, n) => s + n, 0) / Math.max(1, docs.length) || 1;
  const raw = new Map<string, { doc: number; tf: number }[]>();
  docs.forEach((tokens, doc) => {
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      const list = raw.get(t) ?? [];
      list.push({ doc, tf: n });
      raw.set(t, list);
    }
  });
  const n = docs.length;
  const postings = new Map<string, { docs: Int32Array; weights: Float64Array }>();
  for (const [t, list] of raw) {
    const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
    postings.set(t, {
      docs: Int32Array.from(list, (p) => p.doc),
      weights: Float64Array.from(list, ({ doc, tf }) => {
        const norm = tf + k1 * (1 - b + (b * (lengths[doc] ?? 0)) / avgdl);
        return (idf * tf * (k1 + 1)) / norm;
      }),
    });
  }
  const acc = new Float64Array(n);
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
