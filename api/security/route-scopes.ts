/**
 * The one table of who may call what: every route the app serves, by method and path as
 * registered, and the scope it needs. `public` needs no key; `any-key` needs a valid key of any
 * scope. A route missing here is refused to everyone but an admin (test/security pins the table
 * against the app's routes).
 */
import type { Scope } from "../../src/domain/access.ts";

export type Requirement = Scope | "public" | "any-key";

export const ROUTE_SCOPES: Record<string, Requirement> = {
  "GET /health": "public",
  "GET /openapi.json": "public",
  "GET /docs": "public",
  "GET /assets/pages.js": "public",
  "GET /assets/pages.css": "public",
  "GET /assets/docs.css": "public",
  "GET /signin": "public",
  "POST /signin": "public",
  "POST /signout": "public",
  "GET /": "public",
  "GET /v1/concepts": "any-key",
  "GET /v1/concepts/:id": "any-key",
  "POST /v1/parse-jd": "any-key",
  "POST /v1/match": "match",
  "POST /v1/search": "match",
  "POST /v1/explain": "match",
  "POST /v1/positions/analyse": "match",
  // alerts name people and their credentials: personal data, like a profile
  "GET /v1/alerts": "read",
  "POST /v1/alerts": "read",
  "GET /v1/candidates/:id": "read",
  "POST /v1/documents": "write",
  "POST /v1/status-lists": "attest",
  "DELETE /v1/candidates/:id": "admin",
  "GET /v1/audit": "admin",
  "GET /v1/trust": "admin",
  "POST /v1/trust/issuers": "admin",
  "DELETE /v1/trust/issuers": "admin",
  "POST /v1/trust/keys": "admin",
  "DELETE /v1/trust/keys": "admin",
  "GET /v1/trust/tampered": "admin",
  "GET /v1/trust/contexts": "admin",
  "POST /v1/trust/contexts": "admin",
  "DELETE /v1/trust/contexts": "admin",
  "POST /v1/trust/reverify": "admin",
  "POST /v1/keys": "admin",
  "GET /v1/keys": "admin",
  "DELETE /v1/keys/:id": "admin",
  "POST /v1/positions": "match",
  "GET /v1/positions": "match",
  "GET /v1/positions/:id": "match",
  "DELETE /v1/positions/:id": "match",
  "POST /v1/people/:id/roles": "read",
  "POST /v1/gaps": "match",
  "GET /team": "match",
  "GET /match": "match",
  "POST /match": "match",
  "GET /match/analysis": "match",
  "GET /search": "match",
  "GET /explain": "match",
  "GET /candidates/:id": "read",
};

/** What a route needs; a route nobody listed needs admin, so forgetting a row fails closed. */
export const requirementOf = (method: string, path: string): Requirement =>
  ROUTE_SCOPES[`${method === "HEAD" ? "GET" : method} ${path}`] ?? "admin";
