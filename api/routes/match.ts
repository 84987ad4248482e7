import { createRoute, z } from "@hono/zod-openapi";
import { MatchResult } from "../../src/domain/match.ts";
import type { RouteModule } from "../context.ts";
import {
  ErrorBody,
  ExplainRequest,
  JdRequest,
  MatchPageBody,
  MatchRequest,
  SearchRequest,
} from "../schemas.ts";
import { audited } from "../security/audit.ts";

const errors = {
  400: {
    description: "Invalid request (zod issue paths in details)",
    content: { "application/json": { schema: ErrorBody } },
  },
  422: {
    description: "No requirement resolved to a known skill",
    content: { "application/json": { schema: ErrorBody } },
  },
  503: {
    description: "The search index is unavailable, or the job description ran past its time budget (timeout)",
    content: { "application/json": { schema: ErrorBody } },
  },
} as const;

const matchRoute = createRoute({
  method: "post",
  path: "/v1/match",
  tags: ["matching"],
  summary: "Rank candidates against a position: a requirements list or a pasted job description",
  description:
    "Each result's score (0–1) is the expected share of the position's weighted requirements the person " +
    "meets, estimated from all their live evidence (docs/scoring.md): 0.9 reads 'very likely meets nearly " +
    "all of it'. A required requirement not met by direct evidence at its minimum disqualifies, unless " +
    "options.includePartial is set (then the disqualified sort after every qualified one, closest to " +
    "qualifying first). Each result explains itself, piece of evidence by piece.",
  request: { body: { required: true, content: { "application/json": { schema: MatchRequest } } } },
  responses: {
    200: {
      description: "Ranked candidates with explanations",
      content: { "application/json": { schema: MatchPageBody } },
    },
    ...errors,
  },
});

const searchRoute = createRoute({
  method: "post",
  path: "/v1/search",
  tags: ["matching"],
  summary: "Recruiter search: skills at a minimum level; required ones are exact filters",
  request: { body: { required: true, content: { "application/json": { schema: SearchRequest } } } },
  responses: {
    200: {
      description: "Candidates passing every hard filter, ranked",
      content: { "application/json": { schema: MatchPageBody } },
    },
    ...errors,
  },
});

const explainRoute = createRoute({
  method: "post",
  path: "/v1/explain",
  tags: ["matching"],
  summary: "The full breakdown of one candidate against one position",
  request: { body: { required: true, content: { "application/json": { schema: ExplainRequest } } } },
  responses: {
    200: {
      description: "Every factor and contribution, adding up to the score",
      content: { "application/json": { schema: MatchResult } },
    },
    404: { description: "Unknown candidate", content: { "application/json": { schema: ErrorBody } } },
    ...errors,
  },
});

const jdRoute = createRoute({
  method: "post",
  path: "/v1/parse-jd",
  tags: ["matching"],
  summary: "Understand a pasted job description: requirements with offsets, levels, required/preferred",
  request: { body: { required: true, content: { "application/json": { schema: JdRequest } } } },
  responses: {
    200: {
      description: "The requirements understood, to edit and pass to /v1/match",
      content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
    },
    400: errors[400],
    503: {
      description: "Understanding the text ran past its time budget (timeout)",
      content: { "application/json": { schema: ErrorBody } },
    },
  },
});

export const matchRoutes: RouteModule = (app, { engine }) => {
  app.openapi(matchRoute, async (c) => {
    const { title, requirements, jobDescription, options = {} } = c.req.valid("json");
    const page =
      !requirements && jobDescription
        ? await engine.matchJobDescription(jobDescription, options)
        : await engine.match({ ...(title ? { title } : {}), requirements: requirements ?? [] }, options);
    audited(
      c,
      "match",
      page.results.map((r) => r.candidateId),
    );
    return c.json(page, 200);
  });
  app.openapi(searchRoute, async (c) => {
    const body = c.req.valid("json");
    const page = await engine.search({ requirements: body.requirements }, body.options ?? {});
    audited(
      c,
      "search",
      page.results.map((r) => r.candidateId),
    );
    return c.json(page, 200);
  });
  app.openapi(explainRoute, async (c) => {
    const body = c.req.valid("json");
    const result = await engine.explain(body.candidateId, body.position, body.options ?? {});
    audited(c, "explain", [body.candidateId]);
    return c.json(result, 200);
  });
  app.openapi(jdRoute, async (c) =>
    c.json({ ...(await engine.parseJobDescriptionAsync(c.req.valid("json").text)) }, 200),
  );
};
