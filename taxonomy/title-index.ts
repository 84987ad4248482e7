/**
 * The vector spaces title matching searches: a set of names (an occupation's own names, or the
 * vacancy titles labelled with it), each a bag of stems weighted by IDF within its space, searched
 * by cosine through postings. Words no name uses are read as their nearest known word by character
 * trigrams, trusted by how close it is.
 */
import { contentStems } from "./resolver/concept-index.ts";
import { normaliseTitle } from "./title-normalise.ts";

export interface SpaceName {
  /** occupation position */
  occ: number;
  /** position among the occupation's names of this space */
  nth: number;
  stems: string[];
  /** added to the name's cosine (an occupation's label is its best name) */
  bonus: number;
  /** multiplies the cosine (names from another source are weaker) */
  weight: number;
}

export interface Space {
  /**
   * The names' fields a search reads, as columns by name position: reading them from 85,000 name
   * objects cost ~0.6 µs a name (1.5 ms a title), from typed arrays a few nanoseconds
   */
  columns: {
    occ: Int32Array;
    nth: Int32Array;
    norm: Float64Array;
    weight: Float64Array;
    bonus: Float64Array;
  };
  postings: Map<string, number[]>;
  idf: Map<string, number>;
  /** IDF of a word no name of the space uses: the highest */
  unseen: number;
  /** scratch accumulator per name, all zero between queries */
  dot: Float64Array;
}

export const stemsOf = (words: readonly string[]): string[] => contentStems(words.join(" "));

/** A name's (or labelled title's) stems, head and qualifiers alike: what it says, however it is punctuated. */
export function nameStems(name: string): string[] {
  const { head, qualifiers } = normaliseTitle(name);
  return [...new Set([...stemsOf(head), ...stemsOf(qualifiers)])];
}

export function buildSpace(raw: readonly SpaceName[]): Space {
  const df = new Map<string, number>();
  for (const n of raw) for (const s of n.stems) df.set(s, (df.get(s) ?? 0) + 1);
  const idf = new Map([...df].map(([s, d]) => [s, Math.log(1 + raw.length / d)]));
  const postings = new Map<string, number[]>();
  raw.forEach((n, i) => {
    for (const s of n.stems) {
      const list = postings.get(s) ?? [];
      list.push(i);
      postings.set(s, list);
    }
  });
  const columns = {
    occ: Int32Array.from(raw, (n) => n.occ),
    nth: Int32Array.from(raw, (n) => n.nth),
    norm: Float64Array.from(raw, (n) =>
      Math.sqrt(n.stems.reduce((sum, s) => sum + (idf.get(s) ?? 0) ** 2, 0)),
    ),
    weight: Float64Array.from(raw, (n) => n.weight),
    bonus: Float64Array.from(raw, (n) => n.bonus),
  };
  return { columns, postings, idf, unseen: Math.log(1 + raw.length), dot: new Float64Array(raw.length) };
}

/** A query word as the space reads it: a known stem and how far to trust it (1, or a trigram similarity). */
export interface QueryWord {
  stem: string;
  /** head 1, qualifier less */
  factor: number;
  /** 1 for a word as written; the trigram similarity for a misspelt one read as `stem` */
  trust: number;
}

/**
 * Cosine between the query and every name sharing a stem with it: `visit(name position, cosine)` once per
 * such name. A stem the space does not know counts at the space's highest IDF in the query's norm
 * ("rasper operator" is not just "operator").
 */
export function searchSpace(
  space: Space,
  query: readonly QueryWord[],
  visit: (name: number, cosine: number) => void,
): void {
  const weights = new Map<string, number>();
  for (const q of query) {
    const weight = q.factor * q.trust * (space.idf.get(q.stem) ?? space.unseen);
    if (weight > (weights.get(q.stem) ?? 0)) weights.set(q.stem, weight);
  }
  const qNorm = Math.sqrt([...weights.values()].reduce((sum, x) => sum + x ** 2, 0));
  if (qNorm === 0) return;
  const dot = space.dot;
  const touched: number[] = [];
  for (const [s, x] of weights) {
    const idf = space.idf.get(s);
    if (idf === undefined) continue;
    for (const n of space.postings.get(s) ?? []) {
      if (dot[n] === 0) touched.push(n);
      dot[n] = (dot[n] ?? 0) + x * idf;
    }
  }
  const { norm } = space.columns;
  for (const n of touched) {
    const d = dot[n] ?? 0;
    dot[n] = 0;
    visit(n, d / (qNorm * (norm[n] ?? 1)));
  }
}

const NEAREST_KEPT = 50_000;

/** Trigrams shared by this many stems say little about which one is meant: skipped when counting. */
const COMMON_TRIGRAM = 400;

const trigramsOf = (s: string): string[] => {
  const padded = ` ${s} `;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return [...new Set(out)];
};

/** Known stems by their character trigrams, to read a misspelt word as the word meant. */
export interface Spelling {
  known: Set<string>;
  trigrams: Map<string, string[]>;
  /** unknown stem → its nearest known one (or none), as found */
  nearest: Map<string, { stem: string; sim: number } | undefined>;
}

export function buildSpelling(vocabulary: Iterable<string>): Spelling {
  const known = new Set(vocabulary);
  const trigrams = new Map<string, string[]>();
  for (const s of known)
    if (s.length >= 4)
      for (const g of trigramsOf(s)) {
        const list = trigrams.get(g) ?? [];
        list.push(s);
        trigrams.set(g, list);
      }
  return { known, trigrams, nearest: new Map() };
}

/** The known stem nearest an unknown one by trigram Dice, when at least `min`; remembered. */
export function nearestStem(
  spelling: Spelling,
  s: string,
  min: number,
): { stem: string; sim: number } | undefined {
  if (s.length < 4) return undefined;
  if (spelling.nearest.has(s)) {
    const found = spelling.nearest.get(s);
    return found && found.sim >= min ? found : undefined;
  }
  const grams = trigramsOf(s);
  const shared = new Map<string, number>();
  for (const g of grams) {
    const list = spelling.trigrams.get(g) ?? [];
    if (list.length <= COMMON_TRIGRAM) for (const v of list) shared.set(v, (shared.get(v) ?? 0) + 1);
  }
  let best: { stem: string; sim: number } | undefined;
  for (const [v, n] of shared) {
    const sim = (2 * n) / (grams.length + v.length);
    if (!best || sim > best.sim) best = { stem: v, sim };
  }
  // Bounded: a server meets unknown words without end.
  if (spelling.nearest.size >= NEAREST_KEPT) spelling.nearest.clear();
  spelling.nearest.set(s, best);
  return best && best.sim >= min ? best : undefined;
}

/** The title's stems as query words: head at 1, qualifiers at `qualifier`, misspellings repaired. */
export function queryWords(
  spelling: Spelling,
  head: readonly string[],
  qualifiers: readonly string[],
  qualifier: number,
  minSpelling: number,
): QueryWord[] {
  const read = (stems: string[], factor: number): QueryWord[] =>
    stems.map((s) => {
      const near = spelling.known.has(s) ? undefined : nearestStem(spelling, s, minSpelling);
      return near ? { stem: near.stem, factor, trust: near.sim } : { stem: s, factor, trust: 1 };
    });
  return [...read(stemsOf(qualifiers), qualifier), ...read(stemsOf(head), 1)];
}
