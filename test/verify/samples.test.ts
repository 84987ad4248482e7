/**
 * Every signed sample in ../shared/data/ler-samples, verified offline with the operator's trust
 * list, keys (operator-keys.ts) and CLR 2.0 contexts (clr-contexts.fixture.ts: written for the
 * tests, standing in for the published files an operator adds): each verifies, or fails for the
 * reason its file name gives (expired, revoked), or for a reason outside the project that the table
 * names (a proof type or key the engine cannot check).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forbidNetwork, type NetworkGuard } from "../../benchmarks/lib/no-network.ts";
import type { IngestReport } from "../../indexer/types.ts";
import { verifyDocument } from "../../indexer/verify/index.ts";
import { effectiveStatus, type TrustSnapshot } from "../../src/domain/verification.ts";
import type { Engine } from "../../src/engine/types.ts";
import { bitstringCredential, DCC_LIST } from "../formats/status-lists.fixture.ts";
import { ingestSamples, SAMPLES, tempEngine } from "../indexer/samples.fixture.ts";
import { CLR_2_0_1, CLR_CONTEXT_TEXT, CLR_CONTEXTS, clrContext, pinned } from "./clr-contexts.fixture.ts";
import { SAMPLE_ISSUERS, SAMPLE_KEYS } from "./operator-keys.ts";

/** The samples' own dates are 2010–2025: verified as of this day. */
const NOW = Date.parse("2026-01-01T00:00:00Z");

const TRUST: TrustSnapshot = {
  issuers: new Map(SAMPLE_ISSUERS.map((i) => [i.id, { ...i, addedAt: "2026-01-01" }])),
  keys: new Map(SAMPLE_KEYS.map((k) => [k.id, k])),
  contexts: CLR_CONTEXTS,
};

/** file → [status, code of the document's own proof, codes of the credentials embedded in it]. */
const EXPECTED: Record<string, [string, string, string[]]> = {
  "ob3/mit-learn_courseCertificate.json": ["verified", "valid", []],
  "ob3/dcc-fixtures_legacyRegistry-noStatus-noExpiry-OBSpecExample.json": ["verified", "valid", []],
  "ob3/dcc-fixtures_oidf-noStatus-expired.json": ["expired", "valid", []],
  "ob3/dcc-fixtures_oidf-revokedStatus-noExpiry.json": ["verified", "valid", []],
  "ob3/1edtech-validator_simple.json": ["verified", "valid", []],
  "ob3/1edtech-validator_simple-err-expired.json": ["expired", "valid", []],
  "ob3/1edtech-validator_endorsement-valid.json": ["verified", "valid", []],
  "ob3/1edtech-validator_credential-status-revoked.json": ["verified", "valid", []],
  // endorsements signed with "eddsa-rdf-2022", the suite's name in a draft, which no library checks
  "ob3/1edtech-validator_complete.json": ["verified", "valid", Array(5).fill("unsupported_proof")],
  "ob3/spec_fullOpenBadge.json": ["unsigned", "no_proof", Array(5).fill("unsupported_proof")],
  // uses terms its own contexts do not define; the Data Integrity libraries refuse (JSON-LD safe mode)
  "ob3/1edtech-validator_complete_v1.json": ["expired", "undefined_term", Array(5).fill("undefined_term")],
  // the CLR 2.0 contexts come from the operator (add-context); with them the wrapper's proof holds
  "clr2/1edtech-validator_simple.json": ["verified", "valid", ["valid"]],
  // signed by urn:uuid: keys no one can resolve, and by did:key DIDs with no key fragment
  "clr2/1edtech-validator_simple_v1.json": [
    "unsigned",
    "unknown_key",
    [
      "unknown_key",
      "unknown_key",
      "malformed_proof",
      "malformed_proof",
      "malformed_proof",
      "malformed_proof",
      "malformed_proof",
    ],
  ],
  "clr2/1edtech-validator_complex.json": ["unsigned", "malformed_proof", Array(7).fill("malformed_proof")],
  // RsaSignature2018 (LER-RS wrappers) is not a suite the ecosystem's libraries still check
  "ler-rs/LER-RS_V2_UC008_portability.json": [
    "unsigned",
    "unsupported_proof",
    ["unsupported_proof", "undefined_term"],
  ],
  "ler-rs/LER-RS_V2_UC009_exchanging.json": [
    "unsigned",
    "unsupported_proof",
    ["unsupported_proof", "undefined_term"],
  ],
  "ler-rs/LER-RS_V2_UC010_applying.json": [
    "unsigned",
    "unsupported_proof",
    ["unsupported_proof", "undefined_term"],
  ],
  "ler-rs/LER-RS_V2_VCwrapper.json": ["unsigned", "unsupported_proof", ["unsupported_proof"]],
  // signed by a did:velocity key: a ledger method with no offline resolution and no key supplied
  "velocity/1edtech-validator_velocity.jwt": ["unsigned", "unknown_key", []],
};

let guard: NetworkGuard;
beforeAll(() => {
  guard = forbidNetwork();
});
afterAll(() => {
  guard.release();
});

function target(file: string) {
  const text = readFileSync(join(SAMPLES, file), "utf8").trim();
  if (!file.endsWith(".jwt")) return { content: JSON.parse(text) as unknown };
  return {
    content: JSON.parse(Buffer.from(text.split(".")[1]!, "base64url").toString("utf8")) as unknown,
    jws: text,
  };
}

