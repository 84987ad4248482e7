/**
 * Injection and mass assignment: HTML and script in every text field a document can carry come
 * back escaped on every page; query-DSL and Painless text in skill names and concept ids stays data
 * on both backends; a write cannot set what the server assigns.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BACKENDS,
  BO,
  errorOf,
  type JsonResponse,
  json,
  makeRig,
  NOW,
  type TestRig,
  withKey,
} from "../api/fixture.ts";
import { type AttackRig, makeAttackRig } from "./rig.ts";

const XSS = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
const PERSON_ID = `p-<b>"x'`;
const HOSTILE = {
  format: "ler-match/v1",
  id: `doc-${XSS}`,
  person: { id: PERSON_ID, name: `Eve ${XSS}`, email: `eve${XSS}@example.org`, location: XSS },
  title: `Title ${XSS}`,
  issuer: `Issuer ${XSS}`,
  sourceKind: "employer-record",
  assertions: [
    { skill: "Python", level: "advanced", wherePracticed: `Team ${XSS}`, lastPracticedAt: "2025-06" },
    { skill: `Skill ${XSS}`, level: `level ${XSS}` },
  ],
};
const q = encodeURIComponent;
const PAGES = [
  `/candidates/${q(PERSON_ID)}`,
  `/match?skill=sw.python&level=2&title=${q(XSS)}&unresolved=${q(XSS)}`,
  `/search?skill=sw.python&level=2&title=${q(XSS)}`,
  `/explain?candidate=${q(PERSON_ID)}&skill=sw.python&level=2&title=${q(XSS)}`,
  `/match?skill=${q(XSS)}&level=2`,
  `/explain?candidate=${q(XSS)}&skill=sw.python`,
  `/candidates/${q(XSS)}`,
  `/signin?next=${q(XSS)}`,
];

describe("HTML and script in every text field", () => {
  let rig: TestRig;
  beforeAll(async () => {
    rig = await makeRig();
    expect((await rig.request("/v1/documents", json(HOSTILE))).status).toBe(200);
  });
  afterAll(() => rig.close());

  it.each(PAGES)("%s renders it as text", async (path) => {
    const html = await (await rig.request(path)).text();
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    // no element carries an event handler (quoted attribute values may hold the text, escaped)
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[a-z]+[^>]*\sonerror=/i);
  });

  it("the candidate page shows the hostile text escaped, so the test above reads the real page", async () => {
    const html = await (await rig.request(`/candidates/${q(PERSON_ID)}`)).text();
    expect(html).toContain("Eve &lt;script&gt;alert(");
  });

  it("a sign-in's next= never leaves the site", async () => {
    for (const next of ["//evil.example/", "https://evil.example/", "/\\evil.example"]) {
      const res = await rig.anonymous("/signin", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
        body: new URLSearchParams({ key: rig.adminKey, next }).toString(),
      });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/match");
    }
  });
});

describe.each(BACKENDS)("query DSL and Painless through skill names on the %s backend", (_name, settings) => {
  let rig: TestRig;
  const DSL = `sw.python"}},{"script":{"script":{"source":"while(true){}"}}}`;
  const PAINLESS = `'; while (true) {} //`;
  beforeAll(async () => {
    rig = await makeRig(settings);
    await rig.request(
      "/v1/documents",
      json([
        BO,
        {
          format: "ler-match/v1",
          id: "doc-dsl",
          person: { id: "p-dsl", name: "Dee" },
          sourceKind: "self-asserted",
          assertions: [
            { skill: PAINLESS, conceptId: DSL, level: 3 },
            { skill: "Python", level: 3, lastPracticedAt: "2025-06" },
          ],
        },
      ]),
    );
  }, 60_000);
  afterAll(() => rig?.close());

  it.each([DSL, PAINLESS, `*`, `sw.python OR 1=1`])(
    "a requirement naming %s is 422 unknown_concept",
    async (concept) => {
      const res = await rig.request("/v1/match", json({ requirements: [{ concept }] }));
      expect(await errorOf(res)).toEqual({ status: 422, code: "unknown_concept" });
    },
  );

  it("the stored hostile concept id stays data: Python still ranks exactly its two people", async () => {
    const page = await (
      await rig.request("/v1/search", json({ requirements: [{ concept: "sw.python" }] }))
    ).json();
    expect(page.results.map((r: { candidateId: string }) => r.candidateId).sort()).toEqual(["p-bo", "p-dsl"]);
    expect((await rig.request("/health")).status).toBe(200);
  });
});

describe("mass assignment", () => {
  let rig: TestRig;
  beforeAll(async () => {
    rig = await makeRig();
  });
  afterAll(() => rig.close());

  it("what the server assigns (ingest time, content hash, revocation) cannot be set by the writer", async () => {
    const doc = {
      ...BO,
      ingestedAt: "1999-01-01T00:00:00Z",
      contentHash: "forged",
      revocation: "active",
      candidateId: "p-someone-else",
    };
    expect((await rig.request("/v1/documents", json(doc))).status).toBe(200);
    const profile = await (await rig.request("/v1/candidates/p-bo")).json();
    expect(profile.documents[0]).toMatchObject({
      candidateId: "p-bo",
      ingestedAt: new Date(NOW).toISOString(),
      revocation: "unchecked",
    });
    expect(profile.documents[0].contentHash).not.toBe("forged");
    expect((await rig.request("/v1/candidates/p-someone-else")).status).toBe(404);
  });

  it("a writer cannot take over another person's document id: 409 conflict, the record unchanged", async () => {
    const res = await rig.request(
      "/v1/documents",
      json({ ...BO, person: { id: "p-mallory", name: "Mallory" } }),
    );
    expect(res.status).toBe(409);
    expect((await res.json()).documents[0].error.code).toBe("conflict");
    expect((await (await rig.request("/v1/candidates/p-bo")).json()).candidate.name).toBe("Bo Chen");
  });

  describe("a document's own claim to be verified", () => {
    const CLAIMING = {
      ...BO,
      id: "doc-claims-verified",
      person: { id: "p-claimer", name: "Cass Claimer" },
      verification: "verified",
      sourceKind: "verified-credential",
    };
    const evidenceOf = async (attack: AttackRig) =>
      (await (await attack.request("/v1/candidates/p-claimer")).json()).skills[0].evidence[0];

    it("from a write key is downgraded, and the report says so", async () => {
      const attack = await makeAttackRig();
      try {
        const report = await (await attack.as("write", "/v1/documents", json(CLAIMING))).json();
        expect(report.documents[0].warnings.join(" ")).toContain("unattested_claim");
        expect(await evidenceOf(attack)).toMatchObject({ verified: false, sourceKind: "issued-credential" });
      } finally {
        await attack.close();
      }
    });

    it("from a key that holds attest is kept, recorded as attested by that key", async () => {
      const attack = await makeAttackRig();
      try {
        const attestOnly = await attack.as("attest", "/v1/documents", json(CLAIMING));
        expect(attestOnly.status).toBe(403); // attest alone cannot write documents
        const both = attack.engine.access.createKey({
          name: "upstream-verifier",
          scopes: ["write", "attest"],
        });
        const res = (await attack.app.request(
          "/v1/documents",
          withKey(both.token, json(CLAIMING)),
        )) as JsonResponse;
        const report = await res.json();
        expect(report.documents[0].warnings.join(" ")).not.toContain("unattested_claim");
        expect(await evidenceOf(attack)).toMatchObject({
          verified: true,
          sourceKind: "verified-credential",
          verifiedBy: "attested by upstream-verifier",
        });
      } finally {
        await attack.close();
      }
    });
  });
});
