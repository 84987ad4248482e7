/**
 * The store's counts are held until something they count changes: the same figures as counting
 * afresh after every kind of write, this connection's or another's.
 */
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/sqlite-store.ts";
import { makeWrite, type TempStore, tempStore } from "./fixtures.ts";

let t: TempStore;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.dispose());

const FAR_FUTURE = Number.MAX_SAFE_INTEGER;

/** What the counts are, counted afresh on a connection of its own. */
function counted(path: string, org?: string) {
  const raw = new Database(path, { readonly: true });
  try {
    const of = org ? "join candidates c on c.id = x.candidate_id where c.org = ?" : "";
    const count = (table: string) =>
      raw
        .prepare(`select count(*) from ${table} x ${of}`)
        .pluck()
        .get(...(org ? [org] : [])) as number;
    return {
      candidates: org
        ? (raw.prepare("select count(*) from candidates where org = ?").pluck().get(org) as number)
        : count("candidates"),
      documents: count("documents"),
      assertions: count("assertions"),
      outboxPending: count("outbox"),
    };
  } finally {
    raw.close();
  }
}

describe("store stats", () => {
  it("answers the same figures from one write to the next, held while nothing counted changes", () => {
    const { store, path } = t;
    const expectCounted = () => {
      expect(store.stats()).toEqual(counted(path));
      expect(store.forOrg("acme").stats()).toEqual(counted(path, "acme"));
    };
    expectCounted();
    store.writeDocument(makeWrite("c1", "d1", [{ concept: "python" }, { concept: "sql" }], { hash: "v1" }));
    expectCounted();
    const held = store.stats();
    store.namesOf(["c1"]);
    const event = {
      at: 0,
      keyId: null,
      keyName: "k",
      org: "default",
      action: "match",
      remote: null,
      requestId: null,
    };
    store.security.appendAudit(event, ["c1"]);
    expect(store.stats()).toBe(held); // reads and the audit trail count nothing it counts
    // a replacement keeps the document count and changes the assertions'
    store.writeDocument(makeWrite("c1", "d1", [{ concept: "rust" }], { hash: "v2" }));
    expect(store.stats().assertions).toBe(1);
    expectCounted();
    store.forOrg("acme").writeDocument(makeWrite("c2", "d2", [{ concept: "go" }, { concept: "sql" }]));
    expectCounted();
    store.outboxAck(store.outboxPending(1000, FAR_FUTURE).map((i) => i.id));
    expect(store.stats().outboxPending).toBe(0);
    expectCounted();
    store.forOrg("acme").deleteCandidate("c2");
    expect(store.forOrg("acme").stats()).toMatchObject({ candidates: 0, assertions: 0 });
    expectCounted();
  });

  it("sees what another connection committed", () => {
    const { store, path } = t;
    store.writeDocument(makeWrite("c1", "d1", [{ concept: "python" }]));
    expect(store.stats().documents).toBe(1);
    const other = openStore(path);
    try {
      other.writeDocument(makeWrite("c2", "d2", [{ concept: "go" }, { concept: "sql" }]));
      expect(store.stats()).toEqual({ candidates: 2, documents: 2, assertions: 3, outboxPending: 2 });
      other.deleteCandidate("c1");
      expect(store.stats()).toEqual(counted(path));
    } finally {
      other.close();
    }
  });
});