describe("every signed sample, verified offline", () => {
  it.each(Object.entries(EXPECTED))("%s", async (file, [status, code, embedded]) => {
    const result = await verifyDocument(target(file), { trust: TRUST, nowMs: NOW });
    expect([
      result.status,
      result.credentials[0]?.code,
      result.credentials.slice(1).map((c) => c.code),
    ]).toEqual([status, code, embedded]);
    expect(guard.attempts).toEqual([]);
  });

  it("without the operator's keys, a did:web or https issuer's proof is not checked: unknown_key", async () => {
    const result = await verifyDocument(target("ob3/1edtech-validator_simple.json"), {
      trust: { issuers: TRUST.issuers, keys: new Map() },
      nowMs: NOW,
    });
    expect(result).toMatchObject({ status: "unsigned", credentials: [{ code: "unknown_key" }] });
  });

  it("without the operator's CLR context, a CLR wrapper is unknown_context: nothing is fetched", async () => {
    const result = await verifyDocument(target("clr2/1edtech-validator_simple.json"), {
      trust: { ...TRUST, contexts: new Map() },
      nowMs: NOW,
    });
    expect(result).toMatchObject({
      status: "unsigned",
      credentials: [
        { code: "unknown_context", reason: expect.stringContaining(CLR_2_0_1) },
        { code: "valid" },
      ],
    });
    expect(guard.attempts).toEqual([]);
  });

  it("an operator context whose stored bytes changed is refused: unknown_context", async () => {
    const damaged = { ...CLR_CONTEXTS.get(CLR_2_0_1)!, content: `${CLR_CONTEXT_TEXT[CLR_2_0_1]} ` };
    const result = await verifyDocument(target("clr2/1edtech-validator_simple.json"), {
      trust: { ...TRUST, contexts: new Map([[CLR_2_0_1, damaged]]) },
      nowMs: NOW,
    });
    expect(result.credentials[0]).toMatchObject({
      code: "unknown_context",
      reason: expect.stringContaining("no longer match the pinned SHA-256"),
    });
  });

  it("a context that gives a term another meaning makes the genuine CLR look tampered: invalid-signature", async () => {
    const text = JSON.stringify(clrContext("https://example.org/not-clr#", "https://example.org/not-ob#"));
    const result = await verifyDocument(target("clr2/1edtech-validator_simple.json"), {
      trust: { ...TRUST, contexts: new Map([[CLR_2_0_1, pinned(CLR_2_0_1, text)]]) },
      nowMs: NOW,
    });
    expect([result.status, result.credentials[0]?.code]).toEqual(["invalid-signature", "bad_signature"]);
  });

  it("without the trust list, a valid proof is signed-untrusted-issuer", async () => {
    const result = await verifyDocument(target("ob3/mit-learn_courseCertificate.json"), {
      trust: { issuers: new Map(), keys: TRUST.keys },
      nowMs: NOW,
    });
    expect(result.status).toBe("signed-untrusted-issuer");
  });
});

describe("`ler-match ingest` over the samples, with the operator's trust list", () => {
  let remove: () => Promise<void>;
  let engine: Engine;
  let report: IngestReport;
  const statusOf = (suffix: string) => report.documents.find((d) => d.name.endsWith(suffix))?.verification;

  beforeAll(async () => {
    ({ engine, remove } = await tempEngine("verify", { clock: () => NOW }));
    for (const issuer of SAMPLE_ISSUERS) engine.trust.addIssuer(issuer);
    engine.trust.addKeys(SAMPLE_KEYS);
    for (const [url, content] of Object.entries(CLR_CONTEXT_TEXT)) engine.trust.addContext({ url, content });
    report = await ingestSamples(engine);
  }, 120_000);
  afterAll(() => remove());

  it("reports each document's status and reason", () => {
    expect(statusOf("mit-learn_courseCertificate.json")).toMatchObject({
      status: "verified",
      reason: expect.stringContaining('trusted as "Digital Credentials Consortium (MIT)"'),
    });
    expect(statusOf("1edtech-validator_simple-err-expired.json")).toMatchObject({
      status: "expired",
      reason: expect.stringContaining("expired 2010-01-01"),
    });
    expect(statusOf("jsonresume/0-o0_resume.json")).toMatchObject({ status: "unsigned" });
    expect(statusOf("clr2/1edtech-validator_simple.json")).toMatchObject({
      status: "verified",
      reason: expect.stringContaining('trusted as "Example University (1EdTech CLR example)"'),
    });
    expect(statusOf("dcc-fixtures_oidf-revokedStatus-noExpiry.json")?.reason).toContain("status not checked");
  });

  it("a revoked sample is revoked once its issuer's status list is supplied", async () => {
    await engine.applyStatusLists([
      bitstringCredential(DCC_LIST, [6]),
      {
        revoked: [
          "https://dc.1edtech.org/wellspring2022/wellspring-portal/credential/54418d3f-ec01-4652-800a-861c890a51a1",
        ],
      },
    ]);
    for (const file of [
      "dcc-fixtures_oidf-revokedStatus-noExpiry.json",
      "1edtech-validator_credential-status-revoked.json",
    ]) {
      const doc = report.documents.find((d) => d.name.endsWith(file))!;
      const profile = await engine.profile(doc.candidateId!);
      const stored = profile.documents.find((d) => d.id === doc.documentId)!;
      expect(effectiveStatus(stored.verificationDetail!, stored.revocation)).toBe("revoked");
    }
  });
});
