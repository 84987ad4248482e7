/** Request and response bodies of the HTTP API, built from the domain schemas. */
import { z } from "zod";
import {
  ExplainLevel,
  MatchResult,
  MatchResultSummary,
  RankedCandidate,
  ResolvedRequirement,
} from "../src/domain/match.ts";
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

/**
 * Request bodies are strict: a key the API does not know ("limit" at the top level instead of in
 * `options`) is a 400 naming it, not a silently ignored wish.
 */
const Options = MatchOptions.partial().strict();

/** The options of a request that answers with a page of results. */
export const PageOptions = Options.extend({
  explain: ExplainLevel.optional().describe(
    'How much of each result\'s explanation the page carries. "full" (the default): every piece of ' +
      'evidence with its factors, as POST /v1/explain gives it. "summary": each requirement\'s verdict, ' +
      "estimate and contribution, how many pieces counted, and the best one's headline (no factors). " +
      '"none": the ranking alone (score, qualified, unmetRequired, levelSurplus). Scores and order ' +
      "are the same at every level.",
  ),
});

export type PageOptions = z.infer<typeof PageOptions>;

/** Characters of a pasted job description, on the API and the match page alike. */
export const MAX_JOB_DESCRIPTION = 100_000;

export const MatchRequest = z
  .object({
    title: z.string().max(300).optional(),
    requirements: z.array(RequirementInput).min(1).max(POSITION_LIMITS.requirements).optional(),
    /** A pasted job description; understood into requirements when `requirements` is absent. */
    jobDescription: z.string().min(1).max(MAX_JOB_DESCRIPTION).optional(),
    options: PageOptions.optional(),
  })
  .strict()
  .refine((b) => b.requirements || b.jobDescription, {
    message: "give `requirements` or `jobDescription`",
    path: ["requirements"],
  });

export const SearchRequest = z
  .object({
    requirements: z.array(RequirementInput).min(1).max(POSITION_LIMITS.requirements),
    options: PageOptions.optional(),
  })
  .strict();

export const ExplainRequest = z
  .object({
    candidateId: z.string().min(1),
    position: PositionInput,
    options: Options.optional(),
  })
  .strict();

const pageAt = <L extends ExplainLevel, R extends z.ZodType>(level: L, result: R) =>
  z.object({
    requirements: z.array(ResolvedRequirement),
    unresolved: z.array(z.string()),
    total: z
      .number()
      .int()
      .describe(
        "Candidates with evidence for the position that were ranked, qualified or not, before paging, " +
          "counted up to the candidate pool (200, or offset + limit when larger): see totalExact. " +
          "`results` holds only qualified candidates unless options.includePartial is set: an empty " +
          "page with a non-zero total means people have evidence but none meets every required " +
          "requirement.",
      ),
    totalExact: z
      .boolean()
      .describe(
        "true: total counts everyone with evidence for the position; false: the count stopped at the " +
          "candidate pool and more people may have evidence (read total as 'at least').",
      ),
    /** the explanation level of every result (options.explain) */
    explain: z.literal(level),
    results: z.array(result),
    jobDescription: z.unknown().optional(),
  });

/** A page of results, its shape told by `explain`: the level the request asked for. */
export const MatchPageBody = z.discriminatedUnion("explain", [
  pageAt("full", MatchResult),
  pageAt("summary", MatchResultSummary),
  pageAt("none", RankedCandidate),
]);

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
