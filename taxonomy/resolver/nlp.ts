/**
 * The pieces of `natural` the resolver uses, loaded one module at a time: the package index pulls in
 * classifiers, wordnet and a dotenv banner, which costs seconds on the ingest path for nothing.
 */
import { createRequire } from "node:module";

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

export const STOP_WORDS: ReadonlySet<string> = new Set(words);

const stemCache = new Map<string, string>();
/** Porter stem; tokens with symbols or digits (c++, c#, node.js, python3) are kept as written. */
export function stem(token: string): string {
  if (!/^[a-z]+$/.test(token)) return token;
  let s = stemCache.get(token);
  if (s === undefined) {
    s = porter.stem(token);
    stemCache.set(token, s);
  }
  return s;
}

export const similarity = (a: string, b: string): number => jaroWinkler(a, b, { ignoreCase: false });
export const editDistance = (a: string, b: string): number => levenshtein.DamerauLevenshteinDistance(a, b);
