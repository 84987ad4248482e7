/**
 * OWASP API1 / API3 / API5: every route needs the scope the route table names, no other scope gets
 * in, and the table covers every route the app serves (a route nobody listed needs admin).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Requirement, ROUTE_SCOPES } from "../../api/security/route-scopes.ts";
import { DEFAULT_ORG, holdsScope } from "../../src/domain/access.ts";
import { ADA, json } from "../api/fixture.ts";
import { type AttackRig, codeOf, makeAttackRig, SCOPES } from "./rig.ts";

let rig: AttackRig;
beforeAll(async () => {
  rig = await makeAttackRig();
  await rig.request("/v1/documents", json(ADA));
});
afterAll(() => rig.close());

const REQS = [{ concept: "sw.python", minLevel: 2 }];
const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
  body: new URLSearchParams(fields).toString(),
});

/** One real request per route in the table (ids point at a stored person, or a guessed one). */
const SAMPLES: Record<string, [string, RequestInit?]> = {
  "GET /v1/concepts": ["/v1/concepts?q=python"],
  "GET /v1/concepts/:id": ["/v1/concepts/sw.python"],
  "POST /v1/parse-jd": ["/v1/parse-jd", json({ text: "Must have: Python" })],
  "POST /v1/match": ["/v1/match", json({ requirements: REQS })],
  "POST /v1/search": ["/v1/search", json({ requirements: REQS })],
  "POST /v1/explain": ["/v1/explain", json({ candidateId: "p-ada", position: { requirements: REQS } })],
  "GET /v1/candidates/:id": ["/v1/candidates/p-ada"],
  "POST /v1/documents": ["/v1/documents?dryRun=true", json(ADA)],
  "POST /v1/status-lists": ["/v1/status-lists", json({ lists: [{ revoked: ["urn:nothing"] }] })],
  "DELETE /v1/candidates/:id": ["/v1/candidates/p-guessed", { method: "DELETE" }],
  "GET /v1/audit": ["/v1/audit?person=p-ada"],
  "POST /v1/keys": ["/v1/keys", json({ name: "made-by-test", scopes: ["read"] })],
  "GET /v1/keys": ["/v1/keys"],
  "DELETE /v1/keys/:id": ["/v1/keys/key_guessed", { method: "DELETE" }],
  "POST /v1/positions/analyse": [
    "/v1/positions/analyse",
    json({ requirements: [{ concept: "sw.python", minLevel: 2, required: true }] }),
  ],
  "GET /v1/alerts": ["/v1/alerts?concept=sw.python"],
  "POST /v1/alerts": ["/v1/alerts", json({ withinDays: 30 })],
  "GET /v1/trust": ["/v1/trust"],
  "POST /v1/trust/issuers": [
    "/v1/trust/issuers",
    json({ id: "did:web:issuer.example.org", name: "Example" }),
  ],
  "DELETE /v1/trust/issuers": ["/v1/trust/issuers?id=did%3Aweb%3Aguessed.example.org", { method: "DELETE" }],
  "POST /v1/trust/keys": [
    "/v1/trust/keys",
    json({
      id: "did:web:issuer.example.org",
      verificationMethod: [
        {
          id: "did:web:issuer.example.org#key-1",
          type: "Multikey",
          publicKeyMultibase: "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi",
        },
      ],
    }),
  ],
  "DELETE /v1/trust/keys": [
    "/v1/trust/keys?id=did%3Aweb%3Aguessed.example.org%23key-1",
    { method: "DELETE" },
  ],
  "GET /v1/trust/tampered": ["/v1/trust/tampered"],
  "GET /v1/trust/contexts": ["/v1/trust/contexts"],
  "POST /v1/trust/contexts": [
    "/v1/trust/contexts",
    json({
      url: "https://example.org/context.json",
      content: '{"@context": {"name": "https://schema.org/name"}}',
    }),
  ],
  "DELETE /v1/trust/contexts": [
    "/v1/trust/contexts?url=https%3A%2F%2Fexample.org%2Fguessed.json",
    { method: "DELETE" },
  ],
  "POST /v1/trust/reverify": ["/v1/trust/reverify", { method: "POST" }],
  "POST /v1/positions": ["/v1/positions", json({ name: "Sample", requirements: REQS })],
  "GET /v1/positions": ["/v1/positions"],
  "GET /v1/positions/:id": ["/v1/positions/pos-guessed"],
  "DELETE /v1/positions/:id": ["/v1/positions/pos-guessed", { method: "DELETE" }],
  "POST /v1/people/:id/roles": ["/v1/people/p-ada/roles", json({})],
  "POST /v1/gaps": ["/v1/gaps", json({ people: { ids: ["p-ada"] }, target: { requirements: REQS } })],
  "GET /team": ["/team"],
  "GET /match/analysis": ["/match/analysis?skill=sw.python&level=2&need=required"],
  "GET /match": ["/match?skill=sw.python&level=2"],
  "POST /match": ["/match", form({ jd: "Must have: Python" })],
  "GET /search": ["/search?skill=sw.python&level=2"],
  "GET /explain": ["/explain?candidate=p-ada&skill=sw.python&level=2"],
  "GET /candidates/:id": ["/candidates/p-ada"],
};

