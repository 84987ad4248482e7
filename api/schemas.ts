/** Request and response bodies of the HTTP API, built from the domain schemas. */
import { z } from "zod";
import { MatchResult, ResolvedRequirement } from "../src/domain/match.ts";
import {
  Candidate,
  LerFormat,
  MatchOptions,
  POSITION_LIMITS,
  PositionInput,
  RequirementInput,
} from "../src/domain/schemas.ts";

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

const Options = MatchOptions.partial();

/** Characters of a pasted job description, on the API and the match page alike. */
export const MAX_JOB_DESCRIPTION = 100_000;

export const MatchRequest = z
  .object({
    title: z.string().max(300).optional(),
    requirements: z.array(RequirementInput).min(1).max(POSITION_LIMITS.requirements).optional(),
    /** A pasted job description; understood into requirements when `requirements` is absent. */
    jobDescription: z.string().min(1).max(MAX_JOB_DESCRIPTION).optional(),
    options: Options.optional(),
  })
  .refine((b) => b.requirements || b.jobDescription, {
    message: "give `requirements` or `jobDescription`",
    path: ["requirements"],
  });

export const SearchRequest = z.object({
  requirements: z.array(RequirementInput).min(1).max(POSITION_LIMITS.requirements),
  options: Options.optional(),
});

export const ExplainRequest = z.object({
  candidateId: z.string().min(1),
  position: PositionInput,
  options: Options.optional(),
});

export const MatchPageBody = z.object({
  requirements: z.array(ResolvedRequirement),
  unresolved: z.array(z.string()),
  total: z.number().int(),
  results: z.array(MatchResult),
  jobDescription: z.unknown().optional(),
});

export const IngestJson = z.union([
  z.object({ documents: z.array(z.unknown()).min(1), format: LerFormat.optional() }),
  z.array(z.unknown()).min(1),
  z.record(z.string(), z.unknown()),
]);

export const ConceptBody = z.object({
  id: z.string(),
  label: z.string(),
  type: z.string(),
  aliases: z.array(z.string()),
  broader: z.array(z.string()),
  related: z.array(z.string()),
  escoUri: z.string().optional(),
  onetCode: z.string().optional(),
});

export const JdRequest = z.object({ text: z.string().min(1).max(MAX_JOB_DESCRIPTION) });

export const CandidateBody = Candidate;
