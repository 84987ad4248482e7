import { z } from "@hono/zod-openapi";
import { AlertsReport } from "../../src/domain/alerts.ts";
import { AlertsQuery } from "../../src/engine/alerts.ts";
import type { RouteModule } from "../context.ts";
import { failure, json, jsonBody, routesTagged } from "../openapi.ts";

const watch = routesTagged("watch");

const responses = {
  200: json(AlertsReport, "Alerts, revoked first, then expired, then soonest to expire"),
  400: failure("Invalid request"),
} as const;

const getRoute = watch.get("/v1/alerts", {
  summary: "Required licences and certifications that expire within N days, have expired, or were revoked",
  description:
    "Watches the saved positions, or one position given as repeated `concept` parameters (each a required " +
    "licence or certification, by concept id or name). Dates are judged against the engine's clock; revocation " +
    "comes from status lists loaded with POST /v1/status-lists.",
  request: {
    query: z.object({
      withinDays: z.coerce.number().int().min(0).max(3650).optional(),
      concept: z
        .union([z.string().min(1), z.array(z.string().min(1)).max(100)])
        .optional()
        .describe("repeatable: a required credential of the position to watch"),
    }),
  },
  responses,
});

const postRoute = watch.post("/v1/alerts", {
  summary:
    "The same alerts for positions given in the body: { withinDays, positions: [{ id?, title?, requirements }] }",
  request: { body: jsonBody(AlertsQuery) },
  responses,
});

export const alertRoutes: RouteModule = (app) => {
  app.openapi(getRoute, async (c) => {
    const { withinDays, concept } = c.req.valid("query");
    const concepts = concept === undefined ? [] : [concept].flat();
    const positions = concepts.length
      ? [{ id: "query", requirements: concepts.map((concept) => ({ concept, required: true })) }]
      : undefined;
    return c.json(
      await c.var.engine.alerts({ ...(withinDays !== undefined ? { withinDays } : {}), positions }),
      200,
    );
  });
  app.openapi(postRoute, async (c) => c.json(await c.var.engine.alerts(c.req.valid("json")), 200));
};
