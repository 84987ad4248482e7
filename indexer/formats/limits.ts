/**
 * How long a field of a parsed document may be, enforced once for every parser (formats/index.ts).
 * A skill name longer than any skill's is dropped, a long title or issuer is cut, an oversized
 * level, date or concept identifier is ignored — each with a warning on the document; a document
 * id too long to be one fails the document. Past these sizes a field is a mistake or an attack,
 * and every later step (resolution, the report, the store, the index) would pay for its length.
 */
import { LerError } from "../../src/domain/errors.ts";
import type { ScaleHint } from "../../taxonomy/scales/types.ts";
import type { ParsedDocument, RawAssertion } from "../types.ts";

export const FIELD_LIMITS = {
  /** a skill as written ("Python", "Manage a warehouse team") */
  skillText: 500,
  /** a title, issuer or where a skill was practiced */
  text: 1_000,
  /** a document id, a concept hint (URI, code, id), a scale name */
  identifier: 500,
  /** a raw level ("advanced", "4 of 5") or one of a scale's level names */
  level: 100,
  /** the level names of one scale */
  levels: 50,
  /** a date as written */
  date: 64,
  /** one warning's text */
  warning: 1_000,
} as const;

const ELLIPSIS = "…";

const cut = (text: string, limit: number): string =>
  text.length <= limit ? text : `${text.slice(0, limit - ELLIPSIS.length)}${ELLIPSIS}`;

const over = (path: string, what: string, length: number, limit: number, outcome: string) =>
  `${path}: ${what} of ${length} characters is over the ${limit}-character limit, ${outcome}`;

type TextField = "title" | "issuer" | "wherePracticed";
type DateField = "issuedAt" | "validUntil" | "lastPracticedAt";

/** What becomes of a field over its limit, and what the warning calls it (the field's name by default). */
interface Overlong<F extends string> {
  limit: number;
  what?: string;
  outcome: string;
  replace(value: string): string | null;
  /** the fields the rule is for; never set, only typed */
  fields?: F;
}

/** A title, issuer or place is cut to the limit: what remains still names it. */
const CUT_TEXT: Overlong<TextField> = {
  limit: FIELD_LIMITS.text,
  outcome: "cut",
  replace: (value) => cut(value, FIELD_LIMITS.text),
};
/** A date that long is no date: it is dropped. */
const DROP_DATE: Overlong<DateField> = {
  limit: FIELD_LIMITS.date,
  what: "date",
  outcome: "ignored",
  replace: () => null,
};

function fitField<F extends string, T extends Partial<Record<F, string | null>>>(
  item: T,
  field: F,
  rule: Overlong<F>,
  path: string,
  warnings: string[],
): void {
  const value = item[field];
  if (typeof value !== "string" || value.length <= rule.limit) return;
  warnings.push(over(`${path}.${field}`, rule.what ?? field, value.length, rule.limit, rule.outcome));
  item[field] = rule.replace(value) as T[F];
}

function limitedHint(a: RawAssertion, warnings: string[]): RawAssertion["conceptHint"] {
  if (!a.conceptHint) return undefined;
  const hint: NonNullable<RawAssertion["conceptHint"]> = {};
  for (const [key, value] of Object.entries(a.conceptHint) as [keyof typeof hint, string | undefined][]) {
    if (value === undefined) continue;
    if (value.length <= FIELD_LIMITS.identifier) hint[key] = value;
    else
      warnings.push(over(a.sourcePath, `concept ${key}`, value.length, FIELD_LIMITS.identifier, "ignored"));
  }
  return Object.keys(hint).length > 0 ? hint : undefined;
}

function scaleWithinLimits(scale: ScaleHint | null): boolean {
  if (!scale) return true;
  if (scale.scale !== undefined && scale.scale.length > FIELD_LIMITS.identifier) return false;
  const levels = scale.levels ?? [];
  return levels.length <= FIELD_LIMITS.levels && levels.every((l) => l.length <= FIELD_LIMITS.level);
}

/** The assertion within the limits, or null (with a warning) when its skill text is too long to be one. */
function limitAssertion(a: RawAssertion, warnings: string[]): RawAssertion | null {
  if (a.skillText.length > FIELD_LIMITS.skillText) {
    warnings.push(over(a.sourcePath, "skill text", a.skillText.length, FIELD_LIMITS.skillText, "skipped"));
    return null;
  }
  const out: RawAssertion = { ...a };
  const hint = limitedHint(a, warnings);
  if (hint) out.conceptHint = hint;
  else delete out.conceptHint;
  if (typeof a.rawLevel === "string" && a.rawLevel.length > FIELD_LIMITS.level) {
    warnings.push(over(a.sourcePath, "level", a.rawLevel.length, FIELD_LIMITS.level, "ignored"));
    out.rawLevel = null;
  }
  if (!scaleWithinLimits(a.scale)) {
    warnings.push(
      `${a.sourcePath}: scale is over the size limits (names of ${FIELD_LIMITS.level} characters, ${FIELD_LIMITS.levels} levels), ignored`,
    );
    out.scale = null;
  }
  for (const field of ["issuer", "wherePracticed"] as const)
    fitField(out, field, CUT_TEXT, a.sourcePath, warnings);
  for (const field of ["issuedAt", "validUntil", "lastPracticedAt"] as const)
    fitField(out, field, DROP_DATE, a.sourcePath, warnings);
  return out;
}

/**
 * The document within FIELD_LIMITS. Throws parse_failed when its own id is too long: an id cannot
 * be cut without naming another document. The person is checked by the pipeline (Candidate).
 */
export function withinFieldLimits(doc: ParsedDocument): ParsedDocument {
  if (doc.documentId !== null && doc.documentId.length > FIELD_LIMITS.identifier)
    throw new LerError(
      "parse_failed",
      `the document id has ${doc.documentId.length} characters; at most ${FIELD_LIMITS.identifier} are accepted`,
      { details: { path: "$.id", limit: FIELD_LIMITS.identifier } },
    );
  const warnings = doc.warnings.map((w) => cut(w, FIELD_LIMITS.warning));
  const assertions = doc.assertions.flatMap((a) => limitAssertion(a, warnings) ?? []);
  const out: ParsedDocument = { ...doc, assertions, warnings };
  for (const field of ["title", "issuer"] as const) fitField(out, field, CUT_TEXT, "$", warnings);
  for (const field of ["issuedAt", "validUntil"] as const) fitField(out, field, DROP_DATE, "$", warnings);
  return out;
}
