/**
 * The layout of a pasted job description: HTML tags blanked out (same length, so every offset
 * still points into the original), then lines, headings, bullets and clauses with their offsets.
 */
import { replaceBracketed } from "../../src/text/bracketed.ts";
import { LONG_HEADINGS, SECTION_CUES, type SectionKind } from "./cues.ts";

export interface Line {
  text: string;
  start: number;
  end: number;
  heading: boolean;
  bullet: boolean;
}

const BLOCK_TAG = /^<\/?(p|div|li|ul|ol|br|h[1-6]|tr|td|section|article|header|footer)\b/i;

/** HTML tags → spaces (block tags → a newline and spaces); entities → spaces of the same length. */
export function maskHtml(text: string): string {
  return replaceBracketed(text, [["<", ">"]], (tag) =>
    BLOCK_TAG.test(tag) ? `\n${" ".repeat(tag.length - 1)}` : " ".repeat(tag.length),
  ).replace(/&[a-z]+;|&#\d+;/gi, (e) => (e === "&amp;" ? "&    " : " ".repeat(e.length)));
}

/*
 * A tag's attributes stop at the next "<" as well as ">", so a "<p" without its ">" is scanned
 * to the next tag, not to the end of the text once per "<p". A line start is followed only by
 * spaces on its own line: blank lines are all line starts, and each rescanning the rest of the
 * run would be quadratic; the match still ends at the same "<strong>".
 */
const HEADING_TAG = /<h[1-6][^<>]*>\s*/gi;
const BOLD_PARAGRAPH =
  /(?:<p[^<>]*>\s*|<br\s*\/?>\s*|^[^\S\r\n\u2028\u2029]*)<(?:strong|b)>(?=[^<]{1,80}<\/(?:strong|b)>\s*(?:<\/p>|<br\s*\/?>|$))/gim;

/** Offsets where text the HTML marks as a heading begins (<h2>, a bold-only paragraph). */
function htmlHeadingStarts(original: string): Set<number> {
  const ends = (re: RegExp) => [...original.matchAll(re)].map((m) => (m.index ?? 0) + m[0].length);
  return new Set([...ends(HEADING_TAG), ...ends(BOLD_PARAGRAPH)]);
}

const MD_HEADING = /^#{1,6}\s+/;
const BOLD_LINE = /^(\*\*|__)[^*_]+(\*\*|__):?$/;
const BULLET = /^([-*•·▪–]|\d+[.)])\s+/;

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

export function sectionKind(heading: string): SectionKind | null {
  for (const [re, kind] of SECTION_CUES) if (re.test(heading)) return kind;
  return null;
}

function isHeading(t: string, htmlHeading: boolean, listItem: boolean): boolean {
  if (MD_HEADING.test(t) || BOLD_LINE.test(t)) return true;
  if (BULLET.test(t) || listItem) return false;
  if (htmlHeading && words(t) <= 10) return true;
  if (/:$/.test(t) && words(t) <= 8) return true;
  if (LONG_HEADINGS.test(t)) return true;
  return words(t) <= SHORT_HEADING_WORDS && !/[.,;!?]$/.test(t) && sectionKind(t) !== null;
}

/** A bare line this short naming a section ("Requirements", "Nice to have") is its heading. */
const SHORT_HEADING_WORDS = 3;
const LIST_ITEM_TAG = /<li[^<>]*>\s*/gi;

export function splitLines(original: string, masked: string): Line[] {
  const htmlHeadings = htmlHeadingStarts(original);
  const listItems = new Set([...original.matchAll(LIST_ITEM_TAG)].map((m) => (m.index ?? 0) + m[0].length));
  const lines: Line[] = [];
  for (const m of masked.matchAll(/[^\n]+/g)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (!text) continue;
    const start = (m.index ?? 0) + lead;
    const end = start + text.length;
    const htmlHeading = htmlHeadings.has(start);
    const listItem = listItems.has(start);
    lines.push({
      text,
      start,
      end,
      heading: isHeading(text, htmlHeading, listItem),
      bullet: listItem || BULLET.test(text),
    });
  }
  return lines;
}

/** The heading's words without markdown and a trailing colon. */
export const headingText = (t: string): string =>
  t
    .replace(MD_HEADING, "")
    .replace(/^(\*\*|__)|(\*\*|__)$/g, "")
    .replace(/(\*\*|__)?:?(\*\*|__)?$/, "")
    .trim();

export interface Clause {
  text: string;
  start: number;
}

/**
 * Longer than any sentence: text this long without sentence punctuation (a pasted table, a run of
 * keywords) is read in pieces of about this size, so each piece's work stays small and bounded.
 */
export const MAX_CLAUSE_CHARS = 10_000;
/** How far back from the limit a piece may end early, at a space or comma, to keep words whole. */
const CUT_LOOKBACK = 200;

/** Where a sentence ends: . ; ! ? and a space, but not the point of "e.g. AWS, GCP" or "i.e. SQL". */
const SENTENCE_END = /(?<!\b(?:e\.g|i\.e|incl|vs))[.;!?]\s+/gi;

/** Sentences of a line: split after . ; ! ? followed by a space (so "Node.js" stays whole). */
export function clauses(line: Line): Clause[] {
  const out: Clause[] = [];
  let from = 0;
  for (const m of line.text.matchAll(SENTENCE_END)) {
    const to = (m.index ?? 0) + 1;
    out.push(...bounded(line.text, from, to, line.start));
    from = (m.index ?? 0) + m[0].length;
  }
  if (from < line.text.length) out.push(...bounded(line.text, from, line.text.length, line.start));
  return out;
}

/** text[from, to) as clauses of at most MAX_CLAUSE_CHARS, offsets from `base`. */
function bounded(text: string, from: number, to: number, base: number): Clause[] {
  const out: Clause[] = [];
  let at = from;
  while (to - at > MAX_CLAUSE_CHARS) {
    const cut = cutPoint(text, at + MAX_CLAUSE_CHARS);
    const piece = text.slice(at, cut).trimEnd();
    if (piece) out.push({ text: piece, start: base + at });
    at = cut;
    while (at < to && /\s/.test(text[at] ?? "")) at++;
  }
  if (at < to) out.push({ text: text.slice(at, to), start: base + at });
  return out;
}

function cutPoint(text: string, limit: number): number {
  for (let i = limit; i > limit - CUT_LOOKBACK; i--) if (/[\s,;]/.test(text[i - 1] ?? "")) return i;
  return limit;
}
