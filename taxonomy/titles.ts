/**
 * Job title → ranked occupations. A title equal to an occupation's label or alias (after
 * normalisation and dropping seniority/noise words) wins outright; otherwise occupations are ranked
 * by IDF-weighted cosine between the title's stems and each of their names, best name counting.
 */
import { type Bracket, bracketedSpans, replaceBracketed } from "../src/text/bracketed.ts";
import { contentStems, normaliseText } from "./resolver/concept-index.ts";

export interface TitleOccupation {
  id: string;
  label: string;
  aliases?: readonly string[];
  escoUri?: string;
}

export interface TitleMatch {
  id: string;
  uri?: string;
  label: string;
  /** 0…1 */
  score: number;
}

/** Words in vacancy titles that say nothing about the occupation. */
export const TITLE_NOISE = new Set([
  "senior",
  "sr",
  "junior",
  "jr",
  "trainee",
  "urgent",
  "urgently",
  "hiring",
  "vacancy",
  "wanted",
  "needed",
  "immediate",
  "experienced",
  "fresh",
  "graduate",
  "graduates",
  "full",
  "part",
  "time",
  "contract",
  "temporary",
  "permanent",
  "m",
  "f",
  "d",
  "w",
  "ii",
  "iii",
  "iv",
]);

export const TITLE_WEIGHTS = { labelBonus: 0.15, exact: 1, minScore: 0.1, bracketed: 0.5 } as const;

const BRACKETS: readonly Bracket[] = [
  ["(", ")"],
  ["[", "]"],
];

const cleanTitle = (title: string): string =>
  normaliseText(replaceBracketed(title, BRACKETS, " "))
    .split(" ")
    .filter((t) => t && !TITLE_NOISE.has(t) && !/^\d+$/.test(t))
    .join(" ");

const titleStems = (title: string): string[] => contentStems(cleanTitle(title));

interface TitleIndex {
  occupations: readonly TitleOccupation[];
  exact: Map<string, number>;
  /** stem → [(name index)] */
  postings: Map<string, number[]>;
  names: { occ: number; stems: string[]; norm: number; isLabel: boolean }[];
  idf: Map<string, number>;
}

const cache = new WeakMap<readonly TitleOccupation[], TitleIndex>();

function buildIndex(occupations: readonly TitleOccupation[]): TitleIndex {
  const exact = new Map<string, number>();
  const rawNames: { occ: number; stems: string[]; isLabel: boolean }[] = [];
  occupations.forEach((o, occ) => {
    for (const [name, isLabel] of [
      [o.label, true] as const,
      ...(o.aliases ?? []).map((a) => [a, false] as const),
    ]) {
      const key = cleanTitle(name);
      if (key && (isLabel || !exact.has(key))) exact.set(key, occ);
      const stems = [...new Set(titleStems(name))];
      if (stems.length) rawNames.push({ occ, stems, isLabel });
    }
  });
  const df = new Map<string, number>();
  for (const n of rawNames) for (const s of n.stems) df.set(s, (df.get(s) ?? 0) + 1);
  const idf = new Map([...df].map(([s, d]) => [s, Math.log(1 + rawNames.length / d)]));
  const postings = new Map<string, number[]>();
  const names = rawNames.map((n, i) => {
    for (const s of n.stems) {
      const list = postings.get(s) ?? [];
      list.push(i);
      postings.set(s, list);
    }
    const norm = Math.sqrt(n.stems.reduce((sum, s) => sum + (idf.get(s) ?? 0) ** 2, 0));
    return { ...n, norm };
  });
  return { occupations, exact, postings, names, idf };
}

const indexFor = (occupations: readonly TitleOccupation[]): TitleIndex => {
  let index = cache.get(occupations);
  if (!index) {
    index = buildIndex(occupations);
    cache.set(occupations, index);
  }
  return index;
};

const toMatch = (o: TitleOccupation, score: number): TitleMatch => ({
  id: o.id,
  ...(o.escoUri ? { uri: o.escoUri } : {}),
  label: o.label,
  score: Math.round(Math.min(1, score) * 1000) / 1000,
});

/**
 * The title's stems weighted by IDF; words in brackets ("(Angular)", "(Kuala Lumpur)") count less.
 * Words no occupation uses keep the highest IDF: "rasper operator" is not just "operator".
 */
function queryWeights(index: TitleIndex, title: string): Map<string, number> {
  const unseen = Math.log(1 + index.names.length);
  const weights = new Map<string, number>();
  const bracketed = bracketedSpans(title, BRACKETS)
    .map(({ start, end }) => title.slice(start, end))
    .join(" ");
  for (const s of titleStems(bracketed))
    weights.set(s, TITLE_WEIGHTS.bracketed * (index.idf.get(s) ?? unseen));
  for (const s of titleStems(title)) weights.set(s, index.idf.get(s) ?? unseen);
  return weights;
}

function cosineScores(index: TitleIndex, title: string): Map<number, number> {
  const query = queryWeights(index, title);
  const qNorm = Math.sqrt([...query.values()].reduce((sum, w) => sum + w ** 2, 0));
  const dot = new Map<number, number>();
  for (const [s, w] of query)
    for (const n of index.postings.get(s) ?? []) dot.set(n, (dot.get(n) ?? 0) + w * (index.idf.get(s) ?? 0));
  const byOcc = new Map<number, number>();
  for (const [n, d] of dot) {
    const name = index.names[n];
    if (!name || qNorm === 0) continue;
    const score = d / (qNorm * name.norm) + (name.isLabel ? TITLE_WEIGHTS.labelBonus : 0);
    if (score > (byOcc.get(name.occ) ?? 0)) byOcc.set(name.occ, score);
  }
  return byOcc;
}

export function matchTitles(title: string, occupations: readonly TitleOccupation[], k: number): TitleMatch[] {
  const index = indexFor(occupations);
  const key = cleanTitle(title);
  if (!key) return [];
  const scores = cosineScores(index, title);
  const exact = index.exact.get(key);
  if (exact !== undefined) scores.set(exact, TITLE_WEIGHTS.exact + 1);
  return [...scores]
    .filter(([, s]) => s >= TITLE_WEIGHTS.minScore)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, k)
    .flatMap(([occ, s]) => {
      const o = index.occupations[occ];
      return o ? [toMatch(o, s)] : [];
    });
}
