/**
 * Job title → ranked occupations. The title is normalised (title-normalise.ts) into a head ("java
 * developer") and qualifiers; each occupation is as good as its best name — its label, its
 * alternative labels, and titles other sources give it (O*NET alternate titles, weaker) — by
 * IDF-weighted cosine over stems (title-index.ts). A word no name uses is read as its nearest
 * vocabulary word by character trigrams ("maintainance", "genaral"), trusted by how close it is. A
 * title whose head is a name wins outright. Vacancy titles already labelled with an occupation
 * (its `examples`) vote: the labelled titles most like the one asked lend their occupation a
 * share, and an occupation that is often the answer gains a little (its prior).
 */
import {
  buildSpace,
  buildSpelling,
  nameStems,
  queryWords,
  type Space,
  type SpaceName,
  type Spelling,
  searchSpace,
} from "./title-index.ts";
import { normaliseTitle } from "./title-normalise.ts";

export { TITLE_NOISE } from "./title-normalise.ts";

export interface TitleOccupation {
  id: string;
  label: string;
  aliases?: readonly string[];
  /** titles other sources give the occupation (O*NET alternate and reported titles): weaker names */
  titles?: readonly string[];
  /** vacancy titles labelled with this occupation (a repeat counts again): they vote, and their number is its prior */
  examples?: readonly string[];
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
  /** how much the labelled titles most like the title decide (their similarity-weighted share) */
  vote: number;
  /** how many of the most similar labelled titles vote */
  neighbours: number;
  /** how much an occupation that is often the answer gains (log-scaled count of its labelled titles) */
  prior: number;
}

/**
 * The few hand-set weights. vote, neighbours, prior and exact are the setting every fold of
 * `bench:titles` chose by nested cross-validation; qualifier was chosen the same way before
 * (docs/extraction.md).
 */
export const TITLE_WEIGHTS: TitleWeights = {
  labelBonus: 0.15,
  exact: 1,
  minScore: 0.1,
  qualifier: 0.6,
  otherSource: 0.8,
  spelling: 0.6,
  vote: 4,
  neighbours: 25,
  prior: 0.2,
};

/** An occupation's names and the vacancy titles labelled with it, as searchable spaces. */
export interface TitleIndex {
  occupations: readonly TitleOccupation[];
  /** a title whose head is one of these names is that occupation */
  exact: Map<string, number>;
  own: Space;
  labelled: Space;
  spelling: Spelling;
  /** per occupation, how often it is the answer (priorOf its labelled titles) */
  prior: Float64Array;
  /** scratch per occupation, all zero between queries */
  best: Float64Array;
}

const cache = new WeakMap<readonly TitleOccupation[], Map<string, TitleIndex>>();

const headKey = (title: string): string => normaliseTitle(title).head.join(" ");

export function buildTitleIndex(occupations: readonly TitleOccupation[], w: TitleWeights): TitleIndex {
  const exact = new Map<string, number>();
  const own: SpaceName[] = [];
  const labelled: SpaceName[] = [];
  const counts: number[] = [];
  occupations.forEach((o, occ) => {
    const sources: [string, number, number][] = [
      [o.label, w.labelBonus, 1],
      ...(o.aliases ?? []).map((a): [string, number, number] => [a, 0, 1]),
      ...(o.titles ?? []).map((t): [string, number, number] => [t, 0, w.otherSource]),
    ];
    sources.forEach(([name, bonus, weight], nth) => {
      const key = headKey(name);
      if (key && weight === 1 && (bonus > 0 || !exact.has(key))) exact.set(key, occ);
      const stems = nameStems(name);
      if (stems.length) own.push({ occ, nth, stems, bonus, weight });
    });
    (o.examples ?? []).forEach((title, nth) => {
      const stems = nameStems(title);
      if (stems.length) labelled.push({ occ, nth, stems, bonus: 0, weight: 1 });
    });
    counts[occ] = o.examples?.length ?? 0;
  });
  const ownSpace = buildSpace(own);
  const labelledSpace = buildSpace(labelled);
  return {
    occupations,
    exact,
    own: ownSpace,
    labelled: labelledSpace,
    spelling: buildSpelling([...ownSpace.idf.keys(), ...labelledSpace.idf.keys()]),
    prior: priorOf(counts),
    best: new Float64Array(occupations.length),
  };
}

/** Labelled titles per occupation → 0…1, log-scaled: 1 for the most frequent answer, 0 for one never given. */
export function priorOf(counts: readonly number[]): Float64Array {
  const scale = Math.log(1 + Math.max(0, ...counts));
  return Float64Array.from(counts, (n) => (scale > 0 ? Math.log(1 + n) / scale : 0));
}

const indexFor = (occupations: readonly TitleOccupation[], w: TitleWeights): TitleIndex => {
  const byWeights = cache.get(occupations) ?? new Map<string, TitleIndex>();
  cache.set(occupations, byWeights);
  const key = `${w.labelBonus}/${w.otherSource}`;
  let index = byWeights.get(key);
  if (!index) {
    index = buildTitleIndex(occupations, w);
    byWeights.set(key, index);
  }
  return index;
};

