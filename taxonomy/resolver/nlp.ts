/**
 * The pieces of `natural` the resolver uses, loaded one module at a time: the package index pulls in
 * classifiers, wordnet and a dotenv banner, which costs seconds on the ingest path for nothing.
 */
import { createRequire } from "node:module";
import { britishSpelling } from "../../src/text/spelling.ts";

const require = createRequire(import.meta.url);
const porter = require("natural/lib/natural/stemmers/porter_stemmer.js") as { stem(word: string): string };
const jaroWinkler = require("natural/lib/natural/distance/jaro-winkler_distance.js") as (
  a: string,
  b: string,
  options?: { ignoreCase?: boolean },
) => number;
const levenshtein = require("natural/lib/natural/distance/levenshtein_distance.js") as {
  DamerauLevenshteinDistance(a: string, b: string, options?: { restricted?: boolean }): number;
};
const { words } = require("natural/lib/natural/util/stopwords.js") as { words: string[] };

/** natural's English stop words: what the benchmarks' textbook baselines remove. */
export const TEXTBOOK_STOP_WORDS: ReadonlySet<string> = new Set(words);

/**
 * Abbreviations that end or join a list in job text and never name a skill: "… Infer# etc." found
 * the *European Train Control System* through its altLabel "ETCS" (Porter: "etc").
 */
const LIST_ABBREVIATIONS = ["etc", "eg", "ie", "vs", "viz"];

export const STOP_WORDS: ReadonlySet<string> = new Set([...words, ...LIST_ABBREVIATIONS]);

/**
 * Longer than any English word with a suffix worth stripping. natural's Porter stemmer rescans the
 * word with backtracking patterns at every step (quadratic on a long consonant run), so a pasted
 * 100,000-letter "word" would stall the caller: past this length the token is kept as written.
 */
export const MAX_STEM_LENGTH = 40;
/** Distinct words kept stemmed per generation (see boundedCache). */
export const STEM_CACHE_SIZE = 50_000;

/**
 * A cache of at most about `capacity` entries with O(1) reads: when the current generation fills,
 * it becomes the previous one and the one before is dropped; a hit in the previous generation is
 * carried over. Recently used keys survive, and nothing grows without bound.
 */
export function boundedCache<K, V>(capacity: number) {
  let current = new Map<K, V>();
  let previous = new Map<K, V>();
  const set = (key: K, value: V): void => {
    if (current.size >= capacity) {
      previous = current;
      current = new Map();
    }
    current.set(key, value);
  };
  return {
    get(key: K): V | undefined {
      const hit = current.get(key);
      if (hit !== undefined) return hit;
      const old = previous.get(key);
      if (old !== undefined) set(key, old);
      return old;
    },
    set,
    get size() {
      return current.size + previous.size;
    },
  };
}

const stemCache = boundedCache<string, string>(STEM_CACHE_SIZE);

/**
 * Words Porter cuts to the stem of an unrelated word, kept apart: job ads ask for "experience"
 * (Porter: "experi", as "experiment"), "communication" is no "community", "general" no "generate",
 * a "business" is not "busy".
 */
const STEM_COLLISIONS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    experience: "experienc",
    experiences: "experienc",
    community: "communiti",
    communities: "communiti",
    general: "general",
    generally: "general",
    generic: "generic",
    university: "universiti",
    universities: "universiti",
    business: "business",
    businesses: "business",
    international: "international",
    internationally: "international",
    organic: "organic",
    news: "news",
    etcs: "etcs",
  }),
);
const stemmable = (token: string) => token.length <= MAX_STEM_LENGTH && /^[a-z]+$/.test(token);

/**
 * Porter stem of the British spelling ("organization" and "organisation" are one stem, not "organ"
 * and "organis"), unless Porter would merge it with an unrelated word (STEM_COLLISIONS); tokens with symbols or digits (c++, c#, node.js, python3) are kept as written.
 */
export function stem(token: string): string {
  if (!stemmable(token)) return token;
  let s = stemCache.get(token);
  if (s === undefined) {
    const british = britishSpelling(token);
    s = STEM_COLLISIONS.get(british) ?? porter.stem(british);
    stemCache.set(token, s);
  }
  return s;
}

/** Porter alone, without the spelling fold: the textbook baselines the benchmarks measure against. */
export const porterStem = (token: string): string => (stemmable(token) ? porter.stem(token) : token);

export const similarity = (a: string, b: string): number => jaroWinkler(a, b, { ignoreCase: false });
export const editDistance = (a: string, b: string): number => levenshtein.DamerauLevenshteinDistance(a, b);
