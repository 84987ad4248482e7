/**
 * Degrees as their own kind of evidence, beside skill assertions: a degree says someone completed
 * a programme at a level in a field, not that they hold a skill at a proficiency.
 */
import { z } from "zod";

/** Lowest first: a higher degree satisfies a requirement for a lower one. */
export const DEGREE_LEVELS = ["secondary", "associate", "bachelor", "master", "doctorate"] as const;
export const DegreeLevel = z.enum(DEGREE_LEVELS);
export type DegreeLevel = z.infer<typeof DegreeLevel>;

export const degreeRank = (level: DegreeLevel): number => DEGREE_LEVELS.indexOf(level);

export const EducationRequirement = z.object({
  level: DegreeLevel,
  /** the field as written, lower-cased ("accounting"); null: any field */
  field: z.string().min(1).max(200).nullable().default(null),
  /** "or equivalent experience": the degree is one way in, not the only one */
  orEquivalent: z.boolean().default(false),
  /** "or a related field": any field at the level will do */
  relatedFields: z.boolean().default(false),
});
export type EducationRequirement = z.infer<typeof EducationRequirement>;
export type EducationRequirementInput = z.input<typeof EducationRequirement>;

/** A degree as a document states it, before it is stored. */
export interface DegreeRecord {
  title: string;
  level: DegreeLevel;
  field: string | null;
  issuer: string | null;
  awardedAt: string | null;
  sourcePath: string;
}

/** One degree a document records for its holder, as stored. */
export interface DegreeEvidence extends DegreeRecord {
  id: string;
  candidateId: string;
  documentId: string;
}
