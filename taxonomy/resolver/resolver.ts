/**
 * text → ranked concepts. Tries, in order: id, URI, code, exact label/alias, normalised form,
 * the form with filler words stripped ("experience with …", "… skills"), Porter-stemmed form,
 * then a blocked fuzzy match (Jaro–Winkler + Damerau–Levenshtein). Names several concepts share
 * are settled from the context when it points one way, otherwise returned as ambiguous.
 */

import { replaceBracketed } from "../../src/text/bracketed.ts";
import type { Concept, Resolution, ResolveOptions } from "../model.ts";
import {
  buildConceptIndex,
  type ConceptIndex,
  contentStems,
  type NameEntry,
  normaliseText,
  stemKey,
} from "./concept-index.ts";
import { contextScore, readContext } from "./context.ts";
import { boundedCache, editDistance, similarity } from "./nlp.ts";
import { type ContextReading, emptyReading } from "./reading.ts";
import { scanPhrases } from "./scan.ts";

export { buildConceptIndex, type ConceptIndex, normaliseText, stemKey } from "./concept-index.ts";
export { readInto } from "./context.ts";
export { type ContextReading, emptyReading } from "./reading.ts";
export { type PhraseMatch, scanPhrases, tokenize } from "./scan.ts";

export type Resolver = (text: string, options?: ResolveOptions) => Resolution[];

type Method = Resolution["method"];

/** Confidence by how the name was reached and whether it is the concept's label. */
export const CONFIDENCE = {
  exact: { label: 1, alias: 0.95 },
  normalised: { label: 0.95, alias: 0.9 },
  stripped: 0.05,
  stemmed: 0.85,
  fuzzyScale: 0.8,
  context: { base: 0.6, perPoint: 0.05, max: 0.9 },
  ambiguous: 0.4,
  ambiguousRunnerUp: 0.3,
  /** one concept's preferred label against other concepts' alternative labels, context undecided */
  labelOverAliases: 0.7,
} as const;

/** Context must score at least this, and beat the runner-up by this factor, to settle a name. */
export const CONTEXT_DECISION = { minScore: 1, margin: 1.5 } as const;

export const CONTAINED = { minCoverage: 0.5, confidence: 0.7 } as const;

export const FUZZY = {
  minLength: 4,
  minSimilarity: 0.92,
  maxEditsShort: 1,
  maxEditsLong: 2,
  longFrom: 9,
} as const;

const FILLER_PREFIX =
  /^(?:(?:strong|solid|good|deep|excellent|basic|advanced|proven|demonstrated|hands on|working)\s+)?(?:experience|knowledge|proficiency|expertise|skills?|familiarity|understanding|competence|background|ability|fluency)\s+(?:with|in|of|using|to)\s+/;
const FILLER_SUFFIX =
  /\s+(?:skills?|experience|knowledge|proficiency|expertise|programming|language|framework|library|tools?|software|certification|certified|basics)$/;

function strippedForms(text: string, n: string): string[] {
  const out = new Set<string>();
  const noParens = normaliseText(replaceBracketed(text, [["(", ")"]], " "));
  for (const base of [n, noParens]) {
    const p = base.replace(FILLER_PREFIX, "");
    out.add(p);
    out.add(p.replace(FILLER_SUFFIX, ""));
    out.add(base.replace(FILLER_SUFFIX, ""));
  }
  out.delete(n);
  return [...out].filter((s) => s.length > 0);
}

const resolution = (c: Concept, confidence: number, method: Method, ambiguous = false): Resolution => ({
  conceptId: c.id,
  label: c.label,
  confidence: Math.round(confidence * 1000) / 1000,
  method,
  ambiguous,
});

function fromEntries(entries: readonly NameEntry[], step: "exact" | "normalised", penalty = 0): Resolution[] {
  return entries.map((e) => {
    const kind = e.kind === "label" ? "label" : "alias";
    const method: Method = step === "exact" ? (kind === "label" ? "exact" : "alias") : "normalised";
    return resolution(e.concept, CONFIDENCE[step][kind] - penalty, method);
  });
}