/** A labelled title like the one asked: its occupation, which of that occupation's examples, cosine. */
export interface Neighbour {
  occ: number;
  nth: number;
  sim: number;
}

/** What a title says about each occupation, before the weights that blend it. */
export interface TitleEvidence {
  /** occupation position → its best own name's score */
  lexical: Map<number, number>;
  /** the occupation one of whose names is the title's head, if any */
  exact?: number;
  /** the most similar labelled titles, best first (at most NEIGHBOURS_KEPT) */
  neighbours: Neighbour[];
}

/** Labelled titles kept per query, before any are set aside: more than any vote reads. */
const NEIGHBOURS_KEPT = 200;
/** A labelled title less similar than this says nothing about the title asked. */
const MIN_NEIGHBOUR = 0.2;

export function titleEvidence(index: TitleIndex, title: string, w: TitleWeights): TitleEvidence {
  const lexical = new Map<number, number>();
  const { head, qualifiers } = normaliseTitle(title);
  if (!head.length) return { lexical, neighbours: [] };
  const query = queryWords(index.spelling, head, qualifiers, w.qualifier, w.spelling);
  const best = index.best;
  const occs: number[] = [];
  const own = index.own.columns;
  searchSpace(index.own, query, (n, cosine) => {
    const occ = own.occ[n] ?? 0;
    const score = (own.weight[n] ?? 0) * cosine + (own.bonus[n] ?? 0);
    const seen = best[occ] ?? 0;
    if (seen === 0) occs.push(occ);
    if (score > seen) best[occ] = score;
  });
  for (const o of occs) {
    lexical.set(o, best[o] ?? 0);
    best[o] = 0;
  }
  const exact = index.exact.get(head.join(" "));
  const neighbours: Neighbour[] = [];
  const labelled = index.labelled.columns;
  searchSpace(index.labelled, query, (n, sim) => {
    if (sim >= MIN_NEIGHBOUR) neighbours.push({ occ: labelled.occ[n] ?? 0, nth: labelled.nth[n] ?? 0, sim });
  });
  neighbours.sort((a, b) => b.sim - a.sim || a.occ - b.occ || a.nth - b.nth);
  return {
    lexical,
    ...(exact !== undefined ? { exact } : {}),
    neighbours: neighbours.slice(0, NEIGHBOURS_KEPT),
  };
}

/**
 * Evidence as columns over the candidate occupations (those a name or a labelled title points to):
 * the lexical score, whether a name is the head, the similarity-weighted share of the `neighbours`
 * most similar labelled titles naming the occupation, and its prior. `prior` and `kept` say which
 * labelled titles may speak (the benchmark sets aside the ones it measures).
 */
export interface EvidenceTable {
  occ: number[];
  lexical: Float64Array;
  exact: Uint8Array;
  vote: Float64Array;
  prior: Float64Array;
}

export function evidenceTable(
  e: TitleEvidence,
  prior: ArrayLike<number>,
  neighbours: number,
  kept: (n: Neighbour) => boolean = () => true,
): EvidenceTable {
  const votes = new Map<number, number>();
  let total = 0;
  let taken = 0;
  for (const n of e.neighbours) {
    if (taken >= neighbours) break;
    if (!kept(n)) continue;
    taken++;
    votes.set(n.occ, (votes.get(n.occ) ?? 0) + n.sim);
    total += n.sim;
  }
  const occ = [
    ...new Set([...e.lexical.keys(), ...votes.keys(), ...(e.exact !== undefined ? [e.exact] : [])]),
  ];
  return {
    occ,
    lexical: Float64Array.from(occ, (o) => e.lexical.get(o) ?? 0),
    exact: Uint8Array.from(occ, (o) => (o === e.exact ? 1 : 0)),
    vote: Float64Array.from(occ, (o) => (votes.get(o) ?? 0) / (total || 1)),
    prior: Float64Array.from(occ, (o) => prior[o] ?? 0),
  };
}

/** A candidate's score: its lexical score (`exact` + 1 when a name is the head) + vote and prior by their weights. */
export const blendedScore = (t: EvidenceTable, i: number, w: TitleWeights): number =>
  (t.exact[i] ? w.exact + 1 : (t.lexical[i] ?? 0)) + w.vote * (t.vote[i] ?? 0) + w.prior * (t.prior[i] ?? 0);

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
  const table = evidenceTable(titleEvidence(index, title, w), index.prior, w.neighbours);
  return table.occ
    .map((occ, i): [number, number] => [occ, blendedScore(table, i, w)])
    .filter(([, s]) => s >= w.minScore)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, k)
    .flatMap(([occ, s]) => {
      const o = index.occupations[occ];
      return o ? [toMatch(o, s)] : [];
    });
}
