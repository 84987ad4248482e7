/**
 * Okapi BM25 over short texts (a candidate's skills as written, an occupation's labels): the
 * lexical baseline every ranking is compared with. idf = ln(1 + (N − df + 0.5) / (df + 0.5)).
 */
import { getOrMake } from "../domain/maps.ts";
import { type Bm25Options, createBm25 } from "../text/bm25.ts";

export type { Bm25Options };

export interface Bm25Index {
  /** document id → score, for documents sharing at least one term with the query */
  search(query: string): Map<string, number>;
  readonly size: number;
}

export function bm25Terms(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^a-z0-9+#]+/)
    .filter((t) => t.length > 0);
}

/** BM25 over (id, text) pairs, tokenised with `bm25Terms`; one shared implementation underneath. */
export function buildBm25(docs: Iterable<readonly [string, string]>, options: Bm25Options = {}): Bm25Index {
  const ids: string[] = [];
  const tokens: string[][] = [];
  const slot = new Map<string, number>();
  for (const [id, text] of docs) {
    const i = getOrMake(slot, id, () => {
      tokens.push([]);
      return ids.push(id) - 1;
    });
    tokens[i]!.push(...bm25Terms(text));
  }
  const index = createBm25(tokens, options);
  return {
    size: index.size,
    search(query) {
      const out = new Map<string, number>();
      for (const [doc, score] of index.scores(bm25Terms(query))) out.set(ids[doc]!, score);
      return out;
    },
  };
}
