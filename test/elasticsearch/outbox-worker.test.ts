import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LerError } from "../../src/domain/errors.ts";
import type { IndexedCandidate } from "../../src/domain/evidence.ts";
import { DEFAULT_SCORING } from "../../src/scoring/config.ts";
import { EmbeddedIndex } from "../../src/search/embedded/index.ts";
import { backoffMs, OutboxWorker } from "../../src/search/outbox-worker.ts";
import { makeWrite, type TempStore, tempStore } from "../store/fixtures.ts";
import { query, requirement, taxonomy } from "./fixtures.ts";

/** The embedded index, except that it rejects the candidates in `rejecting`, per item. */
class PickyIndex extends EmbeddedIndex {
  rejecting = new Set<string>();
  override async upsert(batch: IndexedCandidate[]): Promise<void> {
    await super.upsert(batch.filter((c) => !this.rejecting.has(c.id)));
    const failures = batch
      .filter((c) => this.rejecting.has(c.id))
      .map((c) => ({ id: c.id, status: 400, reason: "no" }));
    if (failures.length) throw new LerError("internal", "rejected", { details: { failures } });
  }
}

let t: TempStore;
let index: PickyIndex;
let clock: number;
let worker: OutboxWorker;
beforeEach(() => {
  t = tempStore();
  index = new PickyIndex(taxonomy, DEFAULT_SCORING);
  clock = Date.now() + 60_000;
  worker = new OutboxWorker(t.store, index, {
    trust: DEFAULT_SCORING.trust,
    baseDelayMs: 100,
    maxDelayMs: 350,
    now: () => clock,
  });
});
afterEach(() => t.dispose());

const ingest = (id: string) =>
  t.store.writeDocument(makeWrite(id, `${id}-doc`, [{ concept: "python", level: 3 }]));
const indexed = async () =>
  (await index.retrieve(query([requirement("python", null)]), 10)).map((h) => h.candidateId).sort();

describe("outbox worker", () => {
  it("doubles the delay per attempt up to the cap", () => {
    expect([0, 1, 2, 3, 4].map((n) => backoffMs(n, 100, 350))).toEqual([100, 200, 350, 350, 350]);
  });

  it("acknowledges the items the index took and retries only the rejected one", async () => {
    for (const id of ["a", "b", "c"]) ingest(id);
    index.rejecting.add("b");
    expect(await worker.drainOnce()).toEqual({ applied: 2, retried: 1 });
    expect(await indexed()).toEqual(["a", "c"]);
    expect(t.store.outboxPending(10, clock + 99)).toEqual([]);
    expect(t.store.outboxPending(10, clock + 100)).toMatchObject([{ candidateId: "b", attempts: 1 }]);
  });

  it("backs off exponentially per item, then applies it once the index takes it", async () => {
    ingest("a");
    index.rejecting.add("a");
    await worker.drainOnce(); // fails at attempt 0 → due in 100
    clock += 100;
    await worker.drainOnce(); // fails at attempt 1 → due in 200
    clock += 199;
    expect(await worker.drainOnce()).toEqual({ applied: 0, retried: 0 });
    index.rejecting.clear();
    clock += 1;
    expect(await worker.drainOnce()).toEqual({ applied: 1, retried: 0 });
    expect(await indexed()).toEqual(["a"]);
  });

  it("applies the store's current state: a candidate deleted before the drain is removed", async () => {
    ingest("a");
    ingest("b");
    await worker.drainAll();
    t.store.deleteCandidate("a");
    ingest("b"); // unchanged: no new item
    expect(await worker.drainAll()).toEqual({ applied: 1, retried: 0 });
    expect(await indexed()).toEqual(["b"]);
  });

  it("drains in the background between start() and stop()", async () => {
    const background = new OutboxWorker(t.store, index, { trust: DEFAULT_SCORING.trust, idleMs: 5 });
    background.start();
    ingest("a");
    await expect.poll(() => t.store.stats().outboxPending, { timeout: 5000, interval: 10 }).toBe(0);
    await background.stop();
    expect(await indexed()).toEqual(["a"]);
  });
});

/** The embedded index, except that an upsert reaches it only when the test lets it through. */
class SlowIndex extends EmbeddedIndex {
  waiting: (() => void)[] = [];
  override async upsert(batch: IndexedCandidate[]): Promise<void> {
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    await super.upsert(batch);
  }
}

describe("two drains at once (the background timer's and an erasure's)", () => {
  it("run one after the other, so an upsert read before a delete never lands after it", async () => {
    const slow = new SlowIndex(taxonomy, DEFAULT_SCORING);
    const w = new OutboxWorker(t.store, slow, { trust: DEFAULT_SCORING.trust, now: () => clock });
    ingest("a");
    const first = w.drainAll(); // reads "a" from the store and sends its upsert, still in flight
    await new Promise((r) => setImmediate(r));
    t.store.deleteCandidate("a");
    const second = w.drainAll(); // the erasure's drain: must wait for the first, then remove "a"
    await new Promise((r) => setImmediate(r));
    for (const release of slow.waiting.splice(0)) release();
    await Promise.all([first, second]);
    expect((await slow.retrieve(query([requirement("python", null)]), 10)).map((h) => h.candidateId)).toEqual(
      [],
    );
  });
});
