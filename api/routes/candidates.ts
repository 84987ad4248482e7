import { createRoute, z } from "@hono/zod-openapi";
import type { RouteModule } from "../context.ts";
import { ErrorBody } from "../schemas.ts";

const Params = z.object({ id: z.string().min(1).max(200) });
const ProfileBody = z.object({
  candidate: z.record(z.string(), z.unknown()),
  documents: z.array(z.record(z.string(), z.unknown())),
  skills: z.array(z.record(z.string(), z.unknown())),
  unresolved: z.array(z.object({ skillText: z.string(), documentId: z.string() })),
});

const getRoute = createRoute({
  method: "get",
  path: "/v1/candidates/{id}",
  tags: ["candidates"],
  summary:
    "A candidate's normalised profile: skills, canonical levels, the evidence and documents behind them",
  request: { params: Params },
  responses: {
    200: { description: "The profile", content: { "application/json": { schema: ProfileBody } } },
    404: { description: "Unknown candidate", content: { "application/json": { schema: ErrorBody } } },
  },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/v1/candidates/{id}",
  tags: ["candidates"],
  summary: "Delete a candidate and every row about them, from the store and the index",
  request: { params: Params },
  responses: {
    204: { description: "Deleted" },
    404: { description: "Unknown candidate", content: { "application/json": { schema: ErrorBody } } },
  },
});

export const candidateRoutes: RouteModule = (app, { engine }) => {
  app.openapi(getRoute, async (c) => c.json(await engine.profile(c.req.valid("param").id), 200));
  app.openapi(deleteRoute, async (c) => {
    await engine.deleteCandidate(c.req.valid("param").id);
    return c.body(null, 204);
  });
};
