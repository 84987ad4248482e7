/**
 * OWASP API1 across organisations: every route the app serves, called as organisation A against a
 * deployment holding organisation B's person, documents, saved position, trust list, keys and
 * audit rows, finds nothing of B — not in a list, a page, a count or an error — and an id of B's
 * answers exactly what an id nobody holds answers. Afterwards B's records are as they were. Runs
 * on the embedded backend, and on Elasticsearch when ELASTICSEARCH_URL names a node.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTE_SCOPES } from "../../api/security/route-scopes.ts";
import type { Engine } from "../../src/engine/types.ts";
import {
  ADA,
  ADA_CERT,
  BACKENDS,
  BO,
  errorOf,
  type JsonResponse,
  json,
  makeRig,
  type TestRig,
} from "../api/fixture.ts";

const A = "org-a";
const B = "org-b";
const PYTHON = [{ concept: "sw.python", minLevel: 2 }];
const A_ISSUER = "did:web:a-own.example.org";
const A_CONTEXT = "https://a-own.example.org/context.json";
const contextFile = (term: string) =>
  JSON.stringify({ "@context": { [term]: `https://example.org/${term}` } });
const REQUIRED = [{ concept: "sw.python", minLevel: 2, required: true }];

/** What B holds that A must never see. */
interface OrgB {
  person: string;
  document: string;
  position: string;
  keyId: string;
  issuer: string;
  issuerKey: string;
  context: string;
}

/** Text of B's records; any of it in an answer to A is a leak. */
const B_TEXT = [
  ADA.person.name,
  "Analytical Engines",
  ADA_CERT.title,
  "Org B secret role",
  "b-admin",
  "B trusted issuer",
  "b-trusted.example.org",
  B,
];

/** One request; `twin` is the same request about an id nobody holds, which must answer the same. */
interface Probe {
  path: string;
  init?: RequestInit;
  twin?: { id: string; unknown: string };
}

const form = (fields: Record<string, string>): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
  body: new URLSearchParams(fields).toString(),
});
const del: RequestInit = { method: "DELETE" };
const guess = (id: string, unknown: string, path: string, init?: RequestInit): Probe => ({
  path,
  ...(init && { init }),
  twin: { id, unknown },
});

