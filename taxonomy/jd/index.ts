/**
 * Understanding a pasted job description (plain text, markdown or HTML): which concepts it asks
 * for, where (exact offsets into the original text), whether required or preferred, at what
 * level, and — from its title — which occupation it is, whose essential skills are then inferred.
 */
import type { Concept, Taxonomy } from "../model.ts";
import { buildConceptIndex, type ConceptIndex, normaliseText } from "../resolver/concept-index.ts";
import { type PhraseMatch, scanPhrases } from "../resolver/scan.ts";
import { yearsToCanonical } from "../scales/normalise.ts";
import { YEARS } from "../scales/table.ts";
import { matchTitles, type TitleOccupation } from "../titles.ts";
import {
  INFERRED_CONFIDENCE,
  LEVEL_CUES,
  NUMBER_WORDS,
  PREFERRED_CUE,
  REQUIRED_CUE,
  SECTION_CONFIDENCE,
  type SectionKind,
  WEIGHTS,
  YEARS_CUE,
} from "./cues.ts";
import {
  type Clause,
  clauses,
  headingText,
  type Line,
  maskHtml,
  sectionKind,
  splitLines,
} from "./structure.ts";
import type { JdRequirement, JobDescriptionParse } from "./types.ts";

export type { JdRequirement, JobDescriptionParse } from "./types.ts";

export interface JdOccupation extends TitleOccupation {
  essential: readonly string[];
}

export interface JdDeps {
  taxonomy: Taxonomy;
  occupations?: readonly JdOccupation[];
}

/** A title must score at least this against an occupation before its skills are inferred. */
export const TITLE_MIN_SCORE = 0.5;

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

/**
 * The concept a phrase names. Several candidates or an ambiguous alias go to the resolver with the
 * line as context; an ambiguous single word must also be written as the alias is ("Go", not "go").
 */
function conceptOf(match: PhraseMatch, context: string, taxonomy: Taxonomy): Found | undefined {
  const single = !/\s/.test(match.phrase.trim());
  if (single && match.method === "stemmed") return undefined;
  const [only] = match.entries;
  if (match.entries.length === 1 && only && only.kind !== "ambiguous")
    return { concept: only.concept, confidence: match.method === "stemmed" ? 0.85 : 0.95 };
  const written = match.entries.some(
    (e) => e.concept.ambiguousAliases.includes(match.phrase) || e.kind !== "ambiguous",
  );
  if (!written) return undefined;
  const best = taxonomy.resolve(match.phrase, { context, limit: 1 })[0];
  const concept = best && !best.ambiguous ? taxonomy.get(best.conceptId) : undefined;
  return concept && best ? { concept, confidence: best.confidence } : undefined;
}

function cueLevel(before: string): number | null {
  let best: { at: number; level: number } | null = null;
  const consider = (at: number, level: number) => {
    if (!best || at >= best.at) best = { at, level };
  };
  for (const [re, level] of LEVEL_CUES) for (const m of before.matchAll(re)) consider(m.index ?? 0, level);
  for (const m of before.matchAll(YEARS_CUE)) {
    const n = m[1] ?? "";
    const years = NUMBER_WORDS[n.toLowerCase()] ?? Number(n);
    if (Number.isFinite(years)) consider(m.index ?? 0, yearsToCanonical(YEARS, years));
  }
  return (best as { level: number } | null)?.level ?? null;
}

/**
 * Required when the clause says so, or unless it sits under a preferred heading. Prose before the
 * first heading ("We build the data platform behind our logistics products") describes the
 * company: what it names is preferred, not a hurdle — unless it is a list item.
 */
function isRequired(clause: string, section: SectionKind, line: Line, intro: boolean): boolean {
  if (PREFERRED_CUE.test(clause)) return false;
  if (REQUIRED_CUE.test(clause)) return true;
  if (intro) return line.bullet;
  return section !== "preferred";
}

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
const SKILL_ITEM_TAIL =
  /(?:\s+(?:skills?|experience|knowledge|is a plus|a plus|preferred|required|desirable))+$/i;
