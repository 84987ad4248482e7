/**
 * Look-up tables over a concept list, built once: ids, URIs, codes, labels and aliases by their
 * exact, normalised and stemmed forms, a blocked list for fuzzy matching, and each concept's
 * neighbourhood for context. The resolver, the JD parser and extraction all read the same index.
 */

import { ancestorsOf } from "../hierarchy.ts";
import type { Concept } from "../model.ts";
import { porterStem, STOP_WORDS, stem, TEXTBOOK_STOP_WORDS } from "./nlp.ts";

export type NameKind = "label" | "alias" | "ambiguous";

export interface NameEntry {
  concept: Concept;
  kind: NameKind;
}

export interface ConceptIndex {
  concepts: readonly Concept[];
  byId: ReadonlyMap<string, Concept>;
  byUri: ReadonlyMap<string, Concept>;
  byCode: ReadonlyMap<string, Concept>;
  /** trimmed lower-case name → entries */
  exact: ReadonlyMap<string, NameEntry[]>;
  /** normaliseText(name) → entries */
  normalised: ReadonlyMap<string, NameEntry[]>;
  /** stemmed, stop-word-free key → entries */
  stemmed: ReadonlyMap<string, NameEntry[]>;
  /** first character → normalised keys, for blocked fuzzy look-up */
  fuzzyBlocks: ReadonlyMap<string, string[]>;
  /** longest name in tokens, for n-gram scanning */
  maxTokens: number;
  /** first and last word of every normalised key, and of every stemmed key: where a name can start and end */
  firstWords: ReadonlySet<string>;
  lastWords: ReadonlySet<string>;
  firstStems: ReadonlySet<string>;
  lastStems: ReadonlySet<string>;
  /** ancestors, nearest first (walked on first use) */
  ancestors(id: string): readonly string[];
  /** concept id → ids related either way */
  related: ReadonlyMap<string, ReadonlySet<string>>;
  /** stems of the concept's label, aliases, description and neighbours' labels (built on first use) */
  profile(id: string): ReadonlySet<string> | undefined;
}

/** Plain words and single spaces: normalising them only lower-cases them (the scanner's common case). */
const PLAIN_WORDS = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

/**
 * Lower-case ASCII words: accents dropped, other characters a space, dots only inside a word
 * ("node.js", not "etc." or "...net"). A dot run is tried only from its first dot, so a long run
 * not followed by a space is scanned once, not once per dot.
 */
