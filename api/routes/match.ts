import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { MatchResult } from "../../src/domain/match.ts";
import type { PositionInput } from "../../src/domain/schemas.ts";
import { pageAt } from "../../src/match/explain-level.ts";
import type { RouteModule } from "../context.ts";
import { failure, failures, json, jsonBody, routesTagged } from "../openapi.ts";
import {
  ExplainRequest,
  JdRequest,
  MatchPageBody,
  MatchRequest,
  type PageOptions,
  SearchRequest,
} from "../schemas.ts";
import { audited, auditedPage } from "../security/audit.ts";

const matching = routesTagged("matching");

const errors = {
  400: failures.invalid,
  422: failures.unresolved,
  503: failure("The search index is unavailable, or the job description ran past its time budget (timeout)"),
} as const;

const matchRoute = matching.post("/v1/match", {
  summary: "Rank candidates against a position: a requirements list or a pasted job description",
  description:
    "Each result's score (0–1) is the expected share of the position's weighted requirements the person " +
    "meets, estimated from all their live evidence (docs/scoring.md): 0.9 reads 'very likely meets nearly " +
    "all of it'. A required requirement not met by direct evidence at its minimum disqualifies, unless " +
    "options.includePartial is set (then the disqualified sort after every qualified one, closest to " +
    "qualifying first). Each result explains itself, piece of evidence by piece; options.explain " +
    '"summary" or "none" answers with each requirement\'s verdict only, or the ranking alone, for a ' +
    "fraction of the bytes and time.",
  request: { body: jsonBody(MatchRequest) },
  responses: { 200: json(MatchPageBody, "Ranked candidates with explanations"), ...errors },
});

const searchRoute = matching.post("/v1/search", {
  summary: "Recruiter search: skills at a minimum level; required ones are exact filters",
  request: { body: jsonBody(SearchRequest) },
  responses: { 200: json(MatchPageBody, "Candidates passing every hard filter, ranked"), ...errors },
});

const explainRoute = matching.post("/v1/explain", {
  summary: "The full breakdown of one candidate against one position",
  request: { body: jsonBody(ExplainRequest) },
  responses: {
    200: json(MatchResult, "Every factor and contribution, adding up to the score"),
    404: failures.unknownCandidate,
    ...errors,
  },
});

const jdRoute = matching.post("/v1/parse-jd", {
  summary: "Understand a pasted job description: requirements with offsets, levels, required/preferred",
  request: { body: jsonBody(JdRequest) },
  responses: {
    200: json(
      z.record(z.string(), z.unknown()),
      "The requirements understood, to edit and pass to /v1/match",
    ),
    400: errors[400],
    503: failure("Understanding the text ran past its time budget (timeout)"),
  },
});

/**
 * A page of match or search at the explanation level asked: the ranking alone comes straight from
 * the engine (no evidence read when the backend scores exactly); any other level is a view of the
 * explained page.
 */
async function answer(
  c: Context,
  mode: "match" | "search",
  position: PositionInput,
  { explain = "full", ...options }: PageOptions,
) {
  const { engine } = c.var;
  if (explain === "none") {
    const ranked = await engine.ranking(mode, position, options);
    auditedPage(c, mode, ranked);
    return c.json({ ...ranked, explain }, 200);
  }
  const page = await engine[mode](position, options);
  auditedPage(c, mode, page);
  return c.json(pageAt(page, explain), 200);
}

export const matchRoutes: RouteModule = (app) => {
  app.openapi(matchRoute, async (c) => {
    const { title, requirements, jobDescription, options = {} } = c.req.valid("json");
    if (requirements || !jobDescription)
      return answer(c, "match", { ...(title ? { title } : {}), requirements: requirements ?? [] }, options);
    const { explain = "full", ...engineOptions } = options;
    const page = await c.var.engine.matchJobDescription(jobDescription, engineOptions);
    auditedPage(c, "match", page);
    return c.json(pageAt(page, explain), 200);
  });
  app.openapi(searchRoute, async (c) => {
    const { requirements, options = {} } = c.req.valid("json");
    return answer(c, "search", { requirements }, options);
  });
  app.openapi(explainRoute, async (c) => {
    const body = c.req.valid("json");
    const result = await c.var.engine.explain(body.candidateId, body.position, body.options ?? {});
    audited(c, "explain", [body.candidateId]);
    return c.json(result, 200);
  });
  app.openapi(jdRoute, async (c) =>
    c.json({ ...(await c.var.engine.parseJobDescriptionAsync(c.req.valid("json").text)) }, 200),
  );
};