/** Every route, and what A tries on it: B's ids where it takes one, else its lists and counts. */
function probes(b: OrgB, aKey: string): Record<string, Probe[]> {
  const q = encodeURIComponent;
  const nobody = "p-nobody-at-all";
  return {
    "GET /health": [{ path: "/health" }],
    "GET /openapi.json": [{ path: "/openapi.json" }],
    "GET /docs": [{ path: "/docs" }],
    "GET /assets/pages.js": [{ path: "/assets/pages.js" }],
    "GET /assets/pages.css": [{ path: "/assets/pages.css" }],
    "GET /assets/docs.css": [{ path: "/assets/docs.css" }],
    "GET /signin": [{ path: "/signin" }],
    "POST /signin": [{ path: "/signin", init: form({ key: aKey, next: `/candidates/${b.person}` }) }],
    "POST /signout": [{ path: "/signout", init: form({}) }],
    "GET /": [{ path: "/" }],
    "GET /v1/concepts": [{ path: "/v1/concepts?q=python" }],
    "GET /v1/concepts/:id": [{ path: "/v1/concepts/sw.python" }],
    "POST /v1/parse-jd": [{ path: "/v1/parse-jd", init: json({ text: "Must have: Python" }) }],
    "POST /v1/match": [
      { path: "/v1/match", init: json({ requirements: PYTHON }) },
      { path: "/v1/match", init: json({ jobDescription: "Must have: Python, Kubernetes" }) },
    ],
    "POST /v1/search": [{ path: "/v1/search", init: json({ requirements: PYTHON }) }],
    "POST /v1/explain": [
      guess(
        b.person,
        nobody,
        "/v1/explain",
        json({ candidateId: b.person, position: { requirements: PYTHON } }),
      ),
    ],
    "POST /v1/positions/analyse": [{ path: "/v1/positions/analyse", init: json({ requirements: REQUIRED }) }],
    "GET /v1/alerts": [{ path: "/v1/alerts?withinDays=3650" }, { path: "/v1/alerts?concept=Kubernetes" }],
    "POST /v1/alerts": [
      { path: "/v1/alerts", init: json({ withinDays: 3650 }) },
      {
        path: "/v1/alerts",
        init: json({ positions: [{ requirements: [{ concept: "Kubernetes", required: true }] }] }),
      },
    ],
    "GET /v1/candidates/:id": [guess(b.person, nobody, `/v1/candidates/${b.person}`)],
    "POST /v1/documents": [
      // ids are one space: B's ids are taken, and the answer says no more than that
      {
        path: "/v1/documents",
        init: json({ ...BO, id: "doc-a-x", person: { id: b.person, name: "Mallory" } }),
      },
      { path: "/v1/documents", init: json({ ...BO, id: b.document }) },
    ],
    "POST /v1/status-lists": [
      { path: "/v1/status-lists", init: json({ lists: [{ revoked: [b.document, ADA_CERT.id] }] }) },
    ],
    "DELETE /v1/candidates/:id": [guess(b.person, nobody, `/v1/candidates/${b.person}`, del)],
    "GET /v1/audit": [guess(b.person, nobody, `/v1/audit?person=${b.person}`)],
    "GET /v1/trust": [{ path: "/v1/trust" }],
    // A's own trust decisions (on an issuer of its own: the removals below must meet B's, not these)
    "POST /v1/trust/issuers": [{ path: "/v1/trust/issuers", init: json({ id: A_ISSUER, name: "A's own" }) }],
    "DELETE /v1/trust/issuers": [
      guess(b.issuer, "did:web:nobody.example.org", `/v1/trust/issuers?id=${q(b.issuer)}`, del),
    ],
    "POST /v1/trust/keys": [{ path: "/v1/trust/keys", init: json(issuerKeyDocument(A_ISSUER)) }],
    "DELETE /v1/trust/keys": [
      guess(b.issuerKey, "did:web:nobody.example.org#key-1", `/v1/trust/keys?id=${q(b.issuerKey)}`, del),
    ],
    "GET /v1/trust/tampered": [{ path: "/v1/trust/tampered" }],
    "GET /v1/trust/contexts": [{ path: "/v1/trust/contexts" }],
    "POST /v1/trust/contexts": [
      { path: "/v1/trust/contexts", init: json({ url: A_CONTEXT, content: contextFile("a") }) },
    ],
    "DELETE /v1/trust/contexts": [
      guess(
        b.context,
        "https://nobody.example.org/context.json",
        `/v1/trust/contexts?url=${q(b.context)}`,
        del,
      ),
    ],
    // A's re-verification re-reads A's documents only: B's statuses stay as they are
    "POST /v1/trust/reverify": [{ path: "/v1/trust/reverify", init: { method: "POST" } }],
    "POST /v1/keys": [
      { path: "/v1/keys", init: json({ name: "a-made", scopes: ["read"] }) },
      // mass assignment: a key cannot be made for another organisation
      { path: "/v1/keys", init: json({ name: "a-made", scopes: ["admin"], org: B }) },
    ],
    "GET /v1/keys": [{ path: "/v1/keys" }],
    "DELETE /v1/keys/:id": [guess(b.keyId, "key_nobody", `/v1/keys/${b.keyId}`, del)],
    "POST /v1/positions": [{ path: "/v1/positions", init: json({ name: "A's role", requirements: PYTHON }) }],
    "GET /v1/positions": [{ path: "/v1/positions" }],
    "GET /v1/positions/:id": [guess(b.position, "pos-nobody", `/v1/positions/${b.position}`)],
    "DELETE /v1/positions/:id": [guess(b.position, "pos-nobody", `/v1/positions/${b.position}`, del)],
    "POST /v1/people/:id/roles": [guess(b.person, nobody, `/v1/people/${b.person}/roles`, json({}))],
    "POST /v1/gaps": [
      guess(
        b.person,
        nobody,
        "/v1/gaps",
        json({ people: { ids: [b.person] }, target: { requirements: PYTHON } }),
      ),
      guess(
        b.position,
        "pos-nobody",
        "/v1/gaps",
        json({ people: { all: true }, target: { positionId: b.position } }),
      ),
      { path: "/v1/gaps", init: json({ people: { all: true }, target: { requirements: PYTHON } }) },
    ],
    "GET /team": [{ path: "/team" }, guess(b.position, "pos-nobody", `/team?position=${b.position}`)],
    "GET /match": [{ path: "/match?skill=sw.python&level=2" }],
    "POST /match": [{ path: "/match", init: form({ jd: "Must have: Python, Kubernetes" }) }],
    "GET /match/analysis": [{ path: "/match/analysis?skill=sw.python&level=2&need=required" }],
    "GET /search": [{ path: "/search?skill=sw.python&level=2" }],
    "GET /explain": [guess(b.person, nobody, `/explain?candidate=${b.person}&skill=sw.python&level=2`)],
    "GET /candidates/:id": [guess(b.person, nobody, `/candidates/${b.person}`)],
  };
}