const guarded = Object.entries(ROUTE_SCOPES).filter(
  (entry): entry is [string, Exclude<Requirement, "public">] => entry[1] !== "public",
);

describe("the route table", () => {
  it("lists every route the app serves, and nothing it does not", () => {
    const served = rig.app.routes
      .filter((r) => r.method !== "ALL")
      .map((r) => `${r.method} ${r.path}`)
      .filter((r, i, all) => all.indexOf(r) === i)
      .sort();
    expect(Object.keys(ROUTE_SCOPES).sort()).toEqual(served);
  });

  it("has a sample request for every guarded route", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(guarded.map(([r]) => r).sort());
  });
});

describe.each(guarded)("%s (needs %s)", (route, needed) => {
  it.each(SCOPES)("as a %s key", async (scope) => {
    const [path, init] = SAMPLES[route]!;
    const res = await rig.as(scope, path, init);
    const allowed =
      needed === "any-key" ||
      holdsScope({ keyId: "", keyName: "", org: DEFAULT_ORG, scopes: [scope] }, needed);
    if (allowed) expect([401, 403]).not.toContain(res.status);
    else if (path.startsWith("/v1/") || init?.method === "POST") {
      expect(res.status).toBe(403);
      expect(await codeOf(res)).toBe("forbidden");
    } else {
      expect(res.status).toBe(403);
      expect(await res.text()).toContain(`needs a key with the &quot;${needed}&quot; scope`);
    }
  });

  it("without a key", async () => {
    const [path, init] = SAMPLES[route]!;
    const res = await rig.anonymous(path, init);
    if (path.startsWith("/v1/")) {
      expect(res.status).toBe(401);
      expect(await codeOf(res)).toBe("unauthenticated");
    } else if ((init?.method ?? "GET") === "GET") {
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toMatch(/^\/signin\?next=/);
    } else expect(res.status).toBe(401);
  });
});

describe("guessing ids", () => {
  it("an unknown person is the same 404 on every id-taking route, naming nothing else", async () => {
    for (const [path, init] of [
      ["/v1/candidates/p-guess"],
      ["/v1/candidates/p-guess", { method: "DELETE" }],
      ["/v1/explain", json({ candidateId: "p-guess", position: { requirements: REQS } })],
      ["/v1/people/p-guess/roles", json({})],
      ["/v1/gaps", json({ people: { ids: ["p-guess"] }, target: { requirements: REQS } })],
    ] as [string, RequestInit?][]) {
      const res = await rig.request(path, init);
      expect(res.status).toBe(404);
      const body = await res.json();
      expect(body.error.code).toBe("not_found");
      expect(JSON.stringify(body)).not.toContain("p-ada");
    }
  });
});
