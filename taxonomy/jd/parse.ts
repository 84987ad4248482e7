/**
 * Understanding a pasted job description (plain text, markdown or HTML): which concepts it asks
 * for, where (exact offsets into the original text), whether required or preferred, at what
 * level, and — from its title — which occupation it is, whose essential skills are then inferred.
 */

import { LerError } from "../../src/domain/errors.ts";
import { bracketedSpans, type Span } from "../../src/text/bracketed.ts";
import type { Concept, Taxonomy } from "../model.ts";
import { buildConceptIndex, type ConceptIndex, normaliseText } from "../resolver/concept-index.ts";
import { readInto } from "../resolver/context.ts";
import { type ContextReading, emptyReading } from "../resolver/reading.ts";
import { type PhraseMatch, scanPhrases } from "../resolver/scan.ts";
import { yearsToCanonical } from "../scales/normalise.ts";
import { YEARS } from "../scales/table.ts";
import { matchTitles, type TitleOccupation } from "../titles.ts";
import { alternativeGroups, WIDENING } from "./alternatives.ts";
import {
  GENERIC_VERBS,
  INFERRED_CONFIDENCE,
  LEVEL_CUES,
  MAX_REQUIRED,
  NUMBER_WORDS,
  PREFERRED_CUE,
  REQUIRED_CUE,
  SECTION_CONFIDENCE,
  type SectionKind,
  WEIGHTS,
  YEARS_CUE,
} from "./cues.ts";
import { parseEducation } from "./education.ts";
import {
  type Clause,
  clauses,
  headingText,
  type Line,
  maskHtml,
  sectionKind,
  splitLines,
} from "./structure.ts";
import type { JdRequirement, JdWarning, JobDescriptionParse } from "./types.ts";

export type { JdRequirement, JdWarning, JobDescriptionParse } from "./types.ts";

export interface JdOccupation extends TitleOccupation {
  essential: readonly string[];
}

export interface JdDeps {
  taxonomy: Taxonomy;
  occupations?: readonly JdOccupation[];
}

/** A title must score at least this against an occupation before its skills are inferred. */
export const TITLE_MIN_SCORE = 0.5;

/**
 * A posting that names this many skills has said what it asks for, and the title's occupation adds
 * nothing to it (its skills only dilute every score); below it they fill in, as preferred: what a
 * posting did not write is never demanded.
 */
export const INFER_BELOW_STATED = 3;

const indexCache = new WeakMap<Taxonomy, ConceptIndex>();
export function conceptIndexFor(taxonomy: Taxonomy): ConceptIndex {
  let index = indexCache.get(taxonomy);
  if (!index) {
    index = buildConceptIndex([...taxonomy.all()]);
    indexCache.set(taxonomy, index);
  }
  return index;
}

interface Found {
  concept: Concept;
  confidence: number;
}

const NEEDS_CONTEXT = "needs context";

/**
 * The concept a phrase names when one candidate is sure; NEEDS_CONTEXT when several candidates or
 * an ambiguous alias must be settled by the resolver against the description. An ambiguous single
 * word must be written as the alias is ("Go", not "go"); a single word never counts by its stem.
 */
function directConcept(match: PhraseMatch): Found | typeof NEEDS_CONTEXT | undefined {
  const single = !/\s/.test(match.phrase.trim());
  if (single && match.method === "stemmed") return undefined;
  const [only] = match.entries;
  if (match.entries.length === 1 && only && only.kind !== "ambiguous")
    return { concept: only.concept, confidence: match.method === "stemmed" ? 0.85 : 0.95 };
  const written = match.entries.some(
    (e) => e.concept.ambiguousAliases.includes(match.phrase) || e.kind !== "ambiguous",
  );
  return written ? NEEDS_CONTEXT : undefined;
}

function conceptOf(match: PhraseMatch, reading: ContextReading, taxonomy: Taxonomy): Found | undefined {
  const direct = directConcept(match);
  if (direct !== NEEDS_CONTEXT) return direct;
  const best = taxonomy.resolve(match.phrase, { reading, limit: 1 })[0];
  const concept = best && !best.ambiguous ? taxonomy.get(best.conceptId) : undefined;
  return concept && best ? { concept, confidence: best.confidence } : undefined;
}

