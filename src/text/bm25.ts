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

export function createBm25(docs: readonly (readonly string[])[], options: Bm25Options = {}): Bm25Index {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const postings = new Map<string, { doc: number; tf: number }[]>();
  const lengths = docs.map((d) => d.length);
  const avgdl = lengths.reduce((s, n) => s + n, 0) / Math.max(1, docs.length) || 1;
  docs.forEach((tokens, doc) => {
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      const list = postings.get(t) ?? [];
      list.push({ doc, tf: n });
      postings.set(t, list);
    }
  });
  const n = docs.length;
  const idf = (t: string): number => {
    const df = postings.get(t)?.length ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };
  const scores = (query: readonly string[]): Map<number, number> => {
    const out = new Map<number, number>();
    for (const t of new Set(query)) {
      const list = postings.get(t);
      if (!list) continue;
      const w = idf(t);
      for (const { doc, tf } of list) {
        const norm = tf + k1 * (1 - b + (b * (lengths[doc] ?? 0)) / avgdl);
        out.set(doc, (out.get(doc) ?? 0) + (w * tf * (k1 + 1)) / norm);
      }
    }
    return out;
  };
  return {
    size: n,
    scores,
    search: (query, k) =>
      [...scores(query)]
        .map(([doc, score]) => ({ doc, score }))
        .sort((a, b2) => b2.score - a.score || a.doc - b2.doc)
        .slice(0, k),
  };
}
