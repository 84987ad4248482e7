import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SCORING } from "../../src/scoring/config.ts";
import { toIndexedCandidates } from "../../src/scoring/indexed.ts";
import { openStore } from "../../src/store/sqlite-store.ts";
import { makeWrite, type TempStore, tempStore } from "./fixtures.ts";

let t: TempStore;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.dispose());

const FAR_FUTURE = Number.MAX_SAFE_INTEGER;
const drainOutbox = () => t.store.outboxAck(t.store.outboxPending(1000, FAR_FUTURE).map((i) => i.id));

describe("opening", () => {
  it("creates and migrates the schema on first open, and reopens without migrating twice", () => {
    t.store.close();
    const raw = new Database(t.path, { readonly: true });
    const tables = raw
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .all()
      .map((r) => (r as { name: string }).name);
    const mode = raw.pragma("journal_mode", { simple: true });
    raw.close();
    expect(tables).toEqual(expect.arrayContaining(["assertions", "candidates", "documents", "outbox"]));
    expect(mode).toBe("wal");
    t.store = openStore(t.path);
    expect(t.store.stats()).toEqual({ candidates: 0, documents: 0, assertions: 0, outboxPending: 0 });
  });
});

describe("opening from another working directory", () => {
  it("finds its migrations relative to the package, not the cwd", () => {
    const cwd = process.cwd();
    const elsewhere = mkdtempSync(join(tmpdir(), "ler-cwd-"));
    try {
      process.chdir(elsewhere);
      const store = openStore(join(elsewhere, "other.db"));
      expect(store.stats().documents).toBe(0);
      store.close();
    } finally {
      process.chdir(cwd);
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

describe("writeDocument", () => {
  it("stores a document with its candidate and assertions, and reads them back", () => {
    const w = makeWrite(
      "c1",
      "d1",
      [
        { concept: "python", level: 4 },
        { concept: null, text: "Basket weaving" },
      ],
      {
        credentialStatus: { type: "StatusList2021Entry", statusListIndex: "7" },
      },
    );
    expect(t.store.writeDocument(w)).toBe("stored");
    expect(t.store.getCandidate("c1")).toEqual(w.candidate);
    expect(t.store.getDocument("d1")).toEqual(w.document);
    expect(t.store.listDocuments("c1")).toEqual([w.document]);
    expect(
      t.store
        .evidenceFor(["c1"])
        .get("c1")
        ?.map((e) => e.skillText),
    ).toEqual(["python", "Basket weaving"]);
    expect(t.store.stats()).toEqual({ candidates: 1, documents: 1, assertions: 2, outboxPending: 1 });
  });

  it("reports identical content as unchanged and writes nothing, not even an outbox item", () => {
    const w = makeWrite("c1", "d1", [{ concept: "python", level: 4 }]);
    t.store.writeDocument(w);
    drainOutbox();
    expect(t.store.writeDocument({ ...w, candidate: { ...w.candidate, name: "Someone else" } })).toBe(
      "unchanged",
    );
    expect(t.store.getCandidate("c1")?.name).toBe("Name of c1");
    expect(t.store.stats()).toEqual({ candidates: 1, documents: 1, assertions: 1, outboxPending: 0 });
  });

  it("replaces a document whose content changed: the old assertions are gone", () => {
    t.store.writeDocument(makeWrite("c1", "d1", [{ concept: "python" }, { concept: "sql" }], { hash: "v1" }));
    const outcome = t.store.writeDocument(
      makeWrite("c1", "d1", [{ concept: "rust", level: 3 }], { hash: "v2" }),
    );
    expect(outcome).toBe("replaced");
    const evidence = t.store.evidenceFor(["c1"]).get("c1") ?? [];
    expect(evidence.map((e) => [e.id, e.conceptId])).toEqual([["d1#0", "rust"]]);
    expect(t.store.stats().assertions).toBe(1);
  });

  it("reads a page's evidence on the asked concepts only, per candidate in document order", () => {
    t.store.writeDocument(
      makeWrite("c1", "d1", [{ concept: "python" }, { concept: "sql" }, { concept: "rust" }]),
    );
    t.store.writeDocument(makeWrite("c2", "d2", [{ concept: "rust" }, { concept: "go" }]));
    const evidence = t.store.evidenceFor(["c1", "c2", "c3"], ["rust", "python"]);
    expect([...evidence].map(([id, rows]) => [id, rows.map((r) => r.conceptId)])).toEqual([
      ["c1", ["python", "rust"]],
      ["c2", ["rust"]],
    ]);
    expect(
      t.store
        .evidenceFor(["c1"])
        .get("c1")
        ?.map((r) => r.conceptId),
    ).toEqual(["python", "sql", "rust"]);
  });

  it("refuses a document id that belongs to another candidate with a conflict, and keeps the original", () => {
    t.store.writeDocument(makeWrite("c1", "d1", [{ concept: "python" }], { hash: "v1" }));
    drainOutbox();
    expect(() => t.store.writeDocument(makeWrite("c2", "d1", [{ concept: "rust" }], { hash: "v2" }))).toThrow(
      expect.objectContaining({ code: "conflict", details: { documentId: "d1" } }),
    );
    expect(t.store.getDocument("d1")).toMatchObject({ candidateId: "c1", contentHash: "v1" });
    expect(t.store.getCandidate("c2")).toBeUndefined();
    expect(t.store.outboxPending(10, FAR_FUTURE)).toEqual([]);
  });

  it("reports the conflict in place in a batch, and stores the rest", () => {
    t.store.writeDocument(makeWrite("c1", "d1", [{ concept: "python" }], { hash: "v1" }));
    const outcomes = t.store.writeDocuments([
      makeWrite("c2", "d1", [{ concept: "rust" }], { hash: "v2" }),
      makeWrite("c2", "d2", [{ concept: "sql" }]),
    ]);
    expect(outcomes[0]).toMatchObject({ code: "conflict" });
    expect(outcomes[1]).toBe("stored");
    expect(t.store.listDocuments("c1").map((d) => d.id)).toEqual(["d1"]);
    expect(t.store.listDocuments("c2").map((d) => d.id)).toEqual(["d2"]);
  });

  it("moves a re-issued document away from an anonymous holder, removing the holder it leaves empty", () => {
    // an anonymous holder is known only by a hash of the document, so new content means a new id
    t.store.writeDocument(makeWrite("anon:v1", "d1", [{ concept: "python" }], { hash: "v1" }));
    drainOutbox();
    expect(t.store.writeDocument(makeWrite("anon:v2", "d1", [{ concept: "python" }], { hash: "v2" }))).toBe(
      "replaced",
    );
    expect(t.store.getCandidate("anon:v1")).toBeUndefined();
    expect(t.store.outboxPending(10, FAR_FUTURE).map((i) => [i.candidateId, i.op])).toEqual([
      ["anon:v1", "delete"],
      ["anon:v2", "upsert"],
    ]);
  });

  it("keeps what is known about a candidate when a later document does not say it", () => {
    t.store.writeDocument(makeWrite("c1", "d1", [], { name: "Ada Lovelace" }));
    t.store.writeDocument(makeWrite("c1", "d2", [], { name: null }));
    expect(t.store.getCandidate("c1")?.name).toBe("Ada Lovelace");
  });

  it("leaves nothing behind when a write fails midway", () => {
    const w = makeWrite("c1", "d1", [{ concept: "python" }, { concept: "sql" }]);
    const clash = { ...w, assertions: [w.assertions[0]!, { ...w.assertions[1]!, id: w.assertions[0]!.id }] };
    expect(() => t.store.writeDocument(clash)).toThrow(expect.objectContaining({ code: "store_failed" }));
    expect(t.store.stats()).toEqual({ candidates: 0, documents: 0, assertions: 0, outboxPending: 0 });
  });

  it("keeps the previous version when a replacement fails midway", () => {
    const v1 = makeWrite("c1", "d1", [{ concept: "python" }], { hash: "v1" });
    t.store.writeDocument(v1);
    const v2 = makeWrite("c1", "d1", [{ concept: "sql" }, { concept: "rust" }], { hash: "v2" });
    v2.assertions[1]!.id = v2.assertions[0]!.id;
    expect(() => t.store.writeDocument(v2)).toThrow(expect.objectContaining({ code: "store_failed" }));
    expect(t.store.getDocument("d1")?.contentHash).toBe("v1");
    expect(
      t.store
        .evidenceFor(["c1"])
        .get("c1")
        ?.map((e) => e.conceptId),
    ).toEqual(["python"]);
  });
});

describe("writeDocuments", () => {
  it("commits a batch where each document stands alone: a failing one leaves nothing, the rest land", () => {
    const bad = makeWrite("c2", "d2", [{ concept: "python" }, { concept: "sql" }]);
    bad.assertions[1]!.id = bad.assertions[0]!.id;
    const outcomes = t.store.writeDocuments([
      makeWrite("c1", "d1", [{ concept: "python" }], { hash: "v1" }),
      bad,
      makeWrite("c1", "d1", [{ concept: "rust" }], { hash: "v2" }),
      makeWrite("c1", "d1", [{ concept: "rust" }], { hash: "v2" }),
    ]);
    expect(outcomes.map((o) => (typeof o === "string" ? o : o.code))).toEqual([
      "stored",
      "store_failed",
      "replaced",
      "unchanged",
    ]);
    expect(t.store.getCandidate("c2")).toBeUndefined();
    expect(t.store.stats()).toEqual({ candidates: 1, documents: 1, assertions: 1, outboxPending: 1 });
  });
});

describe("deleteCandidate", () => {
  it("removes the candidate, every document and assertion, and queues a delete", () => {
    t.store.writeDocument(makeWrite("c1", "d1", [{ concept: "python" }]));
    t.store.writeDocument(makeWrite("c1", "d2", [{ concept: "sql" }, { concept: "rust" }]));
    t.store.writeDocument(makeWrite("c2", "d3", [{ concept: "go" }]));
    drainOutbox();
    expect(t.store.deleteCandidate("c1")).toBe(true);
    expect(t.store.getCandidate("c1")).toBeUndefined();
    expect(t.store.listDocuments("c1")).toEqual([]);
    expect(t.store.evidenceFor(["c1"]).size).toBe(0);
    expect(t.store.stats()).toEqual({ candidates: 1, documents: 1, assertions: 1, outboxPending: 1 });
    expect(t.store.outboxPending(10, FAR_FUTURE).map((i) => [i.candidateId, i.op])).toEqual([
      ["c1", "delete"],
    ]);
  });

  it("returns false for an unknown candidate and queues nothing", () => {
    expect(t.store.deleteCandidate("nobody")).toBe(false);
    expect(t.store.stats().outboxPending).toBe(0);
  });
});

describe("outbox", () => {
  it("enqueues one item per write and keeps only the newest operation per candidate", () => {
    t.store.writeDocument(makeWrite("c1", "d1", [{ concept: "python" }]));
    t.store.writeDocument(makeWrite("c2", "d2", [{ concept: "python" }]));
    t.store.writeDocument(makeWrite("c1", "d3", [{ concept: "sql" }]));
    expect(t.store.outboxPending(10, FAR_FUTURE).map((i) => [i.candidateId, i.op, i.attempts])).toEqual([
      ["c2", "upsert", 0],
      ["c1", "upsert", 0],
    ]);
  });

  it("hides an item until its retry time, counts attempts, and forgets it once acknowledged", () => {
    t.store.writeDocument(makeWrite("c1", "d1", [{ concept: "python" }]));
    const [item] = t.store.outboxPending(10, FAR_FUTURE);
    const retryAt = 4_000_000_000_000;
    t.store.outboxRetry(item!.id, "index unreachable", retryAt);
    expect(t.store.outboxPending(10, retryAt - 1)).toEqual([]);
    expect(t.store.outboxPending(10, retryAt)).toEqual([
      { id: item!.id, candidateId: "c1", op: "upsert", attempts: 1 },
    ]);
    t.store.outboxAck([item!.id]);
    expect(t.store.outboxPending(10, FAR_FUTURE)).toEqual([]);
    expect(t.store.stats().outboxPending).toBe(0);
  });

  it("hands out at most `limit` items, oldest first", () => {
    for (const id of ["a", "b", "c"]) t.store.writeDocument(makeWrite(id, `d-${id}`, []));
    expect(t.store.outboxPending(2, FAR_FUTURE).map((i) => i.candidateId)).toEqual(["a", "b"]);
  });
});

describe("evidence and the index view", () => {
  it("joins each assertion with its document's verification, revocation, title and format", () => {
    t.store.writeDocument(makeWrite("c1", "d1", [{ concept: "python" }], { verification: "verified" }));
    t.store.writeDocument(makeWrite("c1", "d2", [{ concept: "sql", sourceKind: "self-asserted" }]));
    t.store.setRevocation("d2", "suspended");
    const rows = t.store.evidenceFor(["c1"]).get("c1") ?? [];
    expect(rows.map((r) => [r.conceptId, r.verified, r.revoked, r.documentTitle, r.documentFormat])).toEqual([
      ["python", true, false, "Title of d1", "native"],
      ["sql", false, true, "Title of d2", "native"],
    ]);
  });

  it("answers for many candidates at once, leaving out unknown ones", () => {
    const ids = Array.from({ length: 50 }, (_, i) => `c${String(i).padStart(2, "0")}`);
    for (const id of ids)
      t.store.writeDocument(makeWrite(id, `d-${id}`, [{ concept: "python" }, { concept: "sql" }]));
    const evidence = t.store.evidenceFor([...ids, "nobody"]);
    expect([...evidence.keys()].sort()).toEqual(ids);
    expect([...evidence.values()].every((rows) => rows.length === 2)).toBe(true);
  });

  it("reads back for explaining the same rows without their provenance: what a match page shows", () => {
    t.store.writeDocument(
      makeWrite("c1", "d1", [{ concept: "python" }, { concept: "sql" }], { verification: "verified" }),
    );
    t.store.writeDocument(makeWrite("c2", "d2", [{ concept: "rust", sourceKind: "self-asserted" }]));
    t.store.setRevocation("d2", "revoked");
    const provenance = ["resolution", "sourcePath", "documentTitle", "documentFormat"];
    for (const concepts of [undefined, ["python", "rust"]]) {
      const full = t.store.evidenceFor(["c1", "c2", "nobody"], concepts);
      const explained = t.store.explainedEvidenceFor(["c1", "c2", "nobody"], concepts);
      expect([...explained.keys()]).toEqual([...full.keys()]);
      for (const [id, rows] of full) {
        const withoutProvenance = rows.map((r) =>
          Object.fromEntries(Object.entries(r).filter(([k]) => !provenance.includes(k))),
        );
        expect(explained.get(id)).toEqual(withoutProvenance);
      }
    }
  });

  it("names many candidates in one read, null where no name is on record, leaving out unknown ones", () => {
    t.store.writeDocument(makeWrite("c1", "d1", [{ concept: "python" }]));
    t.store.writeDocument(makeWrite("c2", "d2", [{ concept: "python" }], { name: null }));
    expect(t.store.namesOf(["c2", "nobody", "c1"])).toEqual(
      new Map([
        ["c1", "Name of c1"],
        ["c2", null],
      ]),
    );
    expect(t.store.namesOf([]).size).toBe(0);
  });

  it("builds index assertions with trust from the table, dates from partial ISO, expiry and revocation", () => {
    t.store.writeDocument(
      makeWrite("c1", "d1", [
        {
          concept: "python",
          level: 4,
          sourceKind: "assessment",
          issuedAt: "2020",
          lastPracticedAt: "2023-06",
        },
        { concept: "sql", sourceKind: "verified-credential", issuedAt: null, validUntil: "2025-01-01" },
        { concept: null, text: "Unknown skill" },
      ]),
    );
    t.store.setRevocation("d1", "revoked");
    const trust = { ...DEFAULT_SCORING.trust, assessment: 0.7 };
    expect([...toIndexedCandidates(t.store.indexableCandidates(["c1", "nobody"]), trust)]).toEqual([
      {
        id: "c1",
        org: "default",
        assertions: [
          {
            assertionId: "d1#0",
            conceptId: "python",
            level: 4,
            sourceKind: "assessment",
            issuer: "Acme",
            trust: 0.7,
            verified: false,
            dateMs: Date.UTC(2023, 5, 1),
            validUntilMs: null,
            revoked: true,
          },
          {
            assertionId: "d1#1",
            conceptId: "sql",
            level: null,
            sourceKind: "verified-credential",
            issuer: "Acme",
            trust: DEFAULT_SCORING.trust["verified-credential"],
            verified: true,
            dateMs: null,
            validUntilMs: Date.UTC(2025, 0, 1),
            revoked: true,
          },
        ],
      },
    ]);
  });

  it("streams every candidate, in id order, across pages", () => {
    const ids = Array.from({ length: 620 }, (_, i) => `c${String(i).padStart(4, "0")}`);
    for (const id of ids) t.store.writeDocument(makeWrite(id, `d-${id}`, [{ concept: "python" }]));
    const seen = [...toIndexedCandidates(t.store.indexableCandidates(undefined), DEFAULT_SCORING.trust)];
    expect(seen.map((c) => c.id)).toEqual(ids);
    expect(seen.every((c) => c.assertions.length === 1)).toBe(true);
    expect(t.store.candidateIds()).toEqual(ids);
  });

  it("lets the store be written while the index view is being consumed", () => {
    for (const id of ["a", "b"]) t.store.writeDocument(makeWrite(id, `d-${id}`, [{ concept: "python" }]));
    const seen: string[] = [];
    for (const c of toIndexedCandidates(t.store.indexableCandidates(undefined), DEFAULT_SCORING.trust)) {
      seen.push(c.id);
      t.store.writeDocument(makeWrite(`0-${c.id}`, `d-0-${c.id}`, [{ concept: "sql" }]));
    }
    expect(seen).toEqual(["a", "b"]);
    expect(t.store.stats().documents).toBe(4);
  });

  it("lists documents that carry a credentialStatus, parsed", () => {
    t.store.writeDocument(makeWrite("c1", "d1", [], { credentialStatus: { statusListIndex: "3" } }));
    t.store.writeDocument(makeWrite("c1", "d2", []));
    expect(t.store.documentsWithCredentialStatus()).toEqual([
      { id: "d1", candidateId: "c1", credentialStatus: { statusListIndex: "3" } },
    ]);
  });

  it("rejects a revocation for an unknown document", () => {
    expect(() => t.store.setRevocation("nope", "revoked")).toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
  });
});
