/**
 * `ler-match trust reverify`: after the trust list, keys or contexts change, the stored documents
 * that carry a proof are verified again in place — their status, their evidence's source kind in
 * the store and in the index — on every backend (Elasticsearch when a node is configured).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  didKeyIssuer,
  type Issuer,
  jwtIssuer,
  pythonClaim,
  skillCredential,
} from "../../benchmarks/lib/sign-credentials.ts";
import type { ConfigInput } from "../../src/config.ts";
import { effectiveStatus } from "../../src/domain/verification.ts";
import type { Engine } from "../../src/engine/types.ts";
import { createClient } from "../../src/search/elasticsearch/client.ts";
import { elasticsearchConfig } from "../../src/search/elasticsearch/config.ts";
import type { CandidateDocument } from "../../src/search/elasticsearch/mapping.ts";
import { ES_URL, uniquePrefix } from "../elasticsearch/node.ts";
import { bitstringCredential, DCC_LIST } from "../formats/status-lists.fixture.ts";
import { CLR_CONTEXT_TEXT } from "./clr-contexts.fixture.ts";
import { SAMPLE_ISSUERS, SAMPLE_KEYS } from "./operator-keys.ts";
import { openTempEngine, type TempEngine } from "./temp-engine.ts";

const NOW = Date.parse("2026-01-01T00:00:00Z");
const PYTHON = { requirements: [{ concept: "python", minLevel: 1, required: true }] };
const SAMPLES = join(import.meta.dirname, "../../../shared/data/ler-samples");
const CLR_SAMPLE = "clr2/1edtech-validator_simple.json";
const DCC_REVOKED = "ob3/dcc-fixtures_oidf-revokedStatus-noExpiry.json";
const sample = (file: string) => JSON.parse(readFileSync(join(SAMPLES, file), "utf8")) as unknown;

const BACKENDS: [string, ConfigInput][] = [
  ["embedded", { backend: "embedded" }],
  ...(ES_URL
    ? ([
        [
          "elasticsearch",
          {
            backend: "elasticsearch",
            elasticsearch: { url: ES_URL, indexPrefix: uniquePrefix("reverify"), refreshOnWrite: true },
          },
        ],
      ] satisfies [string, ConfigInput][])
    : []),
];

describe.each(BACKENDS)("reverify on the %s backend", (backend, config) => {
  let temp: TempEngine;
  let engine: Engine;
  let issuer: Issuer;
  let adaId: string;

  beforeAll(async () => {
    temp = await openTempEngine("reverify", config, NOW);
    engine = temp.engine;
    issuer = await didKeyIssuer("eddsa-rdfc-2022");
    const signed = await issuer.sign(skillCredential(issuer.did, pythonClaim("ada", "Expert")));
    const report = await engine.ingest([
      { name: "ada.json", content: signed },
      { name: "notes.csv", content: "person,skill,level\nbob,Python,3\n" },
    ]);
    adaId = report.documents[0]!.candidateId!;
  }, 60_000);
  afterAll(async () => {
    await temp.close();
    if (backend === "elasticsearch") {
      const client = createClient(elasticsearchConfig({ url: ES_URL! }));
      await client.indices.delete({ index: `${config.elasticsearch!.indexPrefix}-*` }, { ignore: [404] });
      await client.close();
    }
  });

  /** The source kinds of the person's evidence as stored (the credential names its skill twice). */
  const storedKinds = async (id: string) => [
    ...new Set((await engine.profile(id)).skills.flatMap((s) => s.evidence.map((e) => e.sourceKind))),
  ];
  const verifiedHits = async () =>
    (await engine.search(PYTHON, { verifiedOnly: true, limit: 10 })).results.map((r) => r.candidateId);
  /** What the index itself holds for the person (Elasticsearch: the candidate's document). */
  const indexedKinds = async (id: string) => {
    if (backend !== "elasticsearch") return null;
    const client = createClient(elasticsearchConfig({ url: ES_URL! }));
    const doc = await client.get<CandidateDocument>({ index: config.elasticsearch!.indexPrefix!, id });
    await client.close();
    return [...new Set(doc._source!.skills.map((s) => `${s.sourceKind} verified=${s.verified}`))];
  };

  it("a valid proof from an issuer not on the list is signed-untrusted-issuer, and not verified evidence", async () => {
    expect(await storedKinds(adaId)).toEqual(["signed-credential"]);
    expect(await verifiedHits()).toEqual([]);
    expect(await indexedKinds(adaId)).toEqual(
      backend === "elasticsearch" ? ["signed-credential verified=false"] : null,
    );
  });

  it("trusting the issuer and reverifying turns it verified, in the store and in the index", async () => {
    engine.trust.addIssuer({ id: issuer.did, name: "Test Institute" });
    const report = await engine.trust.reverify();
    expect(report).toEqual({
      checked: 1,
      changed: [
        {
          documentId: expect.any(String),
          candidateId: adaId,
          name: "ada.json",
          from: "signed-untrusted-issuer",
          to: "verified",
          reason: expect.stringContaining('is trusted as "Test Institute"'),
        },
      ],
      skipped: [],
    });
    expect(await storedKinds(adaId)).toEqual(["verified-credential"]);
    expect(await verifiedHits()).toEqual([adaId]);
    expect(await indexedKinds(adaId)).toEqual(
      backend === "elasticsearch" ? ["verified-credential verified=true"] : null,
    );
    const explained = await engine.explain(adaId, PYTHON);
    expect(explained.explanation.requirements[0]?.best).toMatchObject({
      sourceKind: "verified-credential",
      verifiedBy: "Test Institute",
    });
  });

  it("a second run with nothing changed rewrites nothing", async () => {
    expect(await engine.trust.reverify()).toMatchObject({ checked: 1, changed: [], skipped: [] });
  });

  it("removing the issuer and reverifying turns it back", async () => {
    engine.trust.removeIssuer(issuer.did);
    const report = await engine.trust.reverify();
    expect(report.changed.map((c) => [c.name, c.from, c.to])).toEqual([
      ["ada.json", "verified", "signed-untrusted-issuer"],
    ]);
    expect(await storedKinds(adaId)).toEqual(["signed-credential"]);
    expect(await verifiedHits()).toEqual([]);
    expect(await indexedKinds(adaId)).toEqual(
      backend === "elasticsearch" ? ["signed-credential verified=false"] : null,
    );
  });
});