const MAX_ITEM_WORDS = 4;

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
  for (const m of body.matchAll(/[^,;/()]+/g)) {
    for (const part of m[0].split(/\s+(?:and|or|&)\s+/)) {
      const offset = (m.index ?? 0) + m[0].indexOf(part);
      const lead = part.match(SKILL_ITEM_LEAD)?.[0].length ?? 0;
      const core = part
        .slice(lead)
        .replace(SKILL_ITEM_TAIL, "")
        .replace(/[.:!?\s]+$/, "");
      const trimmedLead = core.length - core.trimStart().length;
      const phrase = core.trim();
      const start = clause.start + offset + lead + trimmedLead;
      const end = start + phrase.length;
      const wordCount = phrase.split(/\s+/).length;
      if (!/^[\p{L}]/u.test(phrase) || wordCount > MAX_ITEM_WORDS || normaliseText(phrase).length < 2)
        continue;
      if (found.some((f) => f.start < end && f.end > start)) continue;
      out.push({ phrase, start, end });
    }
  }
  return out;
}

interface Walk {
  requirements: JdRequirement[];
  unresolved: JobDescriptionParse["unresolved"];
}

/** `context` is the whole description: a lone "Go" is read against every other skill it names. */
function readClause(
  clause: Clause,
  line: Line,
  section: SectionKind,
  intro: boolean,
  context: string,
  deps: JdDeps,
  walk: Walk,
): void {
  const index = conceptIndexFor(deps.taxonomy);
  const matches = scanPhrases(index, clause.text).map((m) => ({
    ...m,
    start: m.start + clause.start,
    end: m.end + clause.start,
  }));
  const required = isRequired(clause.text, section, line, intro);
  const kept: PhraseMatch[] = [];
  for (const m of matches) {
    const found = conceptOf(m, `${line.text}\n${context}`, deps.taxonomy);
    if (!found || !isRequirementConcept(found.concept, line, deps.taxonomy)) continue;
    kept.push(m);
    walk.requirements.push({
      conceptId: found.concept.id,
      label: found.concept.label,
      phrase: m.phrase,
      start: m.start,
      end: m.end,
      required,
      minLevel: cueLevel(clause.text.slice(0, m.start - clause.start)),
      weight: required ? WEIGHTS.required : WEIGHTS.preferred,
      confidence: Math.round(found.confidence * SECTION_CONFIDENCE[section] * 1000) / 1000,
      inferred: false,
    });
  }
  walk.unresolved.push(...unresolvedItems(clause, line, kept));
}

/** One requirement per concept: its first mention, required if any mention is, the highest level. */
function mergeByConcept(requirements: readonly JdRequirement[]): JdRequirement[] {
  const byId = new Map<string, JdRequirement>();
  for (const r of requirements) {
    const seen = byId.get(r.conceptId);
    if (!seen) {
      byId.set(r.conceptId, { ...r });
      continue;
    }
    seen.required ||= r.required;
    seen.weight = seen.required ? WEIGHTS.required : WEIGHTS.preferred;
    if (r.minLevel !== null && (seen.minLevel === null || r.minLevel > seen.minLevel))
      seen.minLevel = r.minLevel;
    seen.confidence = Math.max(seen.confidence, r.confidence);
  }
  return [...byId.values()];
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
        required: true,
        minLevel: null,
        weight: WEIGHTS.inferred,
        confidence: INFERRED_CONFIDENCE,
        inferred: true,
      },
    ];
  });
}

export function parseJobDescription(text: string, deps: JdDeps): JobDescriptionParse {
  const masked = maskHtml(text);
  const lines = splitLines(text, masked);
  const first = titleLine(lines);
  const title = readTitle(first, text);
  const walk: Walk = { requirements: [], unresolved: [] };
  let section: SectionKind = "neutral";
  let intro = true;
  for (const line of lines) {
    if (line === first) continue;
    if (line.heading) {
      section = sectionKind(headingText(line.text)) ?? section;
      intro = false;
      continue;
    }
    if (section === "skip") continue;
    for (const clause of clauses(line)) readClause(clause, line, section, intro, masked, deps, walk);
  }
  const requirements = mergeByConcept(walk.requirements);
  const match = title && deps.occupations ? matchTitles(title.text, deps.occupations, 1)[0] : undefined;
  const occupation =
    match && match.score >= TITLE_MIN_SCORE ? deps.occupations?.find((o) => o.id === match.id) : undefined;
  if (occupation && title)
    requirements.push(
      ...inferFromOccupation(occupation, title, new Set(requirements.map((r) => r.conceptId)), deps.taxonomy),
    );
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
    unresolved: walk.unresolved,
  };
}
