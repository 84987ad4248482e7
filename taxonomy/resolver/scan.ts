/**
 * Finds concept names inside running text: tokens with exact character offsets, then the longest
 * run of tokens whose normalised (else stemmed) form is a known label or alias, left to right.
 */
import { type ConceptIndex, type NameEntry, normaliseText, stemKey } from "./concept-index.ts";
import { STOP_WORDS } from "./nlp.ts";

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

/** Word tokens with offsets into `text`; trailing dots, slashes and hyphens are not part of a word. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const word = m[0].replace(/[.'/&-]+$/, "");
    const start = m.index ?? 0;
    if (word) out.push({ text: word, start, end: start + word.length });
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
  const out: PhraseMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const match = longestAt(index, text, tokens, i, options);
    if (match) {
      out.push(match.phrase);
      i += match.length;
    } else i++;
  }
  return out;
}

function longestAt(
  index: ConceptIndex,
  text: string,
  tokens: readonly Token[],
  i: number,
  options: ScanOptions,
): { phrase: PhraseMatch; length: number } | undefined {
  const first = tokens[i];
  if (!first) return undefined;
  const maxN = Math.min(index.maxTokens + 1, tokens.length - i);
  for (let n = maxN; n >= 1; n--) {
    const last = tokens[i + n - 1];
    if (!last) continue;
    const raw = text.slice(first.start, last.end);
    const key = normaliseText(raw);
    let entries = index.normalised.get(key);
    let method: PhraseMatch["method"] = "normalised";
    const edgesAreWords =
      !STOP_WORDS.has(first.text.toLowerCase()) && !STOP_WORDS.has(last.text.toLowerCase());
    if (!entries && options.stemmed !== false && edgesAreWords) {
      const s = stemKey(raw);
      entries = s ? index.stemmed.get(s) : undefined;
      method = "stemmed";
    }
    if (!entries) continue;
    if (options.skipAmbiguousSingles && n === 1 && entries.every((e) => e.kind === "ambiguous")) continue;
    return { phrase: { phrase: raw, start: first.start, end: last.end, entries, method }, length: n };
  }
  return undefined;
}