describe("what reverify reads again and keeps", () => {
  let temp: TempEngine;
  let engine: Engine;
  beforeAll(async () => {
    temp = await openTempEngine("kept", { backend: "embedded" }, NOW);
    engine = temp.engine;
  });
  afterAll(() => temp.close());

  const storedDocument = async (doc: { candidateId: string | null; documentId: string | null }) =>
    (await engine.profile(doc.candidateId!)).documents.find((d) => d.id === doc.documentId)!;

  const column = (sql: string, ...params: unknown[]) => {
    const sqlite = new Database(temp.db);
    try {
      return sqlite
        .prepare(sql)
        .pluck()
        .get(...params);
    } finally {
      sqlite.close();
    }
  };

  it("a VC-JWT keeps its compact token, so it is verified again without its file", async () => {
    const jwt = await jwtIssuer("ES256");
    const token = await jwt.sign(
      skillCredential(jwt.did, pythonClaim("jo", "Proficient", "2024-01-01T00:00:00Z")),
    );
    const doc = (await engine.ingest([{ name: "jo.jwt", content: token }])).documents[0]!;
    expect(doc.verification?.status).toBe("signed-untrusted-issuer");
    expect(column("select compact_jws from documents where id = ?", doc.documentId)).toBe(token);

    engine.trust.addIssuer({ id: jwt.did, name: "JWT College" });
    const report = await engine.trust.reverify();
    expect(report.changed.map((c) => [c.name, c.from, c.to])).toEqual([
      ["jo.jwt", "signed-untrusted-issuer", "verified"],
    ]);
    expect(column("select compact_jws from documents where id = ?", doc.documentId)).toBe(token);
  });

  it("a VC-JWT stored before tokens were kept is skipped with the reason, never downgraded", async () => {
    const sqlite = new Database(temp.db);
    sqlite.prepare("update documents set compact_jws = null where file_name = 'jo.jwt'").run();
    sqlite.close();
    const report = await engine.trust.reverify();
    expect(report.skipped).toEqual([
      {
        documentId: expect.any(String),
        name: "jo.jwt",
        reason: expect.stringContaining("re-ingest the token"),
      },
    ]);
    expect(column("select verification_status from documents where file_name = 'jo.jwt'")).toBe("verified");
  });

  it("a document that no longer reads as itself is skipped with the reason and left as it was", async () => {
    const jwt = await jwtIssuer("EdDSA");
    const token = await jwt.sign(
      skillCredential(jwt.did, pythonClaim("kim", "Expert", "2024-01-01T00:00:00Z")),
    );
    const doc = (await engine.ingest([{ name: "kim.jwt", content: token }])).documents[0]!;
    const sqlite = new Database(temp.db);
    sqlite
      .prepare("update documents set compact_jws = 'not.a-token.at all' where id = ?")
      .run(doc.documentId);
    sqlite.close();
    engine.trust.addIssuer({ id: jwt.did, name: "Kim's College" });
    const report = await engine.trust.reverify();
    expect(report.skipped).toContainEqual({
      documentId: doc.documentId,
      name: "kim.jwt",
      reason: expect.stringContaining("no longer reads as this one document"),
    });
    expect(column("select verification_status from documents where id = ?", doc.documentId)).toBe(
      "signed-untrusted-issuer",
    );
    engine.trust.removeIssuer(jwt.did);
  });

  it("a CLR whose context the operator adds afterwards is verified by a reverify", async () => {
    engine.trust.addKeys(SAMPLE_KEYS);
    for (const i of SAMPLE_ISSUERS) engine.trust.addIssuer(i);
    const doc = (await engine.ingest([{ name: "clr.json", content: sample(CLR_SAMPLE) }])).documents[0]!;
    expect(doc.verification).toMatchObject({
      status: "unsigned",
      reason: expect.stringContaining("neither bundled nor added by the operator"),
    });
    for (const [url, text] of Object.entries(CLR_CONTEXT_TEXT))
      engine.trust.addContext({ url, content: text });
    const report = await engine.trust.reverify();
    expect(report.changed.map((c) => [c.name, c.from, c.to])).toEqual([["clr.json", "unsigned", "verified"]]);
    expect(await storedDocument(doc)).toMatchObject({
      verificationDetail: { status: "verified", credentials: [{ code: "valid" }, { code: "valid" }] },
      fileName: "clr.json",
    });
  });

  it("a revocation a status list set survives the reverify that trusts the issuer", async () => {
    const issuer = SAMPLE_ISSUERS.find((i) => i.id.includes("vc-test-fixtures"))!;
    engine.trust.removeIssuer(issuer.id);
    const doc = (await engine.ingest([{ name: "dcc.json", content: sample(DCC_REVOKED) }])).documents[0]!;
    expect(doc.verification?.status).toBe("signed-untrusted-issuer");
    await engine.applyStatusLists([bitstringCredential(DCC_LIST, [6])]);
    expect((await storedDocument(doc)).revocation).toBe("revoked");

    engine.trust.addIssuer(issuer);
    const report = await engine.trust.reverify();
    expect(report.changed.map((c) => [c.name, c.from, c.to])).toEqual([
      ["dcc.json", "signed-untrusted-issuer", "verified"],
    ]);
    const stored = await storedDocument(doc);
    expect([stored.verificationDetail?.status, stored.revocation]).toEqual(["verified", "revoked"]);
    expect(effectiveStatus(stored.verificationDetail!, stored.revocation)).toBe("revoked");
  });
});
