import { z } from "@hono/zod-openapi";
import { NewKey, Scope } from "../../src/domain/access.ts";
import type { RouteModule } from "../context.ts";
import { fail } from "../errors.ts";
import { failure, json, jsonBody, routesTagged } from "../openapi.ts";

const keys = routesTagged("keys");

const KeyInfo = z.object({
  id: z.string(),
  name: z.string(),
  org: z.string().nullable(),
  scopes: z.array(Scope),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
const errors = { 400: failure("Invalid key settings") };

const createKeyRoute = keys.post("/v1/keys", {
  summary: "Create an API key (admin); the token is in this answer and nowhere else, ever",
  request: { body: jsonBody(NewKey) },
  responses: {
    201: json(z.object({ token: z.string(), key: KeyInfo }), "The key and its token"),
    ...errors,
  },
});

const listKeysRoute = keys.get("/v1/keys", {
  summary: "Every key, without its token (admin)",
  responses: { 200: json(z.object({ keys: z.array(KeyInfo) }), "The keys") },
});

const revokeKeyRoute = keys.delete("/v1/keys/{id}", {
  summary: "Revoke a key at once (admin)",
  request: { params: z.object({ id: z.string().min(1).max(200) }) },
  responses: {
    200: json(z.object({ revoked: z.array(KeyInfo) }), "The key, revoked"),
    404: failure("No live key with this id"),
  },
});

export const keyRoutes: RouteModule = (app) => {
  app.openapi(createKeyRoute, (c) => c.json(c.var.engine.access.createKey(c.req.valid("json")), 201));
  app.openapi(listKeysRoute, (c) => c.json({ keys: c.var.engine.access.listKeys() }, 200));
  app.openapi(revokeKeyRoute, (c) => {
    const id = c.req.valid("param").id;
    // by id only: the command line may revoke every key of a name, the API names one key
    if (!c.var.engine.access.listKeys().some((k) => k.id === id)) fail("not_found", `no key with id "${id}"`);
    return c.json({ revoked: c.var.engine.access.revokeKey(id) }, 200);
  });
};
