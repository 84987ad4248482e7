/**
 * Finds concept names inside running text: tokens with exact character offsets, then the longest
 * run of tokens whose normalised (else stemmed) form is a known label or alias, left to right.
 */
import { type ConceptIndex, type NameEntry, normaliseText, stemKeyOf } from "./concept-index.ts";
import { STOP_WORDS, stem } from "./nlp.ts";

export interface Token {
  text: string;
  start: number;
  end: number;
}

export interface PhraseMatch {
  phrase: string;
  start: number;
  end: number;
  entries: NameEntry[];
  method: "normalised" | "stemmed";
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}+#.&'/-]*/gu;
/** Tried only from a run's first character: "a....b" is one pass, not one per dot. */
const TRAILING_PUNCTUATION = /(?<![.'/&-])[.'/&-]+$/;

const DOT_BEFORE = /(^|[\s(/,;])\.\s?$/;

/** Word tokens with offsets into `text`; trailing dots, slashes and hyphens are not part of a word. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const word = m[0].replace(TRAILING_PUNCTUATION, "");
    const at = m.index ?? 0;
    // ".NET" and the tokenised ". NET": the dot is part of the name.
    const dot = /^net$/i.test(word) ? DOT_BEFORE.exec(text.slice(Math.max(0, at - 3), at)) : null;
    const start = dot ? at - (dot[0].length - (dot[1]?.length ?? 0)) : at;
    if (word) out.push({ text: text.slice(start, at + word.length), start, end: at + word.length });
  }
  return out;
}

export interface ScanOptions {
  /** try stemmed keys when the normalised form misses (default true) */
  stemmed?: boolean;
  /** drop single-token matches that are only ambiguous aliases (default false) */
  skipAmbiguousSingles?: boolean;
}

export function scanPhrases(index: ConceptIndex, text: string, options: ScanOptions = {}): PhraseMatch[] {
  const tokens = tokenize(text);
  const words = tokens.map((t) => readWord(index, t, options));
  const plain = plainRuns(text, tokens, words);
  const out: PhraseMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const match = words[i]?.starts ? longestAt(index, text, tokens, words, plain, i, options) : undefined;
    if (match) {
      out.push(match.phrase);
      i += match.length;
    } else i++;
  }
  return out;
}

/**
 * A token's normalised form when it is one word, with its stem ("" for a stop word, which a
 * stemmed key drops), and whether a name can start or end at it.
 */
interface Word {
  word: string | null;
  stem: string;
  starts: boolean;
  ends: boolean;
}

/**
 * A token whose normalised form is one word can start a name only when that word (or its stem)
 * begins some key, and end one only when it ends some key. Most words of a text do neither, and
 * skipping them spares most n-gram look-ups. A token that normalises to several words, or to
 * none, may be either. A stop word at the edge rules out the stemmed look-up (see longestAt);
 * inside a stemmed key it is dropped, so the key may start or end at the next word.
 */
function readWord(index: ConceptIndex, token: Token, options: ScanOptions): Word {
  const word = normaliseText(token.text);
  if (!word || word.includes(" ")) return { word: null, stem: "", starts: true, ends: true };
  const stemmed = options.stemmed !== false && !STOP_WORDS.has(token.text.toLowerCase());
  const dropped = STOP_WORDS.has(word);
  const stemOf = dropped ? "" : stem(word);
  return {
    word,
    stem: stemOf,
    starts: index.firstWords.has(word) || (stemmed && (dropped || index.firstStems.has(stemOf))),
    ends: index.lastWords.has(word) || (stemmed && (dropped || index.lastStems.has(stemOf))),
  };
}

/**
 * Whitespace and the ASCII punctuation normaliseText turns into a space (all but # + .): between
 * one-word tokens, such a gap makes the phrase's normalised form just their words joined by spaces.
 */
const SPACE_LIKE_GAP = /^[\s!"$%&'()*,\-/:;<=>?@[\\\]^_`{|}~]*$/;

/** For each token, how many tokens from it on are one word each with space-like gaps between. */
function plainRuns(text: string, tokens: readonly Token[], words: readonly Word[]): number[] {
  const runs = new Array<number>(tokens.length).fill(0);
  for (let i = tokens.length - 1; i >= 0; i--) {
    if (words[i]?.word === null) continue;
    const token = tokens[i];
    const next = tokens[i + 1];
    const joined = token && next && SPACE_LIKE_GAP.test(text.slice(token.end, next.start));
    runs[i] = joined ? 1 + (runs[i + 1] ?? 0) : 1;
  }
  return runs;
}

/** stemKeyOf of one-word tokens' words joined: their stems, stop words dropped. */
const joinStems = (span: readonly Word[]): string =>
  span
    .filter((w) => w.stem)
    .map((w) => w.stem)
    .join(" ");

function longestAt(
  index: ConceptIndex,
  text: string,
  tokens: readonly Token[],
  words: readonly Word[],
  plain: readonly number[],
  i: number,
  options: ScanOptions,
): { phrase: PhraseMatch; length: number } | undefined {
  const first = tokens[i];
  if (!first) return undefined;
  const maxN = Math.min(index.maxTokens + 1, tokens.length - i);
  for (let n = maxN; n >= 1; n--) {
    const last = tokens[i + n - 1];
    if (!last || !words[i + n - 1]?.ends) continue;
    const span = n <= (plain[i] ?? 0) ? words.slice(i, i + n) : null;
    const key = span ? span.map((w) => w.word).join(" ") : normaliseText(text.slice(first.start, last.end));
    let entries = index.normalised.get(key);
    let method: PhraseMatch["method"] = "normalised";
    const edgesAreWords =
      !STOP_WORDS.has(first.text.toLowerCase()) && !STOP_WORDS.has(last.text.toLowerCase());
    if (!entries && options.stemmed !== false && edgesAreWords) {
      const s = span ? joinStems(span) : stemKeyOf(key);
      entries = s ? index.stemmed.get(s) : undefined;
      method = "stemmed";
    }
    if (!entries) continue;
    if (options.skipAmbiguousSingles && n === 1 && entries.every((e) => e.kind === "ambiguous")) continue;
    const phrase = text.slice(first.start, last.end);
    return { phrase: { phrase, start: first.start, end: last.end, entries, method }, length: n };
  }
  return undefined;
}
