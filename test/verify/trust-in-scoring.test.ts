/**
 * Trust is established, not claimed: a signed OB 3.0 credential from a trusted issuer outranks
 * three documents that only say they are verified; such claims count only under an attestation.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { didKeyIssuer, pythonClaim, skillCredential } from "../../benchmarks/lib/sign-credentials.ts";
import { UNATTESTED_CLAIM } from "../../indexer/verify/apply.ts";
import { openEngine } from "../../src/engine/open.ts";
import type { Engine } from "../../src/engine/types.ts";

const NOW = Date.parse("2026-01-01T00:00:00Z");
const LEVELS = ["Beginner", "Proficient", "Expert"];
const PYTHON = { requirements: [{ concept: "python", minLevel: 3 }] };

/** A native document that says, of itself, that it is a verified credential. */
const selfClaim = (person: string) => ({
  format: "ler-match/v1",
  id: `claim-${person}`,
  person: { id: person, name: person },
  issuer: "Trust Me Institute",
  issuedAt: "2024-05-01",
  verification: "verified",
  sourceKind: "verified-credential",
  assertions: [{ skill: "Python", level: "Proficient", levels: LEVELS }],
});

let dir: string;
let engine: Engine;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ler-match-trust-"));
  engine = await openEngine({ db: join(dir, "trust.db"), backend: "embedded", clock: () => NOW });
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

const evidenceOf = async (candidateId: string) =>
  (await engine.profile(candidateId)).skills.flatMap((s) => s.evidence);

describe("self-claims of verification", () => {
  it("a native document saying it is verified, without an attestation, is downgraded and the report says so", async () => {
    const report = await engine.ingest([{ name: "claim.json", content: selfClaim("mallory") }]);
    const doc = report.documents[0]!;
    expect(doc.verification).toMatchObject({ status: "unsigned", attestedBy: null });
    expect(doc.warnings.filter((w) => w.startsWith(`${UNATTESTED_CLAIM}:`))).toHaveLength(2);
    expect(doc.flags).toContain("unverified");
    const evidence = await evidenceOf("mallory");
    expect(evidence.map((e) => [e.sourceKind, e.verified])).toEqual([["issued-credential", false]]);
  });

  it("the same claim under an attestation is kept, and recorded as attested by that name", async () => {
    const report = await engine.ingest([{ name: "claim.json", content: selfClaim("trent") }], {
      attestedBy: "acme-hr",
    });
    expect(report.documents[0]).toMatchObject({ warnings: [], verification: { attestedBy: "acme-hr" } });
    const evidence = await evidenceOf("trent");
    expect(evidence.map((e) => [e.sourceKind, e.verified, e.verifiedBy])).toEqual([
      ["verified-credential", true, "attested by acme-hr"],
    ]);
  });

  it("a CSV row saying source=verified-credential is downgraded", async () => {
    const csv = "person,skill,level,source\ncsv-person,Python,4,verified-credential\n";
    const report = await engine.ingest([{ name: "skills.csv", content: csv }]);
    expect(report.documents[0]?.warnings.some((w) => w.startsWith(UNATTESTED_CLAIM))).toBe(true);
    expect((await evidenceOf("csv-person")).map((e) => [e.sourceKind, e.verified])).toEqual([
      ["issued-credential", false],
    ]);
  });

  it("an `alg: none` JWT is unsigned, and its evidence is not verified", async () => {
    const credential = skillCredential("did:example:nobody", pythonClaim("nonesuch", "Expert"));
    const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    const jws = `${part({ alg: "none", typ: "JWT" })}.${part({ vc: credential, iss: "did:example:nobody", sub: "did:example:nonesuch" })}.`;
    const report = await engine.ingest([{ name: "none.jwt", content: jws }]);
    expect(report.documents[0]?.verification).toMatchObject({
      status: "unsigned",
      reason: expect.stringContaining("alg none"),
    });
    const evidence = await evidenceOf(report.documents[0]!.candidateId!);
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.every((e) => !e.verified && e.sourceKind !== "verified-credential")).toBe(true);
  });
});

describe("ranking", () => {
  it("a real signed OB 3.0 credential from a trusted issuer outranks three self-claims of the same level", async () => {
    const issuer = await didKeyIssuer("eddsa-rdfc-2022");
    engine.trust.addIssuer({ id: issuer.did, name: "Test Institute" });
    const signed = await issuer.sign(skillCredential(issuer.did, pythonClaim("ada", "Proficient")));
    const report = await engine.ingest([
      { name: "signed.json", content: signed },
      ...["claimer-1", "claimer-2", "claimer-3"].map((p) => ({ name: `${p}.json`, content: selfClaim(p) })),
    ]);
    expect(report.documents.map((d) => d.verification?.status)).toEqual([
      "verified",
      "unsigned",
      "unsigned",
      "unsigned",
    ]);
    const signedId = report.documents[0]!.candidateId!;

    const page = await engine.match(PYTHON, { limit: 10 });
    const order = page.results
      .map((r) => r.candidateId)
      .filter((id) => id === signedId || id.startsWith("claimer"));
    expect(order[0]).toBe(signedId);
    expect(order).toHaveLength(4);

    const best = page.results.find((r) => r.candidateId === signedId)!.explanation.requirements[0]!.best!;
    expect(best).toMatchObject({
      verified: true,
      verifiedBy: "Test Institute",
      sourceKind: "verified-credential",
    });
  });

  it("signed by an issuer not on the trust list: below trusted, above the same credential unsigned", async () => {
    const [trusted, stranger] = [
      await didKeyIssuer("ecdsa-rdfc-2019"),
      await didKeyIssuer("ecdsa-rdfc-2019"),
    ];
    engine.trust.addIssuer({ id: trusted.did, name: "Known College" });
    const claim = (holder: string) => ({
      holder,
      skill: "SQL",
      level: "Proficient" as const,
      validFrom: "2024-05-01T00:00:00Z",
    });
    const { proof: _proof, ...unsigned } = await stranger.sign(
      skillCredential(stranger.did, claim("sql-unsigned")),
    );
    const report = await engine.ingest([
      {
        name: "trusted.json",
        content: await trusted.sign(skillCredential(trusted.did, claim("sql-trusted"))),
      },
      {
        name: "stranger.json",
        content: await stranger.sign(skillCredential(stranger.did, claim("sql-stranger"))),
      },
      { name: "unsigned.json", content: unsigned },
    ]);
    expect(report.documents.map((d) => d.verification?.status)).toEqual([
      "verified",
      "signed-untrusted-issuer",
      "unsigned",
    ]);
    const page = await engine.match({ requirements: [{ concept: "sql", minLevel: 3 }] }, { limit: 10 });
    const ids = report.documents.map((d) => d.candidateId!);
    expect(page.results.map((r) => r.candidateId).filter((id) => ids.includes(id))).toEqual(ids);
    const kinds = ids.map(
      (id) => page.results.find((r) => r.candidateId === id)!.explanation.requirements[0]!.best!.sourceKind,
    );
    expect(kinds).toEqual(["verified-credential", "signed-credential", "issued-credential"]);
  });
});
