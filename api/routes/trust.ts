/**
 * The issuer trust list, issuer keys, JSON-LD contexts and tampered documents: administration over
 * engine.trust (docs/verification.md). Keys and contexts are only ever supplied here or on the
 * command line, never fetched.
 */

import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { VerificationStatus } from "../../src/domain/verification.ts";
import type { RouteModule } from "../context.ts";
import { failure, json, jsonBody, routesTagged } from "../openapi.ts";

const trust = routesTagged("trust");
const Issuer = z.object({ id: z.string(), name: z.string(), addedAt: z.string() });
const Key = z.record(z.string(), z.unknown());
const IdQuery = z.object({ id: z.string().min(1).max(2000).describe("the issuer or key id (a DID or URL)") });
const errors = {
  400: failure("Invalid input"),
  404: failure("Not on the list"),
};

/** Taking one entry off a list, named by the query. */
const removal = <Q extends z.ZodObject>(path: string, summary: string, query: Q) =>
  trust.delete(path, {
    summary,
    request: { query },
    responses: { 200: json(z.object({ removed: z.string() }), "Removed"), ...errors },
  });

/** Adding to a list: 201 when the entry is new, 200 when it was already there. */
const added = <T extends { created: boolean }>(c: Context, result: T) =>
  result.created ? c.json(result, 201) : c.json(result, 200);

/** Taking `key` off a list, answering with it. */
const removed = (c: Context, key: string, remove: (key: string) => void) => {
  remove(key);
  return c.json({ removed: key }, 200);
};

const list = trust.get("/v1/trust", {
  summary: "The trusted issuers and the issuer keys the operator supplied",
  responses: { 200: json(z.object({ issuers: z.array(Issuer), keys: z.array(Key) }), "The trust list") },
});

const addIssuer = trust.post("/v1/trust/issuers", {
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

const removeIssuer = removal("/v1/trust/issuers", "Stop trusting an issuer", IdQuery);

const addKeys = trust.post("/v1/trust/keys", {
  summary:
    "Add issuer public keys (did:web, https issuers): a verification method, an array, or a DID document",
  request: { body: jsonBody(z.unknown()) },
  responses: {
    200: json(z.object({ keys: z.array(Key), created: z.number() }), "The keys as stored"),
    400: errors[400],
  },
});

const removeKey = removal("/v1/trust/keys", "Forget an issuer key", IdQuery);

const PinnedContextBody = z.object({
  url: z.string(),
  sha256: z.string().describe("hex SHA-256 of the context's bytes, pinned when it was added"),
  bytes: z.number(),
  addedAt: z.string(),
  intact: z
    .boolean()
    .describe("false when the stored bytes no longer hash to the pin: the context is refused"),
});
const UrlQuery = z.object({ url: z.string().min(1).max(2000).describe("the context URL") });

const listContexts = trust.get("/v1/trust/contexts", {
  summary: "The JSON-LD contexts the operator added, each pinned to its SHA-256",
  responses: { 200: json(z.object({ contexts: z.array(PinnedContextBody) }), "The pinned contexts") },
});

const addContext = trust.post("/v1/trust/contexts", {
  summary: "Pin a JSON-LD context no bundled package covers (CLR 2.0) for its exact URL",
  description:
    "`content` is the context file's text; its SHA-256 is pinned, and other bytes for the same URL are refused (409) until it is removed. With `sha256`, a file that does not hash to it is refused (400). Bundled context URLs cannot be replaced. Nothing is ever fetched.",
  request: {
    body: jsonBody(z.object({ url: z.string(), content: z.string(), sha256: z.string().optional() })),
  },
  responses: {
    200: json(
      z.object({ context: PinnedContextBody, created: z.boolean() }),
      "Already pinned with these bytes",
    ),
    201: json(z.object({ context: PinnedContextBody, created: z.boolean() }), "Pinned"),
    400: errors[400],
    409: failure("Other bytes are pinned for this URL, or it is bundled"),
  },
});

const removeContext = removal("/v1/trust/contexts", "Forget a context the operator added", UrlQuery);

const reverify = trust.post("/v1/trust/reverify", {
  summary: "Verify the stored documents that carry a proof again, against the lists as they are now",
  description:
    "Rewrites each document whose verification changed (status, reason, its evidence's source kinds) and updates the index; revocations from status lists are kept.",
  responses: {
    200: json(
      z.object({
        checked: z.number(),
        changed: z.array(
          z.object({
            documentId: z.string(),
            candidateId: z.string(),
            name: z.string(),
            from: VerificationStatus,
            to: VerificationStatus,
            reason: z.string(),
          }),
        ),
        skipped: z.array(z.object({ documentId: z.string(), name: z.string(), reason: z.string() })),
      }),
      "What changed",
    ),
  },
});

const tampered = trust.get("/v1/trust/tampered", {
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

export const trustRoutes: RouteModule = (app) => {
  const trustOf = (c: Context) => c.var.engine.trust;
  app.openapi(list, (c) => c.json({ issuers: trustOf(c).issuers(), keys: trustOf(c).keys() }, 200));
  app.openapi(addIssuer, (c) => added(c, trustOf(c).addIssuer(c.req.valid("json"))));
  app.openapi(removeIssuer, (c) => removed(c, c.req.valid("query").id, (id) => trustOf(c).removeIssuer(id)));
  app.openapi(addKeys, (c) => c.json(trustOf(c).addKeys(c.req.valid("json")), 200));
  app.openapi(removeKey, (c) => removed(c, c.req.valid("query").id, (id) => trustOf(c).removeKey(id)));
  app.openapi(listContexts, (c) => c.json({ contexts: trustOf(c).contexts() }, 200));
  app.openapi(addContext, (c) => added(c, trustOf(c).addContext(c.req.valid("json"))));
  app.openapi(removeContext, (c) =>
    removed(c, c.req.valid("query").url, (url) => trustOf(c).removeContext(url)),
  );
  app.openapi(reverify, async (c) => c.json(await trustOf(c).reverify(), 200));
  app.openapi(tampered, (c) => c.json({ documents: trustOf(c).tampered() }, 200));
};