interface Cue {
  at: number;
  end: number;
  level: number;
  /** the order cues are weighed in: at the same offset, a later one wins */
  rank: number;
}

/** Every level cue of a clause, read once, in the order they end. */
function levelCues(text: string): Cue[] {
  const cues: Cue[] = [];
  const add = (m: RegExpMatchArray, level: number) => {
    const at = m.index ?? 0;
    cues.push({ at, end: at + m[0].length, level, rank: cues.length });
  };
  for (const [re, level] of LEVEL_CUES) for (const m of text.matchAll(re)) add(m, level);
  for (const m of text.matchAll(YEARS_CUE)) {
    const n = m[1] ?? "";
    const years = NUMBER_WORDS[n.toLowerCase()] ?? Number(n);
    if (Number.isFinite(years)) add(m, yearsToCanonical(YEARS, years));
  }
  return cues.sort((a, b) => a.end - b.end || a.rank - b.rank);
}

/**
 * The level set by the nearest cue before each offset, asked in increasing order: cues are swept
 * once per clause instead of rescanning the text before every mention.
 */
function cueLevels(text: string): (offset: number) => number | null {
  const cues = levelCues(text);
  let next = 0;
  let best: Cue | undefined;
  return (offset) => {
    for (let cue = cues[next]; cue && cue.end <= offset; cue = cues[++next])
      if (!best || cue.at > best.at || (cue.at === best.at && cue.rank > best.rank)) best = cue;
    return best?.level ?? null;
  };
}

/**
 * Required when the clause says so, or when it sits under a requirements heading. Duties are not
 * demands: what a "What you'll do" or "Responsibilities" section names is preferred at most. Prose
 * before the first heading ("We build the data platform behind our logistics products") describes
 * the company: what it names is preferred, not a hurdle — unless it is a list item.
 */
function isRequired(clause: string, section: SectionKind, line: Line, intro: boolean): boolean {
  if (PREFERRED_CUE.test(clause)) return false;
  if (REQUIRED_CUE.test(clause)) return true;
  if (intro) return line.bullet;
  return section === "required";
}

/**
 * Brackets that say a preference ("Solid SQL (PostgreSQL preferred)"): what they name is preferred,
 * and the clause around them is judged without them — SQL stays required.
 */
function preferredAsides(clause: string): Span[] {
  return bracketedSpans(clause, ASIDES).filter((s) => PREFERRED_CUE.test(clause.slice(s.start, s.end)));
}

const ASIDES = [["(", ")"]] as const;

const without = (text: string, spans: readonly Span[]): string =>
  spans.reduceRight((t, s) => t.slice(0, s.start) + " ".repeat(s.end - s.start) + t.slice(s.end), text);

const inside = (spans: readonly Span[], at: number): boolean =>
  spans.some((s) => at >= s.start && at < s.end);

/**
 * A taxonomy's domain roots ("Data and analytics") are never a requirement, and a category with
 * narrower skills ("Transportation and logistics") is one only when a list item names it: in
 * running prose such words describe the business, not a skill asked for.
 */
function isRequirementConcept(concept: Concept, line: Line, taxonomy: Taxonomy): boolean {
  if (concept.broader.length === 0 && taxonomy.narrower(concept.id).length > 0) return false;
  return line.bullet || taxonomy.narrower(concept.id).length === 0;
}

const SKILL_ITEM_LEAD =
  /^(?:(?:and|or|with|in|of|including|incl\.?|e\.g\.?|such as|like|the|a|an|plus|experience|knowledge|proficiency|familiarity|exposure|expertise|skills?|strong|solid|advanced|basic|working|hands-on|proven|excellent|good|deep|using|to)\b[\s:]*)+/i;
