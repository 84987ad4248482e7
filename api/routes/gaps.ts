import { z } from "@hono/zod-openapi";
import { RequirementOutcome, ResolvedRequirement } from "../../src/domain/match.ts";
import { type TeamGapPage, TeamGapRequest } from "../../src/engine/gaps.ts";
import { LEVEL_BANDS } from "../../src/match/team-gap.ts";
import type { RouteModule } from "../context.ts";
import { failure, failures, json, jsonBody, routesTagged } from "../openapi.ts";
import { audited } from "../security/audit.ts";

const rolesAndGaps = routesTagged("roles and gaps");

const Person = z.object({ candidateId: z.string(), name: z.string().nullable() });

const TeamGapBody = z.object({
  target: z.object({
    kind: z.enum(["position", "occupation", "requirements"]),
    id: z.string().nullable(),
    label: z.string(),
  }),
  unresolved: z.array(z.string()),
  people: z.number().int(),
  requirements: z.array(
    ResolvedRequirement.extend({
      meet: z.number().int(),
      partial: z.number().int(),
      lack: z.number().int(),
      bands: z.record(z.enum(LEVEL_BANDS), z.number().int()),
      closest: z.array(
        Person.extend({
          outcome: RequirementOutcome,
          estimate: z.number(),
          estimatedLevel: z.number().nullable(),
          band: z.enum(LEVEL_BANDS),
        }),
      ),
    }),
  ),
  closest: z.array(
    Person.extend({
      score: z.number(),
      qualified: z.boolean(),
      met: z.number().int(),
      lacking: z.array(z.string()),
    }),
  ),
});

const gapsRoute = rolesAndGaps.post("/v1/gaps", {
  summary: "A team's skills gap against a saved position, an occupation or requirements",
  description:
    "people: { ids } | { all: true } | { search: { requirements, options } } (everyone a recruiter search finds). " +
    "target: { positionId } | { occupationId } | { requirements }. Per requirement: how many meet it, partly " +
    "meet it (some evidence, below the minimum or only related skills) or lack it, the people per level band " +
    "of their direct evidence, and those closest to meeting it.",
  request: { body: jsonBody(TeamGapRequest) },
  responses: {
    200: json(TeamGapBody, "The team's gap"),
    400: failures.invalid,
    404: failure("Unknown person, saved position or occupation"),
    422: failures.unresolved,
  },
});

export const gapRoutes: RouteModule = (app) => {
  app.openapi(gapsRoute, async (c) => {
    const gap = await c.var.engine.teamGap(c.req.valid("json"));
    audited(c, "match", namedPeople(gap));
    return c.json(gap, 200);
  });
};

/** Who the answer names: the people listed as closest, overall and per requirement. */
const namedPeople = (gap: TeamGapPage): string[] => [
  ...new Set([...gap.closest, ...gap.requirements.flatMap((r) => r.closest)].map((p) => p.candidateId)),
];
