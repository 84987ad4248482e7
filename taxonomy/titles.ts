/**
 * Job title → ranked occupations. The title is normalised (title-normalise.ts) into a head ("java
 * developer") and qualifiers; each occupation is as good as its best name — its label, its
 * alternative labels, and titles other sources give it (O*NET alternate and reported titles,
 * weaker) — by IDF-weighted cosine over stems. A word no name uses is read as its nearest
 * vocabulary word by character trigrams ("maintainance", "genaral"), trusted by how close it is. A
 * title whose head is a name wins outright.
 */
import { contentStems } from "./resolver/concept-index.ts";
import { normaliseTitle } from "./title-normalise.ts";

export { TITLE_NOISE } from "./title-normalise.ts";

export interface TitleOccupation {
  id: string;
  label: string;
  aliases?: readonly string[];
  /** titles other sources give the occupation (O*NET alternate and reported titles): weaker names */
  titles?: readonly string[];
  escoUri?: string;
}

export interface TitleMatch {
  id: string;
  uri?: string;
  label: string;
  /** 0…1 */
  score: number;
}

export interface TitleWeights {
  /** added to a name that is the occupation's label */
  labelBonus: number;
  /** score of a title whose head is a name */
  exact: number;
  minScore: number;
  /** a qualifier word counts this much of a head word */
  qualifier: number;
  /** a name from another source counts this much of an ESCO name */
  otherSource: number;
  /** least trigram similarity (Dice) for an unknown word to be read as a known one */
  spelling: number;
}

/** The few hand-set weights; qualifier is chosen by k-fold CV (benchmarks/titles.ts). */
export const TITLE_WEIGHTS: TitleWeights = {
  labelBonus: 0.15,
  exact: 1,
  minScore: 0.1,
  qualifier: 0.6,
  otherSource: 0.8,
  spelling: 0.6,
};

interface Name {
  occ: number;
  stems: string[];
  norm: number;
  bonus: number;
  weight: number;
}

interface TitleIndex {
  occupations: readonly TitleOccupation[];
  exact: Map<string, number>;
  /** stem → names using it */
  postings: Map<string, number[]>;
  names: Name[];
  idf: Map<string, number>;
  /** trigram → vocabulary stems containing it */
  trigrams: Map<string, string[]>;
  /** unknown stem → its nearest known one (or none), as found */
  nearest: Map<string, { stem: string; sim: number } | undefined>;
  /** scratch accumulators per name and per occupation, all zero between queries */
  dot: Float64Array;
  best: Float64Array;
}

const cache = new WeakMap<readonly TitleOccupation[], Map<string, TitleIndex>>();

const headKey = (title: string): string => normaliseTitle(title).head.join(" ");
const stemsOf = (words: readonly string[]): string[] => contentStems(words.join(" "));

const trigramsOf = (s: string): string[] => {
  const padded = ` ${s} `;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return [...new Set(out)];
};

function buildIndex(occupations: readonly TitleOccupation[], w: TitleWeights): TitleIndex {
  const exact = new Map<string, number>();
  const raw: Omit<Name, "norm">[] = [];
  occupations.forEach((o, occ) => {
    const sources: [string, number, number][] = [
      [o.label, w.labelBonus, 1],
      ...(o.aliases ?? []).map((a): [string, number, number] => [a, 0, 1]),
      ...(o.titles ?? []).map((t): [string, number, number] => [t, 0, w.otherSource]),
    ];
    for (const [name, bonus, weight] of sources) {
      const key = headKey(name);
      if (key && weight === 1 && (bonus > 0 || !exact.has(key))) exact.set(key, occ);
      const { head, qualifiers } = normaliseTitle(name);
      const stems = [...new Set([...stemsOf(head), ...stemsOf(qualifiers)])];
      if (stems.length) raw.push({ occ, stems, bonus, weight });
    }
  });
  const df = new Map<string, number>();
  for (const n of raw) for (const s of n.stems) df.set(s, (df.get(s) ?? 0) + 1);
  const idf = new Map([...df].map(([s, d]) => [s, Math.log(1 + raw.length / d)]));
  const postings = new Map<string, number[]>();
  const names = raw.map((n, i) => {
    for (const s of n.stems) {
      const list = postings.get(s) ?? [];
      list.push(i);
      postings.set(s, list);
    }
    return { ...n, norm: Math.sqrt(n.stems.reduce((sum, s) => sum + (idf.get(s) ?? 0) ** 2, 0)) };
  });
  const trigrams = new Map<string, string[]>();
  for (const s of idf.keys())
    if (s.length >= 4)
      for (const g of trigramsOf(s)) {
        const list = trigrams.get(g) ?? [];
        list.push(s);
        trigrams.set(g, list);
      }
  return {
    occupations,
    exact,
    postings,
    names,
    idf,
    trigrams,
    nearest: new Map(),
    dot: new Float64Array(names.length),
    best: new Float64Array(occupations.length),
  };
}

