/**
 * Education requirements in a job description: "Bachelor's degree in Accounting or equivalent
 * experience" → a bachelor's, in accounting, or equivalent experience. Read clause by clause; a
 * clause counts only when it names a degree, so "MS Excel" in a skills line is never a master's.
 */
import type { EducationRequirement } from "../../src/domain/education.ts";
import { degreeLevelOf, normaliseField } from "../education.ts";

export interface JdEducation extends EducationRequirement {
  phrase: string;
  start: number;
  end: number;
  required: boolean;
}

const NAMES_A_DEGREE =
  /\b(degree|bachelor'?s?|master'?s|ph\.?\s?d|doctorate|baccalaureate|b\.sc|m\.sc|bsc|msc|mba|high school diploma|ged)\b/i;
const FIELD =
  /\b(?:degree|bachelor'?s?|master'?s?|mba|bsc|msc|b\.sc|m\.sc|diploma|ph\.?\s?d|doctorate)\b[^.;\n]*?\bin\s+([a-z][a-z &/-]*?)(?=\s+or\b|\s+and\s+\d|\s+from\b|\s+with\b|[,;.()]|$)/i;
const OR_EQUIVALENT = /\bor (an? )?equivalent\b|\bequivalent (practical |professional |work )?experience\b/i;
const RELATED_FIELDS = /\bor related\b|\brelated (field|discipline|subject|area|degree)s?\b/i;
const PREFERRED = /\b(preferred|nice to have|a plus|desirable|ideally|bonus)\b/i;
const CLAUSE = /[^\n.;]+/g;

export function parseEducation(text: string): JdEducation[] {
  const out: JdEducation[] = [];
  for (const m of text.matchAll(CLAUSE)) {
    const clause = m[0];
    if (!NAMES_A_DEGREE.test(clause)) continue;
    // "a degree in nursing" with no level named is, in job ads, a bachelor's
    const level = degreeLevelOf(clause) ?? (/\bdegree\b/i.test(clause) ? "bachelor" : null);
    if (!level) continue;
    const lead = clause.length - clause.trimStart().length;
    const phrase = clause.trim().replace(/^[-*•]\s*/, "");
    const start = (m.index ?? 0) + lead + (clause.trim().length - phrase.length);
    out.push({
      level,
      field: normaliseField(FIELD.exec(clause)?.[1]),
      orEquivalent: OR_EQUIVALENT.test(clause),
      relatedFields: RELATED_FIELDS.test(clause),
      phrase,
      start,
      end: start + phrase.length,
      required: !PREFERRED.test(clause),
    });
  }
  return out;
}
