import { z } from "@hono/zod-openapi";
import { ResolvedRequirement } from "../../src/domain/match.ts";
import { MatchOptions, POSITION_LIMITS, RequirementInput } from "../../src/domain/schemas.ts";
import { EducationList } from "../../src/engine/analyse.ts";
import type { RouteModule } from "../context.ts";
import { failure, failures, json, jsonBody, routesTagged } from "../openapi.ts";
import { MAX_JOB_DESCRIPTION } from "../schemas.ts";

const matching = routesTagged("matching");

const AnalyseRequest = z
  .object({
    title: z.string().max(300).optional(),
    requirements: z.array(RequirementInput).min(1).max(POSITION_LIMITS.requirements).optional(),
    /** degrees asked for, apart from the skills: { level, field?, orEquivalent?, relatedFields? } */
    education: EducationList.optional(),
    jobDescription: z.string().min(1).max(MAX_JOB_DESCRIPTION).optional(),
    options: MatchOptions.partial().optional(),
  })
  .refine((b) => b.requirements || b.jobDescription, {
    message: "give `requirements` or `jobDescription`",
    path: ["requirements"],
  });

const EducationCostBody = z.object({
  level: z.string(),
  field: z.string().nullable(),
  orEquivalent: z.boolean(),
  relatedFields: z.boolean(),
  holders: z.number().int().describe("people with a matching degree on record"),
  skillsQualified: z.number().int().describe("people who meet every required skill requirement"),
  withDegree: z.number().int(),
  skillsFirst: z.number().int().describe("people who meet every skill requirement but hold no such degree"),
  sentence: z.string(),
});

const RequirementCostBody = z.object({
  conceptId: z.string(),
  label: z.string(),
  minLevel: z.number().nullable(),
  meets: z.number().int().describe("people who meet this requirement"),
  otherwiseQualified: z.number().int().describe("people who meet every other required requirement"),
  removes: z.number().int().describe("of those, the people this requirement shuts out"),
  ifDropped: z.number().int(),
  ifPreferred: z.number().int(),
  ifLowered: z.object({ minLevel: z.number(), qualified: z.number().int() }).nullable(),
  sentence: z.string(),
});

export const PositionAnalysisBody = z.object({
  requirements: z.array(ResolvedRequirement),
  unresolved: z.array(z.string()),
  preferred: z.array(z.string()),
  population: z.number().int(),
  qualified: z.number().int(),
  costs: z.array(RequirementCostBody),
  bottleneck: z.string().nullable(),
  education: z.array(EducationCostBody),
});

const analyseRoute = matching.post("/v1/positions/analyse", {
  summary: "What each required requirement costs in qualified people, over the whole population",
  description:
    "Counts, over everyone in the index, who qualifies (every required requirement met, as /v1/match " +
    "decides it) and, per required requirement, how many would qualify were it dropped, made preferred, " +
    "or its minimum lowered by one level. The requirement that shuts out most people comes first.",
  request: { body: jsonBody(AnalyseRequest) },
  responses: {
    200: json(PositionAnalysisBody, "The analysis"),
    400: failure("Invalid request"),
    422: failures.unresolved,
    503: failure("Timeout understanding the job description"),
  },
});

export const analyseRoutes: RouteModule = (app) => {
  app.openapi(analyseRoute, async (c) => {
    const { title, requirements, education, jobDescription, options = {} } = c.req.valid("json");
    const analysis =
      !requirements && jobDescription
        ? await c.var.engine.analyseJobDescription(jobDescription, options)
        : await c.var.engine.analyse(
            {
              ...(title ? { title } : {}),
              requirements: requirements ?? [],
              ...(education ? { education } : {}),
            },
            options,
          );
    return c.json(analysis, 200);
  });
};