/** ".NET", ". NET" (tokenised text), "dot net": one word, so that ".NET" is not just "net". */
const DOT_NET = /(^|[\s(/,;])(?:\.\s*|dot\s+)net\b/gi;
const spellDotNet = (s: string): string => (/net\b/i.test(s) ? s.replace(DOT_NET, "$1dotnet ") : s);

export const normaliseText = (raw: string): string => {
  const s = spellDotNet(raw);
  return PLAIN_WORDS.test(s)
    ? s.toLowerCase()
    : s
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[^a-z0-9+#.]+/g, " ")
        .replace(/(^|\s)\.+|(?<!\.)\.+(?=\s|$)/g, "$1")
        .replace(/\s+/g, " ")
        .trim();
};

/** A normalised text's words without stop words, Porter-stemmed, in order. */
export const stemKeyOf = (normalised: string): string =>
  normalised
    .split(" ")
    .filter((t) => t && !STOP_WORDS.has(t))
    .map(stem)
    .join(" ");

/** normalised → stop words removed → Porter stems, in order. */
export const stemKey = (s: string): string => stemKeyOf(normaliseText(s));

export const contentStems = (s: string): string[] =>
  normaliseText(s)
    .split(" ")
    .filter((t) => t.length > 1 && !STOP_WORDS.has(t))
    .map(stem);

/** The same words stemmed by Porter alone (no spelling fold): what the benchmarks' BM25 baselines read. */
export const porterContentStems = (s: string): string[] =>
  normaliseText(s)
    .split(" ")
    .filter((t) => t.length > 1 && !TEXTBOOK_STOP_WORDS.has(t))
    .map(porterStem);

const firstWord = (key: string): string => {
  const space = key.indexOf(" ");
  return space < 0 ? key : key.slice(0, space);
};
const lastWord = (key: string): string => key.slice(key.lastIndexOf(" ") + 1);

function push<K>(map: Map<K, NameEntry[]>, key: K, entry: NameEntry): void {
  const list = map.get(key);
  if (!list) map.set(key, [entry]);
  else if (!list.some((e) => e.concept === entry.concept)) list.push(entry);
  else {
    // A concept reachable by label and alias keeps its strongest kind.
    const i = list.findIndex((e) => e.concept === entry.concept);
    const rank = { label: 0, alias: 1, ambiguous: 2 } as const;
    const current = list[i];
    if (current && rank[entry.kind] < rank[current.kind]) list[i] = entry;
  }
}

/** "team-working" is also written "teamworking", "e-commerce" "ecommerce". */
export const closedCompound = (name: string): string[] => {
  const joined = name.replace(/(\p{L})-(\p{L})/gu, "$1$2");
  return joined !== name ? [name, joined] : [name];
};

function names(c: Concept): [string, NameKind][] {
  const all: [string, NameKind][] = [
    [c.label, "label"],
    ...c.aliases.map((a): [string, NameKind] => [a, "alias"]),
    ...c.ambiguousAliases.map((a): [string, NameKind] => [a, "ambiguous"]),
  ];
  return all.flatMap(([name, kind]) => closedCompound(name).map((n): [string, NameKind] => [n, kind]));
}

/** Profiles are only needed for ambiguous names, so each is built when first asked for. */
function lazyProfiles(
  byId: ReadonlyMap<string, Concept>,
  related: ReadonlyMap<string, ReadonlySet<string>>,
): (id: string) => ReadonlySet<string> | undefined {
  const cache = new Map<string, Set<string>>();
  const words = (c: Concept | undefined): string[] =>
    c ? [c.label, ...c.aliases].flatMap(contentStems) : [];
  return (id) => {
    const c = byId.get(id);
    if (!c) return undefined;
    let set = cache.get(id);
    if (!set) {
      set = new Set<string>([...words(c), ...contentStems(c.description ?? "")]);
      for (const b of c.broader) for (const w of words(byId.get(b))) set.add(w);
      for (const r of related.get(c.id) ?? []) for (const w of words(byId.get(r))) set.add(w);
      cache.set(id, set);
    }
    return set;
  };
}

export function buildConceptIndex(concepts: readonly Concept[]): ConceptIndex {
  const byId = new Map(concepts.map((c) => [c.id, c]));
  const byUri = new Map<string, Concept>();
  const byCode = new Map<string, Concept>();
  const exact = new Map<string, NameEntry[]>();
  const normalised = new Map<string, NameEntry[]>();
  const stemmed = new Map<string, NameEntry[]>();
  let maxTokens = 1;
  const firstWords = new Set<string>();
  const lastWords = new Set<string>();
  const firstStems = new Set<string>();
  const lastStems = new Set<string>();
  for (const c of concepts) {
    if (c.escoUri) byUri.set(c.escoUri, c);
    if (c.caseUri) byUri.set(c.caseUri, c);
    if (c.onetCode) byCode.set(c.onetCode, c);
    for (const [name, kind] of names(c)) {
      const n = normaliseText(name);
      if (!n) continue;
      push(exact, name.trim().toLowerCase(), { concept: c, kind });
      push(normalised, n, { concept: c, kind });
      firstWords.add(firstWord(n));
      lastWords.add(lastWord(n));
      const s = stemKey(name);
      if (s) {
        push(stemmed, s, { concept: c, kind });
        firstStems.add(firstWord(s));
        lastStems.add(lastWord(s));
      }
      maxTokens = Math.max(maxTokens, n.split(" ").length);
    }
  }
  const fuzzyBlocks = new Map<string, string[]>();
  for (const key of normalised.keys()) {
    if (key.length < 4) continue;
    const block = fuzzyBlocks.get(key[0] ?? "") ?? [];
    block.push(key);
    fuzzyBlocks.set(key[0] ?? "", block);
  }
  const related = new Map<string, Set<string>>(concepts.map((c) => [c.id, new Set(c.related)]));
  for (const c of concepts) for (const r of c.related) related.get(r)?.add(c.id);
  const ancestorCache = new Map<string, string[]>();
  const ancestors = (id: string): string[] => {
    let list = ancestorCache.get(id);
    if (!list) {
      list = ancestorsOf(byId, id);
      ancestorCache.set(id, list);
    }
    return list;
  };
  return {
    concepts,
    byId,
    byUri,
    byCode,
    exact,
    normalised,
    stemmed,
    fuzzyBlocks,
    maxTokens: Math.min(maxTokens, 8),
    firstWords,
    lastWords,
    firstStems,
    lastStems,
    ancestors,
    related,
    profile: lazyProfiles(byId, related),
  };
}