/** Words that end a list item without being part of the skill, longest first ("is a plus" before "a plus"). */
const SKILL_ITEM_TAIL = [
  "is a plus",
  "experience",
  "preferred",
  "desirable",
  "knowledge",
  "required",
  "a plus",
  "skills",
  "skill",
];
/** A separator is tried only from the start of a whitespace run, not from each of its spaces. */
const ITEM_SEPARATOR = /(?<!\s)\s+(?:and|or|&)\s+/;
const TRAILING_PUNCTUATION = /(?<![.:!?\s])[.:!?\s]+$/;
const MAX_ITEM_WORDS = 4;

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/**
 * The item without its trailing tail words ("SQL skills", "Docker is a plus"), peeled from the end
 * one word at a time; a tail word counts only after a space.
 */
function withoutTail(item: string): string {
  let end = item.length;
  const endsWith = (tail: string) =>
    item.slice(end - tail.length, end).toLowerCase() === tail && isSpace(item[end - tail.length - 1]);
  for (;;) {
    const tail = SKILL_ITEM_TAIL.find(endsWith);
    if (!tail) return item.slice(0, end);
    end -= tail.length;
    while (isSpace(item[end - 1])) end--;
  }
}

/** Whether [start, end) overlaps a span of `sorted` (ordered, not overlapping each other). */
function overlapsAny(sorted: readonly PhraseMatch[], start: number, end: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid]?.end ?? 0) <= start) lo = mid + 1;
    else hi = mid;
  }
  const first = sorted[lo];
  return first !== undefined && first.start < end;
}

/** "Build", "run batch", "design systems": a task, not the name of a skill. */
const opensWithDuty = (phrase: string): boolean =>
  GENERIC_VERBS.has(normaliseText(phrase).split(" ")[0] ?? "");

/** List items and comma-list items that look like a skill but matched nothing. */
function unresolvedItems(
  clause: Clause,
  line: Line,
  found: readonly PhraseMatch[],
): JobDescriptionParse["unresolved"] {
  const commaList = (clause.text.match(/,/g) ?? []).length >= 2;
  if (!line.bullet && !commaList) return [];
  const out: JobDescriptionParse["unresolved"] = [];
  const body = clause.text.replace(/^([-*•·▪–]|\d+[.)])\s+/, (m) => " ".repeat(m.length));
  if (opensWithDuty(body.trim())) return [];
  for (const m of body.matchAll(/[^,;/()]+/g)) {
    let cursor = 0;
    for (const part of m[0].split(ITEM_SEPARATOR)) {
      const offset = (m.index ?? 0) + m[0].indexOf(part, cursor);
      cursor = offset - (m.index ?? 0) + part.length;
      const lead = part.match(SKILL_ITEM_LEAD)?.[0].length ?? 0;
      const core = withoutTail(part.slice(lead)).replace(TRAILING_PUNCTUATION, "");
      const trimmedLead = core.length - core.trimStart().length;
      const phrase = core.trim();
      const start = clause.start + offset + lead + trimmedLead;
      const end = start + phrase.length;
      const wordCount = phrase.split(/\s+/).length;
      if (!/^[\p{L}]/u.test(phrase) || wordCount > MAX_ITEM_WORDS || normaliseText(phrase).length < 2)
        continue;
      if (opensWithDuty(phrase) || WIDENING.test(phrase)) continue;
      if (overlapsAny(found, start, end)) continue;
      out.push({ phrase, start, end });
    }
  }
  return out;
}

interface Walk {
  requirements: JdRequirement[];
  unresolved: JobDescriptionParse["unresolved"];
}

/** A clause to read, where it sits, and the names found in it (offsets into the whole text). */
interface ScannedClause {
  clause: Clause;
  line: Line;
  section: SectionKind;
  intro: boolean;
  matches: PhraseMatch[];
}

/** Every clause outside skipped sections, with the section it is under; the title line is not one. */
function* sectionedClauses(
  lines: readonly Line[],
  title: Line | undefined,
): Generator<Omit<ScannedClause, "matches">> {
  let section: SectionKind = "neutral";
  let intro = true;
  for (const line of lines) {
    if (line === title) continue;
    if (line.heading) {
      section = sectionKind(headingText(line.text)) ?? section;
      intro = false;
      continue;
    }
    if (section === "skip") continue;
    for (const clause of clauses(line)) yield { clause, line, section, intro };
  }
}

