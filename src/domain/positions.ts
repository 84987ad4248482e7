/**
 * Saved positions: an organisation's own roles, kept so both directions use them — candidates
 * matched to a position, and positions ranked for a person (roles, gaps).
 */
import { z } from "zod";
import { POSITION_LIMITS, RequirementInput } from "./schemas.ts";

/** Characters of a pasted job description a saved position keeps. */
export const MAX_POSITION_JD = 100_000;

export const PositionId = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "position ids are letters, digits, '.', '_' or '-'");

/** A requirement as stored: resolved to a known concept when the position was saved. */
export const SavedRequirement = z.object({
  conceptId: z.string(),
  label: z.string(),
  /** any-of: other concepts that meet it as well (Requirement.alternatives) */
  alternatives: z.array(z.string()).min(1).max(POSITION_LIMITS.alternatives).optional(),
  minLevel: z.number().min(0).max(5).nullable(),
  weight: z.number().positive(),
  required: z.boolean(),
});

export const SavedPosition = z.object({
  id: PositionId,
  name: z.string().min(1).max(300),
  requirements: z.array(SavedRequirement).min(1),
  /** The job description it was understood from, when it came from one. */
  jobDescription: z.string().nullable(),
  /** Requirement texts that did not resolve when it was saved. */
  unresolved: z.array(z.string()),
  /** ISO date-time from the engine's clock. */
  createdAt: z.string(),
});
export type SavedPosition = z.infer<typeof SavedPosition>;

/** What a caller sends to save a position: requirements, or a job description to understand. */
export const NewPosition = z
  .object({
    id: PositionId.optional(),
    name: z.string().min(1).max(300).optional(),
    requirements: z.array(RequirementInput).min(1).max(POSITION_LIMITS.requirements).optional(),
    jobDescription: z.string().min(1).max(MAX_POSITION_JD).optional(),
  })
  .refine((p) => p.requirements || p.jobDescription, {
    message: "give `requirements` or `jobDescription`",
    path: ["requirements"],
  });
export type NewPosition = z.input<typeof NewPosition>;
