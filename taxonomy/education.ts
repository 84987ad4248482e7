/**
 * Reading degree levels and fields of study from the words people and documents use, for job
 * descriptions and LERs alike. A table of patterns, most specific first.
 */
import type { DegreeLevel, EducationRequirement } from "../src/domain/education.ts";
import { degreeRank } from "../src/domain/education.ts";

const LEVEL_PATTERNS: [RegExp, DegreeLevel][] = [
  [/\b(ph\.?\s?d|doctor(ate|al)?|d\.?phil|ed\.?d)\b/i, "doctorate"],
  [
    /\b(master'?s?|m\.?sc|m\.?s\.?|m\.?a\.?|mba|m\.?eng|m\.?ed|llm|postgraduate|graduate degree)\b/i,
    "master",
  ],
  [
    /\b(bachelor'?s?|baccalaureate|b\.?sc|b\.?s\.?|b\.?a\.?|b\.?eng|b\.?com|bba|bsn|undergraduate|four[- ]year degree|college degree|university degree)\b/i,
    "bachelor",
  ],
  [/\b(associate'?s?( degree)?|a\.?a\.?s|two[- ]year degree|foundation degree|hnd)\b/i, "associate"],
  [/\b(high school|secondary school|ged|a[- ]levels?)\b/i, "secondary"],
];

/** ISCED 2011 levels (LER-RS iscedEducationLevelCode) → degree level. */
const ISCED: Record<string, DegreeLevel> = {
  "3": "secondary",
  "4": "secondary",
  "5": "associate",
  "6": "bachelor",
  "7": "master",
  "8": "doctorate",
};

/** OB3 achievementType values that are degrees (the OB3 AchievementType vocabulary). */
export const OB3_DEGREE_TYPES: Record<string, DegreeLevel> = {
  AssociateDegree: "associate",
  BachelorDegree: "bachelor",
  MasterDegree: "master",
  DoctoralDegree: "doctorate",
  ProfessionalDoctorate: "doctorate",
  ResearchDoctorate: "doctorate",
  SecondarySchoolDiploma: "secondary",
};

export function degreeLevelOf(text: string | null | undefined): DegreeLevel | null {
  if (!text) return null;
  for (const [pattern, level] of LEVEL_PATTERNS) if (pattern.test(text)) return level;
  return null;
}

export const degreeLevelOfIsced = (code: unknown): DegreeLevel | null =>
  ISCED[String(code ?? "").trim()] ?? null;

/** "Computer Science (SIL)" → "computer science": lower case, no brackets or punctuation. */
export function normaliseField(text: string | null | undefined): string | null {
  if (!text) return null;
  const clean = text
    .toLowerCase()
    .replace(/\([^)]*\)/g, " ")
    .replace(/[^a-z0-9&+ ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return clean || null;
}

const FILLER = new Set(["and", "of", "in", "the", "a", "an", "or", "&", "studies", "science", "sciences"]);
const words = (field: string) =>
  field
    .split(" ")
    .filter((w) => !FILLER.has(w))
    .map((w) => w.replace(/(ing|s)$/, ""));

/**
 * A held field answers an asked one when every significant word asked is among the words held
 * ("accounting" ← "accounting and finance"); with none significant ("science"), equal text.
 */
export function fieldMatches(askedText: string, heldText: string | null): boolean {
  const asked = normaliseField(askedText);
  const held = normaliseField(heldText);
  if (held === null || asked === null) return false;
  const want = words(asked);
  if (want.length === 0) return asked === held;
  const have = new Set(words(held));
  return want.every((w) => have.has(w));
}

export function degreeMeets(
  req: EducationRequirement,
  degree: { level: DegreeLevel; field: string | null },
): boolean {
  if (degreeRank(degree.level) < degreeRank(req.level)) return false;
  return req.field === null || req.relatedFields || fieldMatches(req.field, degree.field);
}