/** A slash between two words ("Spark/Kafka"): read as a space when no name spans it ("CI/CD"). */
const WORD_SLASH = /(?<=[\p{L}\p{N}+#])\/(?=[\p{L}\p{N}])/u;
const WORD_SLASHES = new RegExp(WORD_SLASH.source, "gu");

/**
 * The names of a clause. "Spark/Kafka" is one token to the scanner: a clause with a slash between
 * words is scanned again with the slash read as a space, and its names are those — but for names
 * written with the slash ("CI/CD"), found as written.
 */
function namesIn(clause: Clause, taxonomy: Taxonomy): PhraseMatch[] {
  const index = conceptIndexFor(taxonomy);
  let found = scanPhrases(index, clause.text);
  if (clause.text.includes("/") && WORD_SLASH.test(clause.text)) {
    const slashed = found.filter((m) => m.phrase.includes("/"));
    const split = scanPhrases(index, clause.text.replace(WORD_SLASHES, " "))
      .filter((m) => !overlapsAny(slashed, m.start, m.end))
      .map((m) => ({ ...m, phrase: clause.text.slice(m.start, m.end) }));
    found = [...slashed, ...split].sort((a, b) => a.start - b.start);
  }
  return found.map((m) => ({ ...m, start: m.start + clause.start, end: m.end + clause.start }));
}

/** `reading` is the whole description, read once: a lone "Go" is read against every other skill it names. */
function readClause(scanned: ScannedClause, reading: ContextReading, deps: JdDeps, walk: Walk): void {
  const { clause, line, section, intro, matches } = scanned;
  const asides = preferredAsides(clause.text);
  const clauseRequired = isRequired(without(clause.text, asides), section, line, intro);
  const levelBefore = cueLevels(clause.text);
  const kept: { m: PhraseMatch; found: Found; minLevel: number | null }[] = [];
  for (const m of matches) {
    const found = conceptOf(m, reading, deps.taxonomy);
    if (!found || !isRequirementConcept(found.concept, line, deps.taxonomy)) continue;
    kept.push({ m, found, minLevel: levelBefore(m.start - clause.start) });
  }
  const spans = kept.map(({ m }) => ({ start: m.start - clause.start, end: m.end - clause.start }));
  for (const group of alternativeGroups(clause.text, spans)) {
    const [first, ...others] = group.map((i) => kept[i] as (typeof kept)[number]);
    if (!first) continue;
    const alternatives = others.filter(
      (o, k) =>
        o.found.concept.id !== first.found.concept.id &&
        others.findIndex((p) => p.found.concept.id === o.found.concept.id) === k,
    );
    const named = [first, ...others];
    const required = clauseRequired && !inside(asides, first.m.start - clause.start);
    walk.requirements.push({
      conceptId: first.found.concept.id,
      label: first.found.concept.label,
      phrase: first.m.phrase,
      start: first.m.start,
      end: first.m.end,
      required,
      minLevel: named.reduce<number | null>(
        (max, n) => (n.minLevel !== null && (max === null || n.minLevel > max) ? n.minLevel : max),
        null,
      ),
      weight: required ? WEIGHTS.required : WEIGHTS.preferred,
      // the group is as sure as its least sure name
      confidence:
        Math.round(Math.min(...named.map((n) => n.found.confidence)) * SECTION_CONFIDENCE[section] * 1000) /
        1000,
      inferred: false,
      ...(alternatives.length
        ? {
            alternatives: alternatives.map(({ m, found }) => ({
              conceptId: found.concept.id,
              label: found.concept.label,
              phrase: m.phrase,
              start: m.start,
              end: m.end,
            })),
          }
        : {}),
    });
  }
  const found = kept.map(({ m }) => m);
  for (const item of unresolvedItems(clause, line, found)) walk.unresolved.push(item);
}

/** The concepts a requirement asks, in a key that does not depend on their order. */
const conceptsKey = (r: JdRequirement): string =>
  [r.conceptId, ...(r.alternatives ?? []).map((a) => a.conceptId)].sort().join("\u0000");

/**
 * One requirement per concept (per set of alternatives): its first mention, required if any mention
 * is, the highest level. "Spark" and "Spark or Kafka" stay two: the first asks more.
 */
function mergeByConcept(requirements: readonly JdRequirement[]): JdRequirement[] {
  const byKey = new Map<string, JdRequirement>();
  for (const r of requirements) {
    const key = conceptsKey(r);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...r });
      continue;
    }
    seen.required ||= r.required;
    seen.weight = seen.required ? WEIGHTS.required : WEIGHTS.preferred;
    if (r.minLevel !== null && (seen.minLevel === null || r.minLevel > seen.minLevel))
      seen.minLevel = r.minLevel;
    seen.confidence = Math.max(seen.confidence, r.confidence);
  }
  return [...byKey.values()];
}

