/**
 * The shapes every route declares: a JSON request body, a JSON response, and an error response
 * (the ErrorBody every failure answers with, its status named by the route).
 */
import { createRoute, type RouteConfig, type z } from "@hono/zod-openapi";
import { ErrorBody } from "./schemas.ts";

const jsonContent = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

/** A required JSON request body of this schema. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true as const,
  content: jsonContent(schema),
});

/** A JSON request body a caller may leave out. */
export const optionalJsonBody = <T extends z.ZodType>(schema: T) => ({
  required: false as const,
  content: jsonContent(schema),
});

/** A response that answers JSON of this schema. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: jsonContent(schema),
});

/** An error response: `{ error: { code, message, details? } }`. */
export const failure = (description: string) => json(ErrorBody, description);

/** The failures several routes answer with, described once. */
export const failures = {
  invalid: failure("Invalid request (zod issue paths in details)"),
  unresolved: failure("No requirement resolved to a known skill"),
  unknownCandidate: failure("Unknown candidate"),
};

type Declaration = Omit<RouteConfig, "method" | "path" | "tags">;

/**
 * The routes of one OpenAPI tag, each named by its method and path:
 * `routesTagged("positions").get("/v1/positions/{id}", { summary, request, responses })`. The
 * declaration keeps its own type, so a handler's `c.req.valid(...)` and `c.json(body, status)` stay typed.
 */
export const routesTagged = (tag: string) => {
  const by =
    <M extends RouteConfig["method"]>(method: M) =>
    <P extends string, R extends Declaration>(path: P, declaration: R) =>
      createRoute({ method, path, tags: [tag], ...declaration });
  return { get: by("get"), post: by("post"), delete: by("delete") };
};
