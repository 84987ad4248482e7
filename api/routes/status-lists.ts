import { z } from "@hono/zod-openapi";
import type { RouteModule } from "../context.ts";
import { failure, json, jsonBody, routesTagged } from "../openapi.ts";
import { audited } from "../security/audit.ts";

const ingest = routesTagged("ingest");

const Body = z.object({ lists: z.array(z.unknown()).min(1).max(100) });
const Applied = z.object({
  counts: z.object({ unchecked: z.number(), active: z.number(), revoked: z.number(), suspended: z.number() }),
  candidateIds: z.array(z.string()),
});

const route = ingest.post("/v1/status-lists", {
  summary: "Load status lists and re-mark stored credentials as revoked, suspended or active",
  description:
    "Each list is a BitstringStatusListCredential / StatusList2021Credential, or { revoked: [credential ids], " +
    "suspended?: [...] }. Revocation is decided offline from these lists only; a credential no list covers " +
    "stays `unchecked`. Revoked and suspended evidence is excluded from scoring at once.",
  request: { body: jsonBody(Body) },
  responses: {
    200: json(Applied, "How many stored credentials each state now holds"),
    400: failure("A list could not be read"),
    413: failure("The lists expand past the request's decompressed budget (gzip bombs)"),
  },
});

export const statusListRoutes: RouteModule = (app) => {
  app.openapi(route, async (c) => {
    const applied = await c.var.engine.applyStatusLists(c.req.valid("json").lists);
    audited(c, "attest", applied.candidateIds);
    return c.json(applied, 200);
  });
};