/**
 * At most MAX_REQUIRED required: past it the least certain written ones become preferred (ties: the
 * later mention), and a warning names what was demoted.
 */
export function capRequired(requirements: readonly JdRequirement[]): {
  requirements: JdRequirement[];
  warnings: JdWarning[];
} {
  const required = requirements.filter((r) => r.required);
  if (required.length <= MAX_REQUIRED) return { requirements: [...requirements], warnings: [] };
  const keep = new Set(
    required
      .map((r, order) => ({ r, order }))
      .sort((a, b) => b.r.confidence - a.r.confidence || a.order - b.order)
      .slice(0, MAX_REQUIRED)
      .map(({ r }) => r),
  );
  const demoted: string[] = [];
  const capped = requirements.map((r) => {
    if (!r.required || keep.has(r)) return r;
    demoted.push(r.conceptId);
    return { ...r, required: false, weight: WEIGHTS.preferred };
  });
  const message = `${required.length} required skills from one posting reads as a parsing failure, not a position: kept the ${MAX_REQUIRED} surest required and made ${demoted.length} preferred`;
  return { requirements: capped, warnings: [{ code: "too_many_required", message, demoted }] };
}

const TITLE_MAX_WORDS = 10;

/** The first line when it is short enough to be a title, else the first heading that is not a section. */
function titleLine(lines: readonly Line[]): Line | undefined {
  const [first] = lines;
  const short = (l: Line) =>
    !l.bullet && !/[.!?]$/.test(l.text) && l.text.split(/\s+/).length <= TITLE_MAX_WORDS;
  const isSection = (l: Line) => sectionKind(headingText(l.text)) !== null;
  if (first && short(first) && !isSection(first)) return first;
  return lines.find((l) => l.heading && short(l) && !isSection(l));
}

const TITLE_PREFIX = /^(job\s+title|title|position|role)\s*:\s*/i;

function readTitle(
  line: Line | undefined,
  original: string,
): { text: string; start: number; end: number } | null {
  if (!line) return null;
  const text = headingText(original.slice(line.start, line.end));
  const clean = text.replace(TITLE_PREFIX, "").trim();
  if (!clean) return null;
  const start = original.indexOf(clean, line.start);
  return { text: clean, start, end: start + clean.length };
}

function inferFromOccupation(
  occupation: JdOccupation,
  title: { text: string; start: number; end: number },
  present: ReadonlySet<string>,
  taxonomy: Taxonomy,
): JdRequirement[] {
  return occupation.essential.flatMap((id) => {
    const concept = taxonomy.get(id);
    if (!concept || present.has(id)) return [];
    return [
      {
        conceptId: id,
        label: concept.label,
        phrase: title.text,
        start: title.start,
        end: title.end,
        required: false,
        minLevel: null,
        weight: WEIGHTS.inferred,
        confidence: INFERRED_CONFIDENCE,
        inferred: true,
      },
    ];
  });
}

/**
 * The text in pieces of about `size` characters for reading context, cut after a line break (else
 * a space) so that no name is split; a description shorter than `size` is one piece.
 */
