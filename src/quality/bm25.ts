/**
 * Okapi BM25 over short texts (a candidate's skills as written, an occupation's labels): the
 * lexical baseline every ranking is compared with. idf = ln(1 + (N − df + 0.5) / (df + 0.5)).
 */

export interface Bm25Options {
  k1?: number;
  b?: number;
}

export interface Bm25Index {
  /** document id → score, for documents sharing at least one term with the query */
  search(query: string): Map<string, number>;
  readonly size: number;
}

export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^a-z0-9+#]+/)
    .filter((t) => t.length > 0);
}

export function buildBm25(docs: Iterable<readonly [string, string]>, options: Bm25Options = {}): Bm25Index {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const postings = new Map<string, Map<string, number>>();
  const lengths = new Map<string, number>();
  for (const [id, text] of docs) {
    const tokens = tokenize(text);
    lengths.set(id, (lengths.get(id) ?? 0) + tokens.length);
    for (const t of tokens) {
      const posting = postings.get(t) ?? new Map<string, number>();
      posting.set(id, (posting.get(id) ?? 0) + 1);
      postings.set(t, posting);
    }
  }
  const n = lengths.size;
  const avgLength = n === 0 ? 0 : [...lengths.values()].reduce((s, l) => s + l, 0) / n;
  return {
    size: n,
    search(query) {
      const scores = new Map<string, number>();
      for (const term of new Set(tokenize(query))) {
        const posting = postings.get(term);
        if (!posting) continue;
        const idf = Math.log(1 + (n - posting.size + 0.5) / (posting.size + 0.5));
        for (const [id, tf] of posting) {
          const norm = tf + k1 * (1 - b + (b * (lengths.get(id) ?? 0)) / (avgLength || 1));
          scores.set(id, (scores.get(id) ?? 0) + (idf * tf * (k1 + 1)) / norm);
        }
      }
      return scores;
    },
  };
}
