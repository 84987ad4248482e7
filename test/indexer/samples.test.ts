/**
 * Every real sample in ../shared/data/ler-samples through the whole engine, as `ler-match ingest`
 * runs it: nothing crashes, expired credentials are stored but not scored, and revoked ones are
 * re-marked once their status list is supplied (built here, as an issuer would publish it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentReport, IngestReport } from "../../indexer/types.ts";
import type { Engine } from "../../src/engine/types.ts";
import { bitstringCredential, DCC_LIST } from "../formats/status-lists.fixture.ts";
import { ingestSamples, SAMPLES, tempEngine } from "./samples.fixture.ts";

const ONE_EDTECH_REVOKED =
  "https://dc.1edtech.org/wellspring2022/wellspring-portal/credential/54418d3f-ec01-4652-800a-861c890a51a1";

let remove: () => Promise<void>;
let engine: Engine;
let report: IngestReport;
const byFile = (suffix: string): DocumentReport[] => report.documents.filter((d) => d.name.includes(suffix));

beforeAll(async () => {
  ({ engine, remove } = await tempEngine("samples"));
  report = await ingestSamples(engine);
}, 120_000);
afterAll(() => remove());

describe("the real LER samples", () => {
  it("every file gets a report, and no failure is an internal error", () => {
    const files = new Set(report.documents.map((d) => d.name.replace(/\[\d+\]$/, "")));
    expect(files.size).toBe(56);
    expect(report.documents.filter((d) => d.error?.code === "internal")).toEqual([]);
  });

  it("person records are stored; what is not one is refused with a code that says so", () => {
    const failures = report.documents
      .filter((d) => d.status === "failed" && d.error?.code !== "not_a_person_record")
      .map((d) => [d.name.slice(SAMPLES.length + 1), d.error?.code]);
    // the folder's manifest, a JSON Resume schema test fixture that is not a résumé, and spec
    // examples that reuse the id http://example.edu/credentials/3732, first ingested for another
    // holder (clr2 complex): refused, rather than moved away from that holder
    expect(failures).toEqual([
      ["manifest.csv", "parse_failed"],
      ["clr2/1edtech-validator_simple.json", "conflict"],
      ["jsonresume/jsonresume-schema_test-skills.json", "unknown_format"],
      ["ob3/spec_achievementAlignmentCase.json", "conflict"],
      ["ob3/spec_achievementAlignmentCe.json", "conflict"],
    ]);
    expect(report.totals.stored + report.totals.replaced).toBeGreaterThanOrEqual(40);
    expect(byFile("case/opensalt-tests_SmartLevelFramework.json")[0]?.error?.message).toContain(
      "taxonomy import case",
    );
  });

  it("expired credentials are stored and flagged", async () => {
    const [doc] = byFile("dcc-fixtures_oidf-noStatus-expired.json");
    expect(doc).toMatchObject({ status: "stored", flags: expect.arrayContaining(["expired"]) });
    const profile = await engine.profile(doc!.candidateId!);
    expect(profile.documents.find((d) => d.id === doc!.documentId)?.validUntil).toBe("2025-01-09T16:23:24Z");
  });

  it("credentials with a status are 'status-unchecked' until a list is supplied", () => {
    expect(byFile("dcc-fixtures_oidf-revokedStatus-noExpiry.json")[0]?.flags).toContain("status-unchecked");
    expect(byFile("1edtech-validator_credential-status-revoked.json")[0]?.flags).toContain(
      "status-unchecked",
    );
  });

  it("supplying the issuers' status lists re-marks exactly the revoked credentials", async () => {
    const applied = await engine.applyStatusLists([
      bitstringCredential(DCC_LIST, [6]),
      { revoked: [ONE_EDTECH_REVOKED] },
    ]);
    expect(applied.counts.revoked).toBe(2);
    for (const f of [
      "dcc-fixtures_oidf-revokedStatus-noExpiry.json",
      "1edtech-validator_credential-status-revoked.json",
    ]) {
      const [doc] = byFile(f);
      const profile = await engine.profile(doc!.candidateId!);
      expect(profile.documents.find((d) => d.id === doc!.documentId)?.revocation).toBe("revoked");
    }
  });

  it("re-ingesting the samples stores nothing new; only documents sharing an id replace each other", async () => {
    // The samples reuse credential ids (the spec examples' …/credentials/3527, the LER-RS use
    // cases' shared id): a later file is a new version of the same credential and replaces it.
    const seen = new Map<string, number>();
    for (const d of report.documents)
      if (d.documentId) seen.set(d.documentId, (seen.get(d.documentId) ?? 0) + 1);
    const shared = new Set([...seen].filter(([, n]) => n > 1).map(([id]) => id));
    expect(shared.has("http://example.com/credentials/3527")).toBe(true);
    const again = await ingestSamples(engine);
    expect(again.totals.stored).toBe(0);
    const replaced = again.documents.filter((d) => d.status === "replaced");
    expect(replaced.filter((d) => !shared.has(d.documentId ?? ""))).toEqual([]);
    expect(again.totals.unchanged).toBeGreaterThan(0);
  });
});