function* pieces(text: string, size: number): Generator<string> {
  let from = 0;
  while (text.length - from > size) {
    const window = text.slice(from + size, from + 2 * size);
    const newline = window.indexOf("\n");
    const cut = newline >= 0 ? newline : window.search(/\s/);
    const to = from + size + (cut >= 0 ? cut + 1 : size);
    yield text.slice(from, to);
    from = to;
  }
  yield text.slice(from);
}

/** Characters of context read per step: a few milliseconds of scanning. */
const READ_PIECE_CHARS = 2_000;

/**
 * The parse as small steps (one clause scanned, one piece of context read, one clause read): the
 * synchronous parse runs them back to back, the asynchronous one lets other work run between them.
 * The description is read as context only when some name needs it.
 */
function* parseSteps(text: string, deps: JdDeps): Generator<void, JobDescriptionParse> {
  const masked = maskHtml(text);
  const lines = splitLines(text, masked);
  yield;
  const first = titleLine(lines);
  const title = readTitle(first, text);
  const scanned: ScannedClause[] = [];
  for (const place of sectionedClauses(lines, first)) {
    scanned.push({ ...place, matches: namesIn(place.clause, deps.taxonomy) });
    yield;
  }
  const reading = emptyReading();
  if (scanned.some((s) => s.matches.some((m) => directConcept(m) === NEEDS_CONTEXT)))
    for (const piece of pieces(masked, READ_PIECE_CHARS)) {
      readInto(conceptIndexFor(deps.taxonomy), reading, piece);
      yield;
    }
  const walk: Walk = { requirements: [], unresolved: [] };
  for (const clause of scanned) {
    readClause(clause, reading, deps, walk);
    yield;
  }
  const merged = mergeByConcept(walk.requirements);
  const match = title && deps.occupations ? matchTitles(title.text, deps.occupations, 1)[0] : undefined;
  const occupation =
    match && match.score >= TITLE_MIN_SCORE ? deps.occupations?.find((o) => o.id === match.id) : undefined;
  if (occupation && title && merged.length < INFER_BELOW_STATED)
    merged.push(
      ...inferFromOccupation(
        occupation,
        title,
        new Set(merged.flatMap((r) => [r.conceptId, ...(r.alternatives ?? []).map((a) => a.conceptId)])),
        deps.taxonomy,
      ),
    );
  const { requirements, warnings } = capRequired(merged);
  return {
    title: title?.text ?? null,
    occupation: occupation
      ? {
          id: occupation.id,
          label: occupation.label,
          ...(occupation.escoUri ? { uri: occupation.escoUri } : {}),
        }
      : null,
    requirements,
    education: parseEducation(text),
    unresolved: walk.unresolved,
    warnings,
  };
}

export function parseJobDescription(text: string, deps: JdDeps): JobDescriptionParse {
  const steps = parseSteps(text, deps);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface ParseBudget {
  /** Work this long at most before letting other work (an HTTP request) run. */
  sliceMs: number;
  /** Give up after this long in all, with a `timeout` error. */
  totalMs: number;
}

export const DEFAULT_PARSE_BUDGET: ParseBudget = { sliceMs: 10, totalMs: 10_000 };

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * parseJobDescription for a server: the same steps, pausing every `sliceMs` so one long text
 * does not hold up other requests, and failing with `timeout` past `totalMs`.
 */
export async function parseJobDescriptionAsync(
  text: string,
  deps: JdDeps,
  budget: ParseBudget = DEFAULT_PARSE_BUDGET,
): Promise<JobDescriptionParse> {
  const steps = parseSteps(text, deps);
  const began = performance.now();
  let sliceBegan = began;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    const now = performance.now();
    if (now - began > budget.totalMs)
      throw new LerError(
        "timeout",
        `understanding this job description took over ${budget.totalMs} ms; shorten it, or send the requirements as a list`,
        { details: { limitMs: budget.totalMs, characters: text.length } },
      );
    if (now - sliceBegan >= budget.sliceMs) {
      await nextTurn();
      sliceBegan = performance.now();
    }
  }
}
