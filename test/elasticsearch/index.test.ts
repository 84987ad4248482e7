import { afterEach, expect, it } from "vitest";
import type { IndexedAssertion } from "../../src/domain/evidence.ts";
import type { Requirement } from "../../src/domain/schemas.ts";
import { DEFAULT_SCORING } from "../../src/scoring/config.ts";
import { aggregate, weighRequirement } from "../../src/scoring/score.ts";
import { ElasticsearchIndex } from "../../src/search/elasticsearch/index.ts";
import { candidate, NOW_MS, query, requirement, skill, taxonomy } from "./fixtures.ts";

/** The evidence model's score of an index entry (every assertion here is live). */
function exactScore(position: Requirement[], assertions: IndexedAssertion[]): number {
  const ctx = { taxonomy, config: DEFAULT_SCORING, nowMs: NOW_MS };
  const weighed = position.map((r) => weighRequirement(r, assertions, ctx));
  return aggregate(position, weighed, false).score;
}

import { describeWithNode, testIndex } from "./node.ts";

let index: ElasticsearchIndex;
afterEach(async () => {
  await index.drop();
  await index.close();
});

describeWithNode("elasticsearch index", () => {
  it("rejects a document with a field the strict mapping does not declare", async () => {
    index = testIndex(taxonomy, "strict");
    await index.upsert([candidate("c1", skill("a1", "python", 3))]);
    const [name] = await index.aliasedIndices();
    const write = index.client.index({ index: name!, id: "x", document: { id: "x", nickname: "no" } });
    await expect(write).rejects.toMatchObject({
      meta: { body: { error: { type: "strict_dynamic_mapping_exception" } } },
    });
  });

  it("keeps each skill's level with its own concept: python 5 + excel 1 never meets excel ≥ 4", async () => {
    index = testIndex(taxonomy, "nested");
    await index.upsert([
      candidate("mixed", skill("a1", "python", 5), skill("a2", "excel", 1)),
      candidate("excel-pro", skill("a3", "excel", 4)),
    ]);
    const hits = await index.retrieve(query([requirement("excel", 4, true)], true), 10);
    expect(hits.map((h) => h.candidateId)).toEqual(["excel-pro"]);
  });

  it("names the requirements each hit matched", async () => {
    index = testIndex(taxonomy, "named");
    await index.upsert([candidate("c1", skill("a1", "python", 3)), candidate("c2", skill("a2", "excel", 2))]);
    const hits = await index.retrieve(query([requirement("python", 2), requirement("excel", 2)]), 10);
    expect(Object.fromEntries(hits.map((h) => [h.candidateId, h.matched]))).toEqual({
      c1: ["python"],
      c2: ["excel"],
    });
  });

  it("never retrieves on revoked evidence, nor on expired evidence when reading the nested pieces", async () => {
    index = testIndex(taxonomy, "live");
    await index.upsert([
      candidate("revoked", skill("a1", "python", 4, { revoked: true })),
      candidate("expired", skill("a2", "python", 4, { validUntilMs: NOW_MS - 1 })),
      candidate("valid", skill("a3", "python", 4, { validUntilMs: NOW_MS + 2 })),
    ]);
    const nested = new ElasticsearchIndex(
      taxonomy,
      DEFAULT_SCORING,
      { ...index.config, firstStage: "features" },
      index.client,
    );
    const position = [requirement("python", 3)];
    expect((await nested.retrieve(query(position), 10)).map((h) => h.candidateId)).toEqual(["valid"]);
    // the concept values do not know now: an expired piece is valued as live, never above it
    const hits = await index.retrieve(query(position), 10);
    expect(hits.map((h) => h.candidateId).sort()).toEqual(["expired", "valid"]);
    expect(hits[0]!.score).toBeCloseTo(hits[1]!.score, 6);
  });

  it("estimates one piece per requirement as the evidence model scores it", async () => {
    index = testIndex(taxonomy, "estimate");
    const people = [
      candidate("attested", skill("a1", "python", 4, { sourceKind: "verified-credential", verified: true })),
      candidate("claimed", skill("a2", "python", 3, { sourceKind: "self-asserted", dateMs: NOW_MS - 9e10 })),
      candidate("unstated", skill("a3", "excel", null, { dateMs: NOW_MS - 4e11 })),
      candidate("broader", skill("a4", "programming", 5)),
    ];
    await index.upsert(people);
    const position = [requirement("python", 3), requirement("excel", null)];
    const hits = await index.retrieve(query(position), 10);
    const want = people
      .map((c) => ({ candidateId: c.id, score: exactScore(position, c.assertions) }))
      .sort((a, b) => b.score - a.score);
    expect(hits.map((h) => h.candidateId)).toEqual(want.map((w) => w.candidateId));
    // a rank_feature keeps 8 bits of mantissa, so P(meets) is read within 2^-8
    hits.forEach((h, i) => {
      expect(Math.abs(h.score - want[i]!.score)).toBeLessThanOrEqual(want[i]!.score / 256);
    });
  });

  it("ranks any evidence of the skill itself above its neighbours", async () => {
    index = testIndex(taxonomy, "direct-first");
    await index.upsert([
      candidate("broader", skill("a1", "programming", 5, { sourceKind: "verified-credential" })),
      candidate("weak", skill("a2", "python", 1, { sourceKind: "self-asserted", dateMs: 0 })),
    ]);
    const hits = await index.retrieve(query([requirement("python", 4)]), 10);
    expect(hits.map((h) => h.candidateId)).toEqual(["weak", "broader"]);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(DEFAULT_SCORING.directFloor - 1e-6);
    expect(hits[1]!.score).toBeLessThan(DEFAULT_SCORING.directFloor);
  });

  it("puts candidates with evidence of every required skill at the minimum first in a match", async () => {
    index = testIndex(taxonomy, "qualified-first");
    const assumed = DEFAULT_SCORING.level.assumedLevel;
    await index.upsert([
      candidate("below", skill("a1", "excel", assumed - 0.5, { sourceKind: "verified-credential" })),
      candidate("claims", skill("a2", "excel", assumed, { sourceKind: "self-asserted", dateMs: 0 })),
      candidate("unstated", skill("a3", "excel", null, { sourceKind: "self-asserted", dateMs: 0 })),
      candidate("neighbour", skill("a4", "python", 5)),
    ]);
    const position = [requirement("excel", assumed, true), requirement("python", null)];
    const hits = await index.retrieve(query(position), 10);
    // an unstated level is taken as the assumed level, which meets a minimum set there
    expect(
      hits
        .slice(0, 2)
        .map((h) => h.candidateId)
        .sort(),
    ).toEqual(["claims", "unstated"]);
    expect(
      hits
        .map((h) => h.candidateId)
        .slice(2)
        .sort(),
    ).toEqual(["below", "neighbour"]);
    // the bonus is taken back off: what remains is the estimate
    for (const h of hits) expect(h.score).toBeLessThan(1);
  });

  it("reindex builds a new index and swaps the alias to it atomically", async () => {
    index = testIndex(taxonomy, "reindex");
    await index.upsert([candidate("old", skill("a1", "python", 3))]);
    const before = await index.aliasedIndices();
    const report = await index.reindex([candidate("new", skill("a2", "python", 3))]);
    expect(report).toEqual({ index: report.index, previous: before, documents: 1 });
    expect(await index.aliasedIndices()).toEqual([report.index]);
    expect(report.index).not.toEqual(before[0]);
    expect(await index.client.indices.exists({ index: before[0]! })).toBe(false);
    const hits = await index.retrieve(query([requirement("python", null)]), 10);
    expect(hits.map((h) => h.candidateId)).toEqual(["new"]);
  });

  it("a write made while reindex runs wins over the older state the reindex copies after it", async () => {
    index = testIndex(taxonomy, "reindex-race");
    await index.upsert([candidate("a", skill("a1", "excel", 3))]);
    const live = index;
    async function* storeSnapshot() {
      await live.upsert([candidate("a", skill("a2", "python", 3))]); // ingest during the rebuild
      await live.remove(["gone"]);
      yield candidate("a", skill("a1", "excel", 3)); // read from the store before that write
      yield candidate("gone", skill("g1", "python", 3));
    }
    await index.reindex(storeSnapshot());
    const hits = await index.retrieve(query([requirement("python", null)]), 10);
    expect(hits.map((h) => h.candidateId)).toEqual(["a"]);
    expect((await index.health()).documents).toBe(1);
  });

  it("a write waiting for its refresh does not wait for a rebuild, which refreshes only at its end", async () => {
    const first = testIndex(taxonomy, "reindex-wait");
    index = new ElasticsearchIndex(taxonomy, DEFAULT_SCORING, {
      ...first.config,
      refreshOnWrite: "wait_for",
    });
    await first.close();
    await index.upsert([candidate("a", skill("a1", "excel", 3))]);
    const live = index;
    let written = false;
    async function* storeSnapshot() {
      yield candidate("a", skill("a1", "excel", 3));
      // the build's index exists, with refresh off, while this ingest waits for its refresh
      await live.upsert([candidate("b", skill("b1", "python", 3))]);
      written = true;
    }
    await index.reindex(storeSnapshot());
    expect(written).toBe(true);
    expect(
      (await index.retrieve(query([requirement("python", null)]), 10)).map((h) => h.candidateId),
    ).toEqual(["b"]);
  }, 20_000);
});
