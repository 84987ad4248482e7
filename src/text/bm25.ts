/**
 * Okapi BM25 over documents given as token arrays. Generic: callers tokenise (and stem) however
 * they like; several fields can be weighted by repeating tokens or by summing two indexes.
 */
export interface Bm25Options {
  k1?: number;
  b?: number;
}

export interface Bm25Hit {
  doc: number;
  score: number;
}

export interface Bm25Index {
  readonly size: number;
  /** score every document containing at least one query token; best first, at most k */
  search(query: readonly string[], k: number): Bm25Hit[];
  /** all scores as doc → score, for callers that combine indexes */
  scores(query: readonly string[]): Map<number, number>;
}

export interface Bm25Posting {
  doc: number;
  /** the term's whole contribution to this document's score */
  weight: number;
}

/**
 * Per term, every document holding it with the term's weight there:
 * idf · tf·(k1+1) / (tf + k1·(1 − b + b·length/average length)). A query's score for a document is
 * the sum of its terms' weights.
 */
export function bm25Postings(
  docs: readonly (readonly string[])[],
  k1: number,
  b: number,
): Map<string, Bm25Posting[]> {
  const lengths = docs.map((d) => d.length);
  const avgdl = lengths.reduce((s, n) => s + n, 0) / Math.max(1, docs.length) || 1;
  const counts = new Map<string, { doc: number; tf: number }[]>();
  docs.forEach((tokens, doc) => {
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      const list = counts.get(t) ?? [];
      list.push({ doc, tf: n });
      counts.set(t, list);
    }
  });
  const n = docs.length;
  const postings = new Map<string, Bm25Posting[]>();
  for (const [t, list] of counts) {
    const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
    const weighted = list.map(({ doc, tf }) => {
      const norm = tf + k1 * (1 - b + (b * (lengths[doc] ?? 0)) / avgdl);
      return { doc, weight: (idf * tf * (k1 + 1)) / norm };
    });
    postings.set(t, weighted);
  }
  return postings;
}

export function createBm25(docs: readonly (readonly string[])[], options: Bm25Options = {}): Bm25Index {
  const postings = bm25Postings(docs, options.k1 ?? 1.2, options.b ?? 0.75);
  const scores = (query: readonly string[]): Map<number, number> => {
    const out = new Map<number, number>();
    for (const t of new Set(query))
      for (const { doc, weight } of postings.get(t) ?? []) out.set(doc, (out.get(doc) ?? 0) + weight);
    return out;
  };
  return {
    size: docs.length,
    scores,
    search: (query, k) =>
      [...scores(query)]
        .map(([doc, score]) => ({ doc, score }))
        .sort((a, b2) => b2.score - a.score || a.doc - b2.doc)
        .slice(0, k),
  };
}
