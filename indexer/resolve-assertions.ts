/**
 * RawAssertion → SkillAssertion: concept resolution (identifiers first, then the skill text with
 * the rest of the document as context), level normalisation and the fields an assertion inherits
 * from its document. Problems with one assertion never fail the document: they become warnings.
 */
import { isoDay } from "../src/domain/clock.ts";
import { PRESENT } from "../src/domain/dates.ts";
import { IsoDate, type ResolutionMethod, type SkillAssertion } from "../src/domain/schemas.ts";
import type { Taxonomy } from "../taxonomy/model.ts";
import { normaliseLevel } from "../taxonomy/scales/index.ts";
import { assertionId } from "./canonical.ts";
import type { ParsedDocument, RawAssertion } from "./types.ts";

export interface ConceptMatch {
  conceptId: string | null;
  method: ResolutionMethod;
  confidence: number;
}

const UNRESOLVED: ConceptMatch = { conceptId: null, method: "unresolved", confidence: 0 };

/** http/https, case and a trailing slash do not make a different URI. */
const uriKey = (uri: string): string =>
  uri
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .replace(/\/+$/, "");

/** Concept look-up by the identifiers documents carry (ESCO/CASE URIs, O*NET codes). */
export interface HintIndex {
  byUri: Map<string, string>;
  byCode: Map<string, string>;
}

export function buildHintIndex(taxonomy: Taxonomy): HintIndex {
  const byUri = new Map<string, string>();
  const byCode = new Map<string, string>();
  for (const c of taxonomy.all()) {
    for (const uri of [c.escoUri, c.caseUri]) if (uri) byUri.set(uriKey(uri), c.id);
    if (c.onetCode) byCode.set(c.onetCode.trim().toLowerCase(), c.id);
  }
  return { byUri, byCode };
}

function fromHint(
  hint: RawAssertion["conceptHint"],
  taxonomy: Taxonomy,
  index: HintIndex,
): ConceptMatch | null {
  if (!hint) return null;
  const found = (conceptId: string | undefined, method: ResolutionMethod): ConceptMatch | null =>
    conceptId ? { conceptId, method, confidence: 1 } : null;
  return (
    (hint.id && taxonomy.get(hint.id) ? found(hint.id, "id") : null) ??
    (hint.id ? found(index.byUri.get(uriKey(hint.id)), "uri") : null) ??
    (hint.uri ? found(index.byUri.get(uriKey(hint.uri)), "uri") : null) ??
    (hint.code ? found(index.byCode.get(hint.code.trim().toLowerCase()), "code") : null)
  );
}

export function resolveConcept(
  raw: RawAssertion,
  taxonomy: Taxonomy,
  index: HintIndex,
  context: string,
): ConceptMatch {
  const hinted = fromHint(raw.conceptHint, taxonomy, index);
  if (hinted) return hinted;
  const best = taxonomy.resolve(raw.skillText, { context, limit: 1 })[0];
  return best ? { conceptId: best.conceptId, method: best.method, confidence: best.confidence } : UNRESOLVED;
}

interface LevelRead {
  level: number | null;
  scale: string | null;
  rawLevel: string | null;
  warning: string | null;
}

/**
 * A level that cannot be read keeps its raw text and scale for the explanation, and becomes
 * null (= not stated): one odd level must not cost the document its other skills.
 */
export function readLevel(raw: RawAssertion): LevelRead {
  const rawText = raw.rawLevel === null ? null : String(raw.rawLevel).trim() || null;
  if (rawText === null) return { level: null, scale: null, rawLevel: null, warning: null };
  const unread = (why: string): LevelRead => ({
    level: null,
    scale: raw.scale?.scale ?? null,
    rawLevel: rawText,
    warning: `${raw.sourcePath}: level "${rawText}" of "${raw.skillText}" not understood (${why}); kept as written, level left unset`,
  });
  try {
    const n = normaliseLevel(raw.rawLevel, raw.scale);
    if (n.level !== null && !(n.level >= 0 && n.level <= 5))
      return unread(`normalised to ${n.level}, outside 0–5`);
    return { level: n.level, scale: n.scale, rawLevel: n.raw ?? rawText, warning: null };
  } catch (e) {
    return unread((e as Error).message);
  }
}

