import { createRoute, z } from "@hono/zod-openapi";
import { NewPosition, SavedPosition } from "../../src/domain/positions.ts";
import type { RouteModule } from "../context.ts";
import { failure, json, jsonBody } from "../openapi.ts";

const Params = z.object({ id: z.string().min(1).max(120) });
const createPositionRoute = createRoute({
  method: "post",
  path: "/v1/positions",
  tags: ["positions"],
  summary: "Save a position, from requirements or a pasted job description",
  description:
    "The requirements are resolved to known skills once, when saved (a job description is understood " +
    "the way /v1/match understands it). A saved position is a target for /v1/people/{id}/roles and /v1/gaps.",
  request: { body: jsonBody(NewPosition) },
  responses: {
    201: json(SavedPosition, "The saved position"),
    400: failure("Invalid request (zod issue paths in details)"),
    409: failure("A position with this id is already saved"),
    422: failure("No requirement resolved to a known skill"),
  },
});

const listRoute = createRoute({
  method: "get",
  path: "/v1/positions",
  tags: ["positions"],
  summary: "Every saved position, oldest first",
  responses: {
    200: json(z.object({ positions: z.array(SavedPosition) }), "The saved positions"),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/v1/positions/{id}",
  tags: ["positions"],
  summary: "One saved position with its resolved requirements",
  request: { params: Params },
  responses: {
    200: json(SavedPosition, "The position"),
    404: failure("Unknown position"),
  },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/v1/positions/{id}",
  tags: ["positions"],
  summary: "Delete a saved position",
  request: { params: Params },
  responses: { 204: { description: "Deleted" }, 404: failure("Unknown position") },
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