/** Several concepts for one name, or a name flagged ambiguous: let the context decide. */
function settle(
  index: ConceptIndex,
  text: string,
  entries: readonly NameEntry[],
  found: Resolution[],
  context: Context,
): Resolution[] {
  const needsContext = entries.length > 1 || entries.some((e) => e.kind === "ambiguous");
  if (!needsContext) return found;
  const reading = context();
  const scored = found
    .map((r) => ({ r, score: contextScore(index, r.conceptId, reading, text) }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best) return [];
  const clear =
    best.score >= CONTEXT_DECISION.minScore && best.score >= CONTEXT_DECISION.margin * (second?.score ?? 0);
  if (clear) {
    const c = CONFIDENCE.context;
    return [
      {
        ...best.r,
        method: "context",
        ambiguous: false,
        confidence: Math.min(c.max, c.base + c.perPoint * best.score),
      },
      ...scored
        .slice(1)
        .map(({ r }) => ({ ...r, confidence: CONFIDENCE.ambiguousRunnerUp, ambiguous: true })),
    ];
  }
  const labels = entries.filter((e) => e.kind === "label");
  const [label] = labels;
  if (labels.length === 1 && label && !label.concept.ambiguousAliases.length) {
    // "SQL" is one skill's label and another's alternative label: the label's owner is meant.
    const winner = scored.find(({ r }) => r.conceptId === label.concept.id);
    if (winner)
      return [
        { ...winner.r, confidence: CONFIDENCE.labelOverAliases, ambiguous: false },
        ...scored
          .filter((s) => s !== winner)
          .map(({ r }) => ({ ...r, confidence: CONFIDENCE.ambiguousRunnerUp, ambiguous: true })),
      ];
  }
  return scored.map(({ r }) => ({ ...r, confidence: CONFIDENCE.ambiguous, ambiguous: true }));
}

/** The context's reading, read only when a name needs it. */
type Context = () => ContextReading;

/** Characters of a context text read: a context, not a corpus. */
export const MAX_CONTEXT_CHARS = 20_000;
/** Readings kept per generation: a document's skills, a position's requirements share one context. */
const READINGS_KEPT = 16;

function fuzzy(index: ConceptIndex, n: string): Resolution[] {
  if (n.length < FUZZY.minLength) return [];
  const maxEdits = n.length >= FUZZY.longFrom ? FUZZY.maxEditsLong : FUZZY.maxEditsShort;
  let best: { key: string; sim: number } | undefined;
  for (const key of index.fuzzyBlocks.get(n[0] ?? "") ?? []) {
    if (Math.abs(key.length - n.length) > maxEdits) continue;
    const sim = similarity(n, key);
    if (sim < FUZZY.minSimilarity || (best && sim <= best.sim)) continue;
    if (editDistance(n, key) <= maxEdits) best = { key, sim };
  }
  if (!best) return [];
  const entries = index.normalised.get(best.key) ?? [];
  const sim = best.sim;
  return entries.map((e) => resolution(e.concept, CONFIDENCE.fuzzyScale * sim, "fuzzy", entries.length > 1));
}

function direct(index: ConceptIndex, text: string): Resolution[] {
  const t = text.trim();
  const byId = index.byId.get(t);
  if (byId) return [resolution(byId, 1, "id")];
  const byUri = index.byUri.get(t);
  if (byUri) return [resolution(byUri, 1, "uri")];
  const byCode = index.byCode.get(t);
  return byCode ? [resolution(byCode, 1, "code")] : [];
}

function lookUp(index: ConceptIndex, text: string, context: Context): Resolution[] {
  const ids = direct(index, text);
  if (ids.length) return ids;
  const exact = index.exact.get(text.trim().toLowerCase());
  if (exact) return settle(index, text, exact, fromEntries(exact, "exact"), context);
  const n = normaliseText(text);
  if (!n) return [];
  const norm = index.normalised.get(n);
  if (norm) return settle(index, text, norm, fromEntries(norm, "normalised"), context);
  for (const s of strippedForms(text, n)) {
    const hit = index.normalised.get(s);
    if (hit) return settle(index, s, hit, fromEntries(hit, "normalised", CONFIDENCE.stripped), context);
  }
  for (const s of [n, ...strippedForms(text, n)]) {
    const hit = index.stemmed.get(stemKey(s));
    if (hit)
      return settle(
        index,
        s,
        hit,
        hit.map((e) => resolution(e.concept, CONFIDENCE.stemmed, "stemmed")),
        context,
      );
  }
  const close = fuzzy(index, n);
  return close.length ? close : contained(index, text, context);
}

/**
 * A known name inside a longer phrase ("Active Directory administration"): accepted when it is
 * the only one and covers at least half of the phrase's content words.
 */
function contained(index: ConceptIndex, text: string, context: Context): Resolution[] {
  const matches = scanPhrases(index, text, { skipAmbiguousSingles: true, stemmed: false });
  const [only] = matches;
  if (!only || matches.length > 1) return [];
  const words = contentStems(text).length;
  if (words === 0 || contentStems(only.phrase).length / words < CONTAINED.minCoverage) return [];
  const found = only.entries.map((e) => resolution(e.concept, CONTAINED.confidence, only.method));
  return settle(index, only.phrase, only.entries, found, context);
}

export function createResolverFromIndex(index: ConceptIndex): Resolver {
  const readings = boundedCache<string, ContextReading>(READINGS_KEPT);
  const readingOf = (context: string): ContextReading => {
    let reading = readings.get(context);
    if (!reading) {
      reading = readContext(index, context.slice(0, MAX_CONTEXT_CHARS));
      readings.set(context, reading);
    }
    return reading;
  };
  return (text, options = {}) => {
    const limit = options.limit ?? 5;
    const { context, reading } = options;
    const read: Context = () => reading ?? (context ? readingOf(context) : emptyReading());
    return lookUp(index, text, read)
      .sort((a, b) => b.confidence - a.confidence)
      .slice(0, limit);
  };
}

export function createResolver(concepts: readonly Concept[]): Resolver {
  return createResolverFromIndex(buildConceptIndex(concepts));
}