/** An ISO date, or null with a warning: a date the scoring model cannot read is no date. */
export function readDate(value: string | null | undefined, where: string, warnings: string[]): string | null {
  if (value === null || value === undefined) return null;
  if (IsoDate.safeParse(value).success) return value;
  warnings.push(`${where}: "${value}" is not an ISO 8601 date, ignored`);
  return null;
}

export interface ResolvedAssertions {
  assertions: SkillAssertion[];
  unresolved: string[];
  warnings: string[];
}

/** Context for resolving each skill: the document's other skill texts (bounded: a context, not a corpus). */
function contextsOf(doc: ParsedDocument): (skillText: string) => string {
  const texts = [...new Set(doc.assertions.map((a) => a.skillText.trim()))].slice(0, 200);
  const cache = new Map<string, string>();
  return (skillText) => {
    let context = cache.get(skillText);
    if (context === undefined) {
      context = texts.filter((t) => t !== skillText).join(", ");
      cache.set(skillText, context);
    }
    return context;
  };
}

/** Same skill, level, source and dates as an earlier assertion in the document: nothing new. */
const dedupKey = (a: SkillAssertion): string =>
  JSON.stringify([
    a.conceptId ?? a.skillText.toLowerCase(),
    a.level,
    a.rawLevel,
    a.scale,
    a.sourceKind,
    a.issuer,
    a.issuedAt,
    a.lastPracticedAt,
    a.validUntil,
    a.wherePracticed,
  ]);

/**
 * A parser's "present" (a current job, a language in use) means practiced up to the day of
 * ingestion: recency is then measured from that day, and a later re-ingest refreshes it.
 */
function readPracticedDate(
  value: string | null | undefined,
  where: string,
  warnings: string[],
  nowMs: number,
) {
  return value === PRESENT ? isoDay(nowMs) : readDate(value, where, warnings);
}

export function resolveAssertions(
  doc: ParsedDocument,
  ids: { documentId: string; candidateId: string },
  taxonomy: Taxonomy,
  index: HintIndex,
  nowMs: number,
): ResolvedAssertions {
  const warnings: string[] = [];
  const contextFor = contextsOf(doc);
  const docDates = {
    issuedAt: readDate(doc.issuedAt, "$.issuedAt", []),
    validUntil: readDate(doc.validUntil, "$.validUntil", []),
  };
  const seen = new Set<string>();
  const assertions: SkillAssertion[] = [];
  let duplicates = 0;
  for (const [i, raw] of doc.assertions.entries()) {
    const skillText = raw.skillText.trim();
    if (!skillText) {
      warnings.push(`${raw.sourcePath}: empty skill text, skipped`);
      continue;
    }
    const concept = resolveConcept({ ...raw, skillText }, taxonomy, index, contextFor(skillText));
    if (raw.conceptHint?.id && concept.method !== "id" && concept.method !== "uri")
      warnings.push(
        `${raw.sourcePath}: concept id "${raw.conceptHint.id}" is not in the taxonomy; read the text`,
      );
    const level = readLevel({ ...raw, skillText });
    if (level.warning) warnings.push(level.warning);
    const assertion: SkillAssertion = {
      id: assertionId(ids.documentId, i),
      candidateId: ids.candidateId,
      documentId: ids.documentId,
      conceptId: concept.conceptId,
      skillText,
      resolution: { method: concept.method, confidence: concept.confidence },
      rawLevel: level.rawLevel,
      scale: level.scale,
      level: level.level,
      sourceKind: raw.sourceKind ?? doc.sourceKind,
      issuer: raw.issuer ?? doc.issuer,
      issuedAt: readDate(raw.issuedAt, `${raw.sourcePath}.issuedAt`, warnings) ?? docDates.issuedAt,
      lastPracticedAt: readPracticedDate(
        raw.lastPracticedAt,
        `${raw.sourcePath}.lastPracticedAt`,
        warnings,
        nowMs,
      ),
      // a skill evidenced by a licence lapses with the licence
      validUntil: readDate(raw.validUntil, `${raw.sourcePath}.validUntil`, warnings) ?? docDates.validUntil,
      wherePracticed: raw.wherePracticed ?? null,
      sourcePath: raw.sourcePath,
    };
    const key = dedupKey(assertion);
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    assertions.push(assertion);
  }
  if (duplicates) warnings.push(`${duplicates} duplicate assertion(s) dropped`);
  const unresolved = assertions.filter((a) => a.conceptId === null).map((a) => a.skillText);
  return { assertions, unresolved, warnings };
}
