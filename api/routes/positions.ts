import { z } from "@hono/zod-openapi";
import { NewPosition, SavedPosition } from "../../src/domain/positions.ts";
import type { RouteModule } from "../context.ts";
import { failure, failures, json, jsonBody, routesTagged } from "../openapi.ts";

const Params = z.object({ id: z.string().min(1).max(120) });
const positions = routesTagged("positions");
const unknown = failure("Unknown position");

const createPositionRoute = positions.post("/v1/positions", {
  summary: "Save a position, from requirements or a pasted job description",
  description:
    "The requirements are resolved to known skills once, when saved (a job description is understood " +
    "the way /v1/match understands it). A saved position is a target for /v1/people/{id}/roles and /v1/gaps.",
  request: { body: jsonBody(NewPosition) },
  responses: {
    201: json(SavedPosition, "The saved position"),
    400: failures.invalid,
    409: failure("A position with this id is already saved"),
    422: failures.unresolved,
  },
});

const listRoute = positions.get("/v1/positions", {
  summary: "Every saved position, oldest first",
  responses: { 200: json(z.object({ positions: z.array(SavedPosition) }), "The saved positions") },
});

const getRoute = positions.get("/v1/positions/{id}", {
  summary: "One saved position with its resolved requirements",
  request: { params: Params },
  responses: { 200: json(SavedPosition, "The position"), 404: unknown },
});

const deleteRoute = positions.delete("/v1/positions/{id}", {
  summary: "Delete a saved position",
  request: { params: Params },
  responses: { 204: { description: "Deleted" }, 404: unknown },
});

export const positionRoutes: RouteModule = (app) => {
  app.openapi(createPositionRoute, async (c) =>
    c.json(await c.var.engine.createPosition(c.req.valid("json")), 201),
  );
  app.openapi(listRoute, async (c) => c.json({ positions: await c.var.engine.listPositions() }, 200));
  app.openapi(getRoute, async (c) => c.json(await c.var.engine.getPosition(c.req.valid("param").id), 200));
  app.openapi(deleteRoute, async (c) => {
    await c.var.engine.deletePosition(c.req.valid("param").id);
    return c.body(null, 204);
  });
};
