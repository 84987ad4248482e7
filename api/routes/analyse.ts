import { createRoute, z } from "@hono/zod-openapi";
import type { PositionInput } from "../../src/domain/schemas.ts";
import { positionFromJd } from "../../src/engine/requirements.ts";
import type { RouteModule } from "../context.ts";
import { ErrorBody, MatchRequest, ResolvedRequirement } from "../schemas.ts";

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
});

const analyseRoute = createRoute({
  method: "post",
  path: "/v1/positions/analyse",
  tags: ["matching"],
  summary: "What each required requirement costs in qualified people, over the whole population",
  description:
    "Counts, over everyone in the index, who qualifies (every required requirement met, as /v1/match " +
    "decides it) and, per required requirement, how many would qualify were it dropped, made preferred, " +
    "or its minimum lowered by one level. The requirement that shuts out most people comes first.",
  request: { body: { required: true, content: { "application/json": { schema: MatchRequest } } } },
  responses: {
    200: { description: "The analysis", content: { "application/json": { schema: PositionAnalysisBody } } },
    400: { description: "Invalid request", content: { "application/json": { schema: ErrorBody } } },
    422: {
      description: "No requirement resolved to a known skill",
      content: { "application/json": { schema: ErrorBody } },
    },
    503: {
      description: "Timeout understanding the job description",
      content: { "application/json": { schema: ErrorBody } },
    },
  },
});

export const analyseRoutes: RouteModule = (app, { engine }) => {
  app.openapi(analyseRoute, async (c) => {
    const body = c.req.valid("json");
    const position: PositionInput =
      !body.requirements && body.jobDescription
        ? positionFromJd(await engine.parseJobDescriptionAsync(body.jobDescription))
        : { ...(body.title ? { title: body.title } : {}), requirements: body.requirements ?? [] };
    return c.json(await engine.analyse(position, body.options ?? {}), 200);
  });
};
