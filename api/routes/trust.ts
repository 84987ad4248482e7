/**
 * The issuer trust list, issuer keys and tampered documents: administration over engine.trust
 * (docs/verification.md). Keys are only ever supplied here or on the command line, never fetched.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { RouteModule } from "../context.ts";
import { failure, json, jsonBody } from "../openapi.ts";

const Issuer = z.object({ id: z.string(), name: z.string(), addedAt: z.string() });
const Key = z.record(z.string(), z.unknown());
const IdQuery = z.object({ id: z.string().min(1).max(2000).describe("the issuer or key id (a DID or URL)") });
const errors = {
  400: failure("Invalid input"),
  404: failure("Not on the list"),
};

const list = createRoute({
  method: "get",
  path: "/v1/trust",
  tags: ["trust"],
  summary: "The trusted issuers and the issuer keys the operator supplied",
  responses: { 200: json(z.object({ issuers: z.array(Issuer), keys: z.array(Key) }), "The trust list") },
});

const addIssuer = createRoute({
  method: "post",
  path: "/v1/trust/issuers",
  tags: ["trust"],
  summary: "Trust an issuer: its valid signatures make credentials `verified`",
  description: "Applies to documents ingested afterwards; re-ingest a document to re-verify it.",
  request: {
    body: jsonBody(z.object({ id: z.string(), name: z.string() })),
  },
  responses: {
    200: json(z.object({ issuer: Issuer, created: z.boolean() }), "Renamed"),
    201: json(z.object({ issuer: Issuer, created: z.boolean() }), "Added"),
    400: errors[400],
  },
});

const removeIssuer = createRoute({
  method: "delete",
  path: "/v1/trust/issuers",
  tags: ["trust"],
  summary: "Stop trusting an issuer",
  request: { query: IdQuery },
  responses: { 200: json(z.object({ removed: z.string() }), "Removed"), ...errors },
});

const addKeys = createRoute({
  method: "post",
  path: "/v1/trust/keys",
  tags: ["trust"],
  summary:
    "Add issuer public keys (did:web, https issuers): a verification method, an array, or a DID document",
  request: { body: jsonBody(z.unknown()) },
  responses: {
    200: json(z.object({ keys: z.array(Key), created: z.number() }), "The keys as stored"),
    400: errors[400],
  },
});

const removeKey = createRoute({
  method: "delete",
  path: "/v1/trust/keys",
  tags: ["trust"],
  summary: "Forget an issuer key",
  request: { query: IdQuery },
  responses: { 200: json(z.object({ removed: z.string() }), "Removed"), ...errors },
});

const tampered = createRoute({
  method: "get",
  path: "/v1/trust/tampered",
  tags: ["trust"],
  summary: "Documents whose signature did not hold: stored, flagged, never scored as attested",
  responses: {
    200: json(
      z.object({
        documents: z.array(
          z.object({
            id: z.string(),
            candidateId: z.string(),
            title: z.string().nullable(),
            fileName: z.string().nullable(),
            reason: z.string(),
          }),
        ),
      }),
      "Tampered documents",
    ),
  },
});

export const trustRoutes: RouteModule = (app, { engine }) => {
  const { trust } = engine;
  app.openapi(list, (c) => c.json({ issuers: trust.issuers(), keys: trust.keys() }, 200));
  app.openapi(addIssuer, (c) => {
    const result = trust.addIssuer(c.req.valid("json"));
    return result.created ? c.json(result, 201) : c.json(result, 200);
  });
  app.openapi(removeIssuer, (c) => {
    const { id } = c.req.valid("query");
    trust.removeIssuer(id);
    return c.json({ removed: id }, 200);
  });
  app.openapi(addKeys, (c) => c.json(trust.addKeys(c.req.valid("json")), 200));
  app.openapi(removeKey, (c) => {
    const { id } = c.req.valid("query");
    trust.removeKey(id);
    return c.json({ removed: id }, 200);
  });
  app.openapi(tampered, (c) => c.json({ documents: trust.tampered() }, 200));
};