const indexFor = (occupations: readonly TitleOccupation[], w: TitleWeights): TitleIndex => {
  const byWeights = cache.get(occupations) ?? new Map<string, TitleIndex>();
  cache.set(occupations, byWeights);
  const key = `${w.labelBonus}/${w.otherSource}`;
  let index = byWeights.get(key);
  if (!index) {
    index = buildIndex(occupations, w);
    byWeights.set(key, index);
  }
  return index;
};

const NEAREST_KEPT = 50_000;

/** Trigrams shared by this many stems say little about which one is meant: skipped when counting. */
const COMMON_TRIGRAM = 400;

/** The known stem nearest an unknown one by trigram Dice, when at least `min`; remembered per index. */
function nearestStem(index: TitleIndex, s: string, min: number): { stem: string; sim: number } | undefined {
  if (s.length < 4) return undefined;
  if (index.nearest.has(s)) {
    const found = index.nearest.get(s);
    return found && found.sim >= min ? found : undefined;
  }
  const grams = trigramsOf(s);
  const shared = new Map<string, number>();
  for (const g of grams) {
    const list = index.trigrams.get(g) ?? [];
    if (list.length <= COMMON_TRIGRAM) for (const v of list) shared.set(v, (shared.get(v) ?? 0) + 1);
  }
  let best: { stem: string; sim: number } | undefined;
  for (const [v, n] of shared) {
    const sim = (2 * n) / (grams.length + v.length);
    if (!best || sim > best.sim) best = { stem: v, sim };
  }
  // Bounded: a server meets unknown words without end.
  if (index.nearest.size >= NEAREST_KEPT) index.nearest.clear();
  index.nearest.set(s, best);
  return best && best.sim >= min ? best : undefined;
}

/**
 * Each title stem's weight: IDF, qualifiers at `qualifier`; a misspelt word counts as its nearest
 * known word scaled by similarity; a word nobody uses keeps the highest IDF — "rasper operator" is
 * not just "operator".
 */
function queryWeights(index: TitleIndex, head: string[], qualifiers: string[], w: TitleWeights) {
  const unseen = Math.log(1 + index.names.length);
  const weights = new Map<string, number>();
  const add = (stems: string[], factor: number) => {
    for (const s of stems) {
      const known = index.idf.get(s);
      const near = known === undefined ? nearestStem(index, s, w.spelling) : undefined;
      const key = near?.stem ?? s;
      const weight = factor * (near ? near.sim * (index.idf.get(near.stem) ?? 0) : (known ?? unseen));
      if (weight > (weights.get(key) ?? 0)) weights.set(key, weight);
    }
  };
  add(qualifiers, w.qualifier);
  add(head, 1);
  return weights;
}

function scores(
  index: TitleIndex,
  head: string[],
  qualifiers: string[],
  w: TitleWeights,
): Map<number, number> {
  const headStems = stemsOf(head);
  const query = queryWeights(index, headStems, stemsOf(qualifiers), w);
  const qNorm = Math.sqrt([...query.values()].reduce((sum, x) => sum + x ** 2, 0));
  const byOcc = new Map<number, number>();
  if (qNorm === 0) return byOcc;
  const dot = index.dot;
  const touched: number[] = [];
  for (const [s, x] of query) {
    const idf = index.idf.get(s) ?? 0;
    for (const n of index.postings.get(s) ?? []) {
      if (dot[n] === 0) touched.push(n);
      dot[n] = (dot[n] ?? 0) + x * idf;
    }
  }
  const best = index.best;
  const occs: number[] = [];
  for (const n of touched) {
    const name = index.names[n];
    const d = dot[n] ?? 0;
    dot[n] = 0;
    if (!name) continue;
    const score = (name.weight * d) / (qNorm * name.norm) + name.bonus;
    const seen = best[name.occ] ?? 0;
    if (seen === 0) occs.push(name.occ);
    if (score > seen) best[name.occ] = score;
  }
  for (const o of occs) {
    byOcc.set(o, best[o] ?? 0);
    best[o] = 0;
  }
  return byOcc;
}

const toMatch = (o: TitleOccupation, score: number): TitleMatch => ({
  id: o.id,
  ...(o.escoUri ? { uri: o.escoUri } : {}),
  label: o.label,
  score: Math.round(Math.min(1, score) * 1000) / 1000,
});

export function matchTitles(
  title: string,
  occupations: readonly TitleOccupation[],
  k: number,
  weights: Partial<TitleWeights> = {},
): TitleMatch[] {
  const w = { ...TITLE_WEIGHTS, ...weights };
  const index = indexFor(occupations, w);
  const { head, qualifiers } = normaliseTitle(title);
  if (!head.length) return [];
  const byOcc = scores(index, head, qualifiers, w);
  const exact = index.exact.get(head.join(" "));
  if (exact !== undefined) byOcc.set(exact, w.exact + 1);
  return [...byOcc]
    .filter(([, s]) => s >= w.minScore)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, k)
    .flatMap(([occ, s]) => {
      const o = index.occupations[occ];
      return o ? [toMatch(o, s)] : [];
    });
}