function issuerKeyDocument(issuer: string) {
  return {
    id: issuer,
    verificationMethod: [
      {
        id: `${issuer}#key-1`,
        type: "Multikey",
        publicKeyMultibase: "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi",
      },
    ],
  };
}

/** The answer with the asked id (and the audit pseudonym it derives) written out of it. */
const normalised = (text: string, id: string) =>
  text
    .replaceAll(id, "<id>")
    .replaceAll(encodeURIComponent(id), "<id>")
    .replace(/"subject":"[0-9a-f]+"/g, '"subject":"<subject>"');

/** B's text and ids the request did not name itself: finding one in the answer is a leak. */
const unasked = (b: OrgB, probe: Probe) => {
  const asked = `${decodeURIComponent(probe.path)} ${typeof probe.init?.body === "string" ? probe.init.body : ""}`;
  return [...B_TEXT, ...Object.values(b)].filter((secret) => !asked.includes(secret));
};

const served = (rig: TestRig) =>
  [...new Set(rig.app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`))].sort();

async function seedOrgB(engine: Engine): Promise<OrgB> {
  const b = engine.forOrg(B);
  const key = b.access.createKey({ name: "b-admin", scopes: ["admin"] });
  await b.ingest([
    { name: "ada.json", content: ADA },
    { name: "ada-cert.json", content: ADA_CERT },
  ]);
  const position = await b.createPosition({
    name: "Org B secret role",
    requirements: [{ concept: "Kubernetes", required: true }, ...PYTHON],
  });
  b.trust.addIssuer({ id: "did:web:b-trusted.example.org", name: "B trusted issuer" });
  const { keys } = b.trust.addKeys(issuerKeyDocument("did:web:b-trusted.example.org"));
  const context = "https://b-trusted.example.org/context.json";
  b.trust.addContext({ url: context, content: contextFile("b") });
  b.access.record({
    action: "read-profile",
    personIds: [ADA.person.id],
    actor: { keyId: key.key.id, keyName: key.key.name, org: B },
    remote: null,
    requestId: null,
  });
  return {
    person: ADA.person.id,
    document: ADA.id,
    position: position.id,
    keyId: key.key.id,
    issuer: "did:web:b-trusted.example.org",
    issuerKey: keys[0]!.id,
    context,
  };
}

describe.each(BACKENDS)("organisation A against organisation B's data (%s)", (_name, settings) => {
  let rig: TestRig;
  let b: OrgB;
  let aKey: string;
  let table: Record<string, Probe[]>;
  const asA = async (probe: Probe) =>
    (await rig.app.request(probe.path, withA(aKey, probe.init))) as JsonResponse;

  beforeAll(async () => {
    rig = await makeRig(settings);
    b = await seedOrgB(rig.engine);
    const a = rig.engine.forOrg(A);
    aKey = a.access.createKey({ name: "a-admin", scopes: ["admin"] }).token;
    await a.ingest([{ name: "bo.json", content: BO }]);
    table = probes(b, aKey);
  });
  afterAll(() => rig.close());

  it("has a probe for every route the app serves (the route table's routes, no fewer)", () => {
    const routes = served(rig);
    expect(Object.keys(table).sort()).toEqual(routes);
    expect(Object.keys(ROUTE_SCOPES).sort()).toEqual(routes);
    console.info(`organisation isolation: ${routes.length} routes probed as organisation A`);
  });

  it("finds nothing of B on any route, and B's ids answer like ids nobody holds", async () => {
    const leaks: string[] = [];
    let requests = 0;
    for (const [route, list] of Object.entries(table)) {
      for (const probe of list) {
        requests++;
        const res = await asA(probe);
        const text = await res.text();
        const where = `${route} ${probe.path}`;
        expect(res.status, where).toBeLessThan(500);
        for (const secret of unasked(b, probe))
          if (text.includes(secret)) leaks.push(`${where}: "${secret}"`);
        if (!probe.twin) continue;
        const path = probe.path.replaceAll(probe.twin.id, probe.twin.unknown);
        const path2 = path.replaceAll(
          encodeURIComponent(probe.twin.id),
          encodeURIComponent(probe.twin.unknown),
        );
        const body = typeof probe.init?.body === "string" ? probe.init.body : undefined;
        const init = body
          ? { ...probe.init, body: body.replaceAll(probe.twin.id, probe.twin.unknown) }
          : probe.init;
        const twin = await asA({ path: path2, ...(init && { init }) });
        expect(twin.status, where).toBe(res.status);
        expect(normalised(text, probe.twin.id), where).toBe(
          normalised(await twin.text(), probe.twin.unknown),
        );
      }
    }
    expect(leaks).toEqual([]);
    expect(requests).toBeGreaterThan(Object.keys(table).length);
  });

  it("counts only A's people: match totals, the analysis population and /health", async () => {
    const match = await (await asA({ path: "/v1/match", init: json({ requirements: PYTHON }) })).json();
    expect(match.total).toBe(1);
    expect(match.results.map((r: { candidateId: string }) => r.candidateId)).toEqual([BO.person.id]);
    const analysis = await (
      await asA({ path: "/v1/positions/analyse", init: json({ requirements: REQUIRED }) })
    ).json();
    expect(analysis.population).toBe(1);
    const health = await (await asA({ path: "/health" })).json();
    expect(health).toMatchObject({ candidates: 1 });
    expect((await (await rig.anonymous("/health")).json()).candidates).toBeUndefined();
  });

  it("a write naming B's person or document id is a conflict that says nothing of B", async () => {
    for (const doc of [
      { ...BO, id: "doc-a-y", person: { id: b.person, name: "Mallory" } },
      { ...BO, id: b.document },
    ]) {
      const res = await asA({ path: "/v1/documents", init: json(doc) });
      expect(res.status).toBe(409);
      const report = await res.json();
      expect(report.documents[0].error.code).toBe("conflict");
      expect(JSON.stringify(report)).not.toMatch(/Ada|Lovelace|Analytical|org-b/);
    }
  });

  it("a key cannot be made for another organisation (mass assignment): 400 invalid_input", async () => {
    const res = await asA({ path: "/v1/keys", init: json({ name: "sneaky", scopes: ["admin"], org: B }) });
    expect(await errorOf(res)).toEqual({ status: 400, code: "invalid_input" });
    const made = await (
      await asA({ path: "/v1/keys", init: json({ name: "own", scopes: ["read"] }) })
    ).json();
    expect(made.key.org).toBe(A);
  });

  it("A's reads are in A's audit trail, under A", async () => {
    await asA({ path: `/v1/candidates/${BO.person.id}` });
    const trail = rig.engine.forOrg(A).access.auditOf(BO.person.id);
    expect(trail.entries.map((e) => [e.action, e.keyName, e.org])).toContainEqual([
      "read-profile",
      "a-admin",
      A,
    ]);
    expect(rig.engine.forOrg(B).access.auditOf(BO.person.id).entries).toEqual([]);
  });

  it("leaves B's records as they were: person, documents, position, trust list, keys, audit rows", async () => {
    const ownB = rig.engine.forOrg(B);
    const profile = await ownB.profile(b.person);
    expect(profile.candidate.name).toBe(ADA.person.name);
    expect(profile.documents.map((d) => [d.id, d.revocation])).toEqual(
      expect.arrayContaining([[b.document, "unchecked"]]),
    );
    expect((await ownB.getPosition(b.position)).name).toBe("Org B secret role");
    expect(ownB.trust.issuers()).toEqual([
      expect.objectContaining({ id: b.issuer, name: "B trusted issuer" }),
    ]);
    expect(ownB.trust.keys().map((k) => k.id)).toEqual([b.issuerKey]);
    expect(ownB.trust.contexts().map((c) => c.url)).toEqual([b.context]);
    expect(ownB.access.listKeys().map((k) => [k.name, k.revokedAt])).toEqual([["b-admin", null]]);
    expect(ownB.access.auditOf(b.person).entries.map((e) => [e.keyName, e.org])).toEqual([["b-admin", B]]);
    // and B, in turn, sees none of what A made during the probes
    expect(ownB.access.listKeys().some((k) => k.name === "a-made")).toBe(false);
    expect((await ownB.listPositions()).map((p) => p.name)).toEqual(["Org B secret role"]);
  });
});

/** A's key on a request, unless it signs in or out itself. */
function withA(key: string, init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${key}`);
  return { ...init, headers };
}
