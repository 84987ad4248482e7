import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from "vitest";
import { createPipeline, type Pipeline } from "../../indexer/pipeline.ts";
import { fixedClock } from "../../src/domain/clock.ts";
import { normaliseLevel } from "../../taxonomy/scales/index.ts";
import { TEST_NOW } from "../clock.ts";
import { type TempStore, tempStore } from "../store/fixtures.ts";
import { nativeDoc, taxonomy } from "./pipeline-fixtures.ts";

let t: TempStore;
let pipeline: Pipeline;
let onStored: Mock<(ids: string[]) => void>;
beforeEach(() => {
  t = tempStore();
  onStored = vi.fn<(ids: string[]) => void>();
  pipeline = createPipeline({ store: t.store, taxonomy, now: fixedClock(TEST_NOW), onStored });
});
afterEach(() => t.dispose());

const ada = (extra: Record<string, unknown> = {}) =>
  nativeDoc(
    "ada",
    [
      { skill: "Python", level: 4, min: 1, max: 5, lastPracticedAt: "2025-01" },
      { skill: "py", level: null },
      { skill: "Underwater basket weaving" },
    ],
    { id: "doc-ada", ...extra },
  );

describe("ingest", () => {
  it("stores a native document: resolved, normalised, with a report per document", async () => {
    const report = await pipeline.ingest([{ name: "ada.json", content: ada() }]);
    expect(report.documents).toEqual([
      {
        name: "ada.json",
        documentId: "doc-ada",
        candidateId: "ada",
        format: "native",
        status: "stored",
        assertions: 3,
        unresolved: ["Underwater basket weaving"],
        flags: ["unverified"],
        warnings: [],
        error: null,
        verification: {
          status: "unsigned",
          reason: "no proof: nothing to check",
          attestedBy: null,
          embedded: [],
        },
      },
    ]);
    const evidence = t.store.evidenceFor(["ada"]).get("ada") ?? [];
    const expected = normaliseLevel(4, { min: 1, max: 5 });
    expect(
      evidence.map((e) => [e.id, e.conceptId, e.resolution.method, e.level, e.rawLevel, e.issuedAt]),
    ).toEqual([
      ["doc-ada#0", "python", "exact", expected.level, expected.raw ?? "4", "2024-02-01"],
      ["doc-ada#1", "python", "alias", null, null, "2024-02-01"],
      ["doc-ada#2", null, "unresolved", null, null, "2024-02-01"],
    ]);
    expect(t.store.getDocument("doc-ada")?.raw).toEqual(ada());
    expect(onStored).toHaveBeenCalledWith(["ada"]);
  });

  it("reports an identical re-ingest as unchanged and adds no rows", async () => {
    await pipeline.ingest([{ name: "ada.json", content: ada() }]);
    const before = t.store.stats();
    onStored.mockClear();
    const report = await pipeline.ingest([{ name: "again.json", content: JSON.stringify(ada()) }]);
    expect(report.documents.map((d) => d.status)).toEqual(["unchanged"]);
    expect(t.store.stats()).toEqual(before);
    expect(onStored).not.toHaveBeenCalled();
  });

  it("replaces a changed document with the same id, and its old assertions are gone", async () => {
    await pipeline.ingest([{ name: "ada.json", content: ada() }]);
    const changed = nativeDoc("ada", [{ skill: "Rust", level: 3, min: 1, max: 5 }], { id: "doc-ada" });
    const report = await pipeline.ingest([{ name: "ada-v2.json", content: changed }]);
    expect(report.totals).toMatchObject({ replaced: 1, stored: 0, assertions: 1 });
    expect(
      t.store
        .evidenceFor(["ada"])
        .get("ada")
        ?.map((e) => [e.id, e.conceptId]),
    ).toEqual([["doc-ada#0", "rust"]]);
    expect(t.store.stats().assertions).toBe(1);
  });

  it("stores the good documents of a batch and names the bad ones with code and path", async () => {
    const report = await pipeline.ingest([
      { name: "good-1.json", content: nativeDoc("p1", [{ skill: "SQL" }]) },
      { name: "no-person.json", content: { ...nativeDoc("p2", []), person: { name: "Nobody" } } },
      { name: "broken.json", content: '{"format": "ler-match/v1", ' },
      { name: "mystery.json", content: { hello: "world" } },
      { name: "good-2.json", content: nativeDoc("p3", [{ skill: "Rust" }]) },
    ]);
    expect(
      report.documents.map((d) => [d.name, d.status, d.error?.code ?? null, d.error?.path ?? null]),
    ).toEqual([
      ["good-1.json", "stored", null, null],
      ["no-person.json", "failed", "parse_failed", "$.person.id"],
      ["broken.json", "failed", "invalid_json", null],
      ["mystery.json", "failed", "unknown_format", null],
      ["good-2.json", "stored", null, null],
    ]);
    expect(report.totals).toMatchObject({ documents: 5, stored: 2, failed: 3, assertions: 2 });
    expect(t.store.candidateIds()).toEqual(["p1", "p3"]);
    expect(onStored).toHaveBeenCalledWith(["p1", "p3"]);
  });

  it("undoes a document whose write fails midway, and still stores the rest of the batch", async () => {
    const db = new Database(t.path);
    db.exec(`create trigger boom before insert on assertions when new.skill_text = 'Boom'
             begin select raise(abort, 'forced failure'); end`);
    db.close();
    const report = await pipeline.ingest([
      { name: "p1.json", content: nativeDoc("p1", [{ skill: "SQL" }]) },
      { name: "p2.json", content: nativeDoc("p2", [{ skill: "SQL" }, { skill: "Rust" }, { skill: "Boom" }]) },
      { name: "p3.json", content: nativeDoc("p3", [{ skill: "Rust" }]) },
    ]);
    expect(report.documents.map((d) => [d.name, d.status, d.error?.code ?? null])).toEqual([
      ["p1.json", "stored", null],
      ["p2.json", "failed", "store_failed"],
      ["p3.json", "stored", null],
    ]);
    expect(t.store.candidateIds()).toEqual(["p1", "p3"]);
    expect(t.store.stats()).toEqual({ candidates: 2, documents: 2, assertions: 2, outboxPending: 2 });
    expect(onStored).toHaveBeenCalledWith(["p1", "p3"]);
  });

  it("derives a document id from the content, whatever the key order", async () => {
    const doc = nativeDoc("p1", [{ skill: "SQL" }]);
    const reordered = Object.fromEntries(Object.entries(doc).reverse());
    const first = await pipeline.ingest([{ name: "a.json", content: doc }]);
    const second = await pipeline.ingest([{ name: "b.json", content: reordered }]);
    expect(first.documents[0]?.documentId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(second.documents[0]).toMatchObject({
      documentId: first.documents[0]?.documentId,
      status: "unchanged",
    });
  });

  it("writes nothing in a dry run, but reports what would be stored", async () => {
    const report = await pipeline.ingest([{ name: "ada.json", content: ada() }], { dryRun: true });
    expect(report.documents.map((d) => [d.status, d.assertions])).toEqual([["dry-run", 3]]);
    expect(t.store.stats()).toEqual({ candidates: 0, documents: 0, assertions: 0, outboxPending: 0 });
    expect(onStored).not.toHaveBeenCalled();
  });
});

describe("resolution and levels", () => {
  it("prefers a concept id (or an ESCO URI given as one) over the text, and says when the id is unknown", async () => {
    const doc = nativeDoc("p1", [
      { skill: "Snake language", conceptId: "python" },
      { skill: "Metal joining", conceptId: "https://data.europa.eu/esco/skill/welding-1/" },
      { skill: "SQL", conceptId: "no-such-concept" },
    ]);
    const report = await pipeline.ingest([{ name: "ids.json", content: doc }]);
    const rows = t.store.evidenceFor(["p1"]).get("p1") ?? [];
    expect(rows.map((r) => [r.conceptId, r.resolution.method])).toEqual([
      ["python", "id"],
      ["welding", "uri"],
      ["sql", "exact"],
    ]);
    expect(report.documents[0]?.warnings).toEqual([
      '$.assertions[2]: concept id "no-such-concept" is not in the taxonomy; read the text',
    ]);
  });

  it("keeps a level it cannot read as written, unset, with a warning — and keeps the document", async () => {
    const doc = nativeDoc("p1", [{ skill: "SQL", level: "galactic", scale: "no-such-scale" }]);
    const report = await pipeline.ingest([{ name: "odd.json", content: doc }]);
    expect(report.documents[0]?.status).toBe("stored");
    expect(report.documents[0]?.warnings).toEqual([
      expect.stringMatching(
        /^\$\.assertions\[0\]: level "galactic" of "SQL" not understood \(.+\); kept as written, level left unset$/,
      ),
    ]);
    const [row] = t.store.evidenceFor(["p1"]).get("p1") ?? [];
    expect([row?.level, row?.rawLevel, row?.scale]).toEqual([null, "galactic", "no-such-scale"]);
  });

  it("counts unresolved skill texts across the batch, most frequent first", async () => {
    const report = await pipeline.ingest([
      { name: "a.json", content: nativeDoc("p1", [{ skill: "Juggling" }, { skill: "Knitting" }]) },
      { name: "b.json", content: nativeDoc("p2", [{ skill: "Knitting" }, { skill: "Python" }]) },
    ]);
    expect(report.totals.unresolved).toEqual([
      { text: "Knitting", count: 2 },
      { text: "Juggling", count: 1 },
    ]);
  });

  it("drops exact duplicates within a document", async () => {
    const doc = nativeDoc("p1", [{ skill: "SQL" }, { skill: "SQL" }, { skill: "Rust" }]);
    const report = await pipeline.ingest([{ name: "dup.json", content: doc }]);
    expect(report.documents[0]).toMatchObject({
      assertions: 2,
      warnings: ["1 duplicate assertion(s) dropped"],
    });
    const id = report.documents[0]?.documentId;
    expect(
      t.store
        .evidenceFor(["p1"])
        .get("p1")
        ?.map((r) => r.id),
    ).toEqual([`${id}#0`, `${id}#2`]);
  });
});

describe("flags", () => {
  const attested = { attestedBy: "upstream-verifier" };
  it.each([
    ["an expired credential", { validUntil: "2001-01-01", verification: "verified" }, attested, ["expired"]],
    ["an unverified document", {}, {}, ["unverified"]],
    ["a verified document, attested", { verification: "verified" }, attested, []],
    ["a document that says it is verified, unattested", { verification: "verified" }, {}, ["unverified"]],
  ])("flags %s", async (_what, extra, options, flags) => {
    const report = await pipeline.ingest(
      [{ name: "x.json", content: nativeDoc("p1", [{ skill: "SQL" }], extra) }],
      options,
    );
    expect(report.documents[0]?.flags).toEqual(flags);
  });

  it("flags a document with no skills, and still stores it", async () => {
    const report = await pipeline.ingest(
      [{ name: "x.json", content: nativeDoc("p1", [], { verification: "verified" }) }],
      attested,
    );
    expect(report.documents[0]).toMatchObject({ status: "stored", flags: ["no-skills"] });
  });

  it("lets an assertion inherit the document's expiry", async () => {
    await pipeline.ingest([
      { name: "x.json", content: nativeDoc("p1", [{ skill: "Welding" }], { validUntil: "2030-06" }) },
    ]);
    expect(t.store.evidenceFor(["p1"]).get("p1")?.[0]?.validUntil).toBe("2030-06");
  });
});
