/**
 * HR Open Standards records that are not résumés: PersonCompetency (a person's competency with a
 * proficiency score, O*NET or other scheme ids, last-used date, years of experience) and the
 * CertificationType instances (`badge_instance`, `certification_instance`). These come from HR
 * systems, so competencies are "employer-record"; certifications are "issued-credential".
 */
import type { ScaleHint } from "../../taxonomy/scales/types.ts";
import { childPath, isObject, isoDate, type Json, objects, requireObject, text } from "../json-path.ts";
import type { FormatParser, ParsedDocument, RawAssertion } from "../types.ts";
import { anonymousPerson, assertion, type ConceptHint, newDocument } from "./common.ts";

/** HR Open unit codes (UN/CEFACT) for an experience measure that is a span of years. */
const YEAR_UNITS = new Set(["ANN", "year", "years", "YR"]);
const CERT_WRAPPERS = ["badge_instance", "certification_instance", "certification"];
const COMPETENCY_LISTS = ["competencies", "personCompetencies"];

const num = (v: unknown): number | null => {
  const n = typeof v === "number" ? v : Number(text(v) ?? Number.NaN);
  return Number.isFinite(n) ? n : null;
};

/** proficiencyLevel.scoresText[0] ({value, minimum, maximum}) → raw level and its range. */
export function proficiency(c: Json): { rawLevel: string | number | null; scale: ScaleHint | null } {
  const pl = isObject(c.proficiencyLevel) ? c.proficiencyLevel : {};
  const score =
    objects(pl.scoresText)[0] ?? objects(pl.scoresNumeric)[0] ?? (isObject(pl.score) ? pl.score : null);
  if (!score) return { rawLevel: text(pl.value) ?? text(pl.name), scale: null };
  const value = num(score.value);
  const min = num(score.minimum);
  const max = num(score.maximum);
  const rawLevel = value ?? text(score.value);
  const scale = min !== null && max !== null && max > min ? { min, max } : null;
  return { rawLevel, scale };
}

/** competencyIds[{value, schemeId}] → concept hint: the code and the scheme it belongs to. */
export function competencyHint(c: Json): ConceptHint | undefined {
  const id = objects(c.competencyIds)[0] ?? (isObject(c.id) ? c.id : null);
  const code = id ? text(id.value) : null;
  if (!id || !code) return undefined;
  const framework = text(id.schemeId) ?? text(id.schemeAgencyId);
  return framework ? { code, framework } : { code };
}

export function experienceYears(c: Json): number | null {
  const m = isObject(c.experienceMeasure) ? c.experienceMeasure : null;
  if (!m || !YEAR_UNITS.has(text(m.unitCode) ?? "ANN")) return null;
  return num(m.value);
}

export function readCompetency(c: Json, at: string, warnings: string[]): RawAssertion | null {
  const skillText = text(c.competencyName) ?? text(c.name);
  if (!skillText) {
    warnings.push(`${at}: competency has no competencyName, skipped`);
    return null;
  }
  const years = experienceYears(c);
  const stated = proficiency(c);
  const level =
    stated.rawLevel !== null
      ? stated
      : { rawLevel: years, scale: years === null ? null : { scale: "years" } };
  if (stated.rawLevel !== null && years !== null) warnings.push(`${at}: ${years} years of experience`);
  const conceptHint = competencyHint(c);
  return assertion({
    skillText,
    ...level,
    ...(conceptHint ? { conceptHint } : {}),
    lastPracticedAt: isoDate(c.lastUsedDate),
    sourcePath: at,
  });
}

function certification(cert: Json, at: string): RawAssertion | null {
  const skillText =
    text(cert.Name) ?? text(cert.name) ?? (isObject(cert.id) ? text(cert.id.description) : null);
  if (!skillText) return null;
  const authority = isObject(cert.issuingAuthority) ? cert.issuingAuthority : {};
  const authorityName = isObject(authority.description)
    ? text(authority.description.value)
    : text(authority.name);
  const period = isObject(cert.effectiveTimePeriod) ? cert.effectiveTimePeriod : {};
  return assertion({
    skillText,
    sourceKind: "issued-credential",
    issuer: authorityName ?? text(authority.domainName),
    issuedAt: isoDate(cert.firstIssued) ?? isoDate(period.validFrom),
    validUntil: isoDate(period.validTo),
    sourcePath: at,
  });
}

function competencies(doc: Json, warnings: string[]): RawAssertion[] {
  const list = COMPETENCY_LISTS.find((k) => Array.isArray(doc[k]));
  if (!list) return [readCompetency(doc, "$", warnings)].filter((a) => a !== null);
  return (doc[list] as unknown[]).flatMap((c, i) => {
    const at = childPath(`$.${list}`, i);
    return isObject(c) ? [readCompetency(c, at, warnings)].filter((a) => a !== null) : [];
  });
}

export const isPersonCompetency = (doc: unknown): boolean =>
  isObject(doc) &&
  (typeof doc.competencyName === "string" ||
    COMPETENCY_LISTS.some((k) => objects(doc[k]).some((c) => typeof c.competencyName === "string")));

const certificationKey = (doc: unknown): string | undefined =>
  isObject(doc) ? CERT_WRAPPERS.find((k) => isObject(doc[k])) : undefined;

export const hropenParser: FormatParser = {
  format: "hropen-competency",
  detect(doc) {
    if (isPersonCompetency(doc)) return 8;
    return certificationKey(doc) ? 7 : 0;
  },
  parse(doc): ParsedDocument[] {
    const root = requireObject(doc, "HR Open record");
    const warnings: string[] = [];
    const key = certificationKey(root);
    const cert = key ? certification(root[key] as Json, `$.${key}`) : null;
    if (key && !cert) warnings.push(`$.${key}: certification has no name, skipped`);
    const assertions = key ? [cert].filter((a) => a !== null) : competencies(root, warnings);
    const source = cert?.issuer ?? null;
    return [
      newDocument("hropen-competency", key ? "issued-credential" : "employer-record", anonymousPerson(doc), {
        title: assertions[0]?.skillText ?? null,
        issuer: source,
        issuedAt: cert?.issuedAt ?? null,
        validUntil: cert?.validUntil ?? null,
        assertions,
        warnings,
      }),
    ];
  },
};
