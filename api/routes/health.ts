import { z } from "@hono/zod-openapi";
import type { RouteModule } from "../context.ts";
import { json, routesTagged } from "../openapi.ts";

const system = routesTagged("system");

const HealthBody = z.object({
  status: z.enum(["ok", "degraded", "unavailable"]),
  backend: z.string(),
  candidates: z.number().optional().describe("the calling key's organisation's people; only with a key"),
  assertions: z.number().optional(),
  outboxPending: z.number().optional(),
  concepts: z.number(),
  detail: z.string().optional(),
});

const route = system.get("/health", {
  summary: "Liveness, the search backend and its state",
  responses: {
    200: json(HealthBody, "The service and its backend"),
    503: json(HealthBody, "The backend is unavailable"),
  },
});

/** What each state says: a fixed sentence, never the backend's own message (it can name cluster nodes). */
const DETAIL: Record<"ok" | "degraded" | "unavailable", string | undefined> = {
  ok: undefined,
  degraded: "the search index answers but is degraded; results may be incomplete",
  unavailable: "the search index is unreachable; ingest still works and is indexed once it is back",
};

/**
 * Without a key, only the state: counts are an organisation's, and belong to its keys. With a key
 * (Authorization header or the sign-in cookie), the counts of the key's organisation.
 */
export const healthRoutes: RouteModule = (app, { engine }) => {
  app.openapi(route, async (c) => {
    const own = c.get("engine");
    const h = await (own ?? engine).health();
    const body = {
      status: h.state,
      backend: h.backend,
      ...(own && { candidates: h.candidates, assertions: h.assertions, outboxPending: h.outboxPending }),
      concepts: engine.taxonomy.size,
      ...(DETAIL[h.state] ? { detail: DETAIL[h.state] } : {}),
    };
    return h.state === "unavailable" ? c.json(body, 503) : c.json(body, 200);
  });
};
