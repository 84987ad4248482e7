/**
 * OWASP API8 security misconfiguration and API4 resource consumption at the edges: headers on every
 * response, Host and Origin checks, CSRF on forms, per-key rate limits, request ids, log lines and
 * error bodies that carry no personal data, SQL or cluster addresses.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LogLine } from "../../api/security/edges.ts";
import { ADA, json, makeRig, type TestRig } from "../api/fixture.ts";
import { type AttackRig, codeOf, makeAttackRig } from "./rig.ts";

let clock = 0;
const logs: LogLine[] = [];
let rig: AttackRig;
beforeAll(async () => {
  rig = await makeAttackRig({}, { log: (l) => logs.push(l) });
  await rig.request("/v1/documents", json({ ...ADA, person: { ...ADA.person, email: "ada@example.org" } }));
});
afterAll(() => rig.close());

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "cache-control": "no-store",
  "x-frame-options": "DENY",
};

describe("security headers", () => {
  it.each([
    ["a page", "/candidates/p-ada"],
    ["JSON with personal data", "/v1/candidates/p-ada"],
    ["an error", "/v1/candidates/p-nobody"],
    ["the API reference", "/docs"],
  ])("on %s", async (_what, path) => {
    const res = await rig.request(path);
    expect(Object.fromEntries(Object.keys(SECURITY_HEADERS).map((h) => [h, res.headers.get(h)]))).toEqual(
      SECURITY_HEADERS,
    );
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("x-request-id")).toMatch(/^[\w-]{8,}$/);
  });

  it("no page carries an inline script or style for the policy to block", async () => {
    for (const path of ["/candidates/p-ada", "/match?skill=sw.python", "/search", "/signin", "/docs"]) {
      const html = await (await rig.request(path)).text();
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/<style|\sstyle="/);
    }
  });
});

describe("Host and Origin", () => {
  it("a request naming a host the server does not answer to is refused (DNS rebinding)", async () => {
    const res = await rig.request("http://evil.example/v1/candidates/p-ada");
    expect(res.status).toBe(403);
    expect(await codeOf(res)).toBe("host_not_allowed");
  });

  it("a write from another origin is refused, even with a key", async () => {
    const res = await rig.request("/v1/documents", {
      ...json(ADA),
      headers: { "content-type": "application/json", origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
    expect(await codeOf(res)).toBe("origin_not_allowed");
  });

  it("a cross-site multipart form post is not stored (no key; the cookie is SameSite=Strict)", async () => {
    const body = new FormData();
    body.append(
      "file",
      new Blob([JSON.stringify({ ...ADA, person: { id: "p-ada", name: "Mallory" } })]),
      "a.json",
    );
    const res = await rig.anonymous("/v1/documents", {
      method: "POST",
      body,
      headers: { origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
    expect((await (await rig.request("/v1/candidates/p-ada")).json()).candidate.name).toBe("Ada Lovelace");
  });

  it("a page's form posted from another site with the session cookie is refused by the CSRF check", async () => {
    const res = await rig.anonymous("/match", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: `lm_key=${rig.adminKey}`,
        "sec-fetch-site": "cross-site",
      },
      body: "jd=Python",
    });
    expect(res.status).toBe(403);
    expect(await codeOf(res)).toBe("origin_not_allowed");
  });
});

describe("rate limits per key", () => {
  let limitedRig: AttackRig;
  beforeAll(async () => {
    limitedRig = await makeAttackRig(
      { security: { rateLimit: { perMinute: 60, burst: 3 } } },
      { rateClock: () => clock },
    );
  });
  afterAll(() => limitedRig.close());

  it("a burst past the bucket is 429 with Retry-After, and the key is served again once it refills", async () => {
    const { token } = limitedRig.engine.access.createKey({ name: "busy", scopes: ["match"] });
    const call = () =>
      limitedRig.anonymous("/v1/concepts?q=py", { headers: { authorization: `Bearer ${token}` } });
    for (let i = 0; i < 3; i++) expect((await call()).status).toBe(200);
    const limited = await call();
    expect(limited.status).toBe(429);
    expect(await codeOf(limited)).toBe("rate_limited");
    expect(limited.headers.get("retry-after")).toBe("1");
    expect((await limitedRig.as("match", "/v1/concepts?q=py")).status).toBe(200); // another key has its own bucket
    clock += 1000;
    expect((await call()).status).toBe(200);
  });
});

describe("logs", () => {
  it("one JSON line per request with its id, route pattern and key, and no person in it", async () => {
    logs.length = 0;
    const res = await rig.request("/v1/candidates/p-ada");
    expect(logs).toEqual([
      expect.objectContaining({
        requestId: res.headers.get("x-request-id"),
        method: "GET",
        route: "/v1/candidates/:id",
        status: 200,
        key: "test-admin",
      }),
    ]);
    expect(JSON.stringify(logs)).not.toMatch(/p-ada|Ada|ada@example/);
  });
});

describe("errors and /health say nothing about the cluster", () => {
  let dead: TestRig;
  beforeAll(async () => {
    dead = await makeRig({
      backend: "elasticsearch",
      elasticsearch: { url: "http://127.0.0.1:9", indexPrefix: "ler-match-security-dead" },
    });
  }, 60_000);
  afterAll(() => dead?.close());

  it("/health is 503 with a fixed sentence, no transport message or node address", async () => {
    const res = await dead.request("/health");
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(text).not.toMatch(/127\.0\.0\.1|:9\b|ECONNREFUSED|ConnectionError/);
    expect(JSON.parse(text).detail).toMatch(/unreachable/);
  });

  it("a match while the index is down is 503 index_unavailable without the node's address", async () => {
    const res = await dead.request("/v1/match", json({ requirements: [{ concept: "sw.python" }] }));
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.error.code).toBe("index_unavailable");
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|ConnectionError/);
  }, 60_000);
});
