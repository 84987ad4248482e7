import { z } from "@hono/zod-openapi";
import { Explanation, Relation, RequirementOutcome, ResolvedRequirement } from "../../src/domain/match.ts";
import { RolesOptions } from "../../src/engine/roles.ts";
import type { RouteModule } from "../context.ts";
import { failure, json, optionalJsonBody, routesTagged } from "../openapi.ts";
import { audited } from "../security/audit.ts";

const rolesAndGaps = routesTagged("roles and gaps");

const Params = z.object({ id: z.string().min(1).max(200) });

const GapItemBody = ResolvedRequirement.extend({
  outcome: RequirementOutcome.exclude(["met"]),
  estimatedLevel: z.number().nullable(),
  /** the score with this requirement met at its minimum, minus the score now */
  gain: z.number(),
  scoreIfClosed: z.number(),
  nearest: z
    .object({
      conceptId: z.string(),
      label: z.string(),
      level: z.number().nullable(),
      relation: Relation,
      relatedness: z.number(),
    })
    .nullable(),
  note: z.string(),
});

const RolesPageBody = z.object({
  candidateId: z.string(),
  name: z.string().nullable(),
  total: z.number().int(),
  roles: z.array(
    z.object({
      rank: z.number().int(),
      kind: z.enum(["occupation", "position"]),
      id: z.string(),
      label: z.string(),
      source: z.string(),
      score: z.number(),
      qualified: z.boolean(),
      explanation: Explanation,
      gaps: z.array(GapItemBody),
    }),
  ),
});

const rolesRoute = rolesAndGaps.post("/v1/people/{id}/roles", {
  summary:
    "Roles that fit one person: occupations of the loaded taxonomies and saved positions, with the gap to each",
  description:
    "Each role is scored and explained exactly as a match of this person against it would be (docs/scoring.md). " +
    "Its gaps are the requirements not met, largest gain first: `gain` is what the score would rise by with " +
    "the requirement met at its minimum (a verified credential at that level, issued now), computed by the " +
    "model; `nearest` is the person's evidence closest to it through the taxonomy's relations.",
  request: {
    params: Params,
    body: optionalJsonBody(RolesOptions),
  },
  responses: {
    200: json(RolesPageBody, "Roles, best first"),
    400: failure("Invalid options"),
    404: failure("Unknown person"),
  },
});

export const roleRoutes: RouteModule = (app) => {
  app.openapi(rolesRoute, async (c) => {
    const options = (c.req.valid("json") as z.input<typeof RolesOptions> | undefined) ?? {};
    const { id } = c.req.valid("param");
    const page = await c.var.engine.roles(id, options);
    audited(c, "read-profile", [id]);
    return c.json(page, 200);
  });
};
