import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Requirement } from "../../src/domain/schemas.ts";
import { DEFAULT_SCORING, type ScoringConfig } from "../../src/scoring/config.ts";
import { toIndexedCandidate } from "../../src/scoring/indexed.ts";
import { compareRanked } from "../../src/scoring/rank.ts";
import { scoreCandidate } from "../../src/scoring/score.ts";
import type { RetrievalFilters, RetrievalQuery } from "../../src/search/backend.ts";
import { EmbeddedIndex } from "../../src/search/embedded/index.ts";
import { LEVEL_OTHER, LEVEL_UNKNOWN, levelCode } from "../../src/search/embedded/postings.ts";
import type { EvidenceRow } from "../../src/store/types.ts";
import { config, filters, type Population, population, requirements } from "../scoring/arbitraries.ts";
import { NOW, req, row, taxonomy } from "../scoring/fixtures.ts";

const noFilters: RetrievalFilters = { verifiedOnly: false, practicedSinceMs: null };
const query = (reqs: Requirement[], overrides: Partial<RetrievalQuery> = {}): RetrievalQuery => ({
  requirements: reqs,
  filters: noFilters,
  nowMs: NOW,
  hardRequired: false,
  ...overrides,
});

async function indexOf(evidence: Map<string, EvidenceRow[]>, cfg: ScoringConfig = DEFAULT_SCORING) {
  const index = new EmbeddedIndex(taxonomy, cfg);
  await index.upsert([...evidence].map(([id, rows]) => toIndexedCandidate(id, rows, cfg)));
  return index;
}

/** What retrieve must return: every candidate with evidence, exactly scored, in ranking order. */
function expected(pop: Population, q: RetrievalQuery, cfg: ScoringConfig, k: number) {
  const ctx = { taxonomy, config: cfg, nowMs: q.nowMs, filters: q.filters, hardRequired: q.hardRequired };
  return [...pop.evidence]
    .map(([id, rows]) => scoreCandidate(q.requirements, rows, { ...ctx, candidateId: id }))
    .filter((s) => s.explanation.found.length > 0 && (s.qualified || !q.hardRequired))
    .sort(compareRanked)
    .slice(0, k)
    .map((s) => ({ candidateId: s.candidateId, score: s.score }));
}

describe("EmbeddedIndex", () => {
  it("retrieves the candidates holding the skill or a neighbour, best first", async () => {
    const index = await indexOf(
      new Map([
        [
          "ann",
          [row({ candidateId: "ann", conceptId: "python", level: 5, sourceKind: "verified-credential" })],
        ],
        ["bob", [row({ candidateId: "bob", conceptId: "django", level: 3 })]],
        ["cat", [row({ candidateId: "cat", conceptId: "welding", level: 5 })]],
      ]),
    );
    const hits = await index.retrieve(query([req("python"), req("docker")]), 10);
    expect(hits.map((h) => h.candidateId)).toEqual(["ann", "bob"]);
    expect(hits[0]?.score).toBe((1 * 1 * 1 * 0.8) / 2 + (0.4 * 0.3 * 1 * 1 * 0.8) / 2);
    expect(hits[0]?.matched).toEqual(["python", "docker"]);
    expect(hits[1]?.matched).toEqual(["python"]);
  });

  it("keeps only the best k", async () => {
    const evidence = new Map(
      ["a", "b", "c", "d"].map((id, i) => [id, [row({ candidateId: id, conceptId: "java", level: i + 1 })]]),
    );
    const hits = await (await indexOf(evidence)).retrieve(query([req("java")]), 2);
    expect(hits.map((h) => h.candidateId)).toEqual(["d", "c"]);
  });

  it("drops a removed candidate and replaces one upserted again", async () => {
    const index = await indexOf(
      new Map([
        ["ann", [row({ candidateId: "ann", conceptId: "go", level: 2 })]],
        ["bob", [row({ candidateId: "bob", conceptId: "go", level: 4 })]],
      ]),
    );
    await index.remove(["bob"]);
    await index.upsert([
      toIndexedCandidate("ann", [row({ candidateId: "ann", conceptId: "java", level: 4 })], DEFAULT_SCORING),
    ]);
    expect(await index.retrieve(query([req("go")]), 10)).toEqual([
      { candidateId: "ann", score: 0.5 * 0.9 * 0.85 * 0.8, matched: ["go"] },
    ]);
    expect((await index.health()).documents).toBe(1);
  });

  it("rebuilds from scratch, forgetting candidates not in the new view", async () => {
    const index = await indexOf(new Map([["ann", [row({ candidateId: "ann", conceptId: "go", level: 2 })]]]));
    await index.rebuild([
      toIndexedCandidate("bob", [row({ candidateId: "bob", conceptId: "go" })], DEFAULT_SCORING),
    ]);
    expect((await index.retrieve(query([req("go")]), 10)).map((h) => h.candidateId)).toEqual(["bob"]);
    expect((await index.health()).documents).toBe(1);
  });

  it("leaves out candidates failing a hard filter in recruiter search", async () => {
    const index = await indexOf(
      new Map([
        ["ann", [row({ candidateId: "ann", conceptId: "python", level: 3 })]],
        ["bob", [row({ candidateId: "bob", conceptId: "django", level: 4 })]],
      ]),
    );
    const hits = await index.retrieve(
      query([req("python", { minLevel: 4, required: true })], { hardRequired: true }),
      10,
    );
    expect(hits.map((h) => h.candidateId)).toEqual(["bob"]);
  });

  it("keeps disqualified candidates after the qualified ones in a match", async () => {
    const index = await indexOf(
      new Map([
        ["ann", [row({ candidateId: "ann", conceptId: "python", level: 5, sourceKind: "self-asserted" })]],
        ["bob", [row({ candidateId: "bob", conceptId: "python", level: 1 })]],
      ]),
    );
    const hits = await index.retrieve(query([req("python", { required: true })]), 10);
    expect(hits.map((h) => h.candidateId)).toEqual(["bob", "ann"]);
  });

  it("reports counts in health", async () => {
    const index = await indexOf(
      new Map([
        [
          "ann",
          [row({ candidateId: "ann", conceptId: "go" }), row({ candidateId: "ann", conceptId: "java" })],
        ],
      ]),
    );
    expect(await index.health()).toEqual({
      backend: "embedded",
      state: "ok",
      documents: 1,
      detail: "2 postings over 2 concepts, 0 awaiting compaction",
    });
  });

  it("scores exactly as scoreCandidate on random populations", async () => {
    await fc.assert(
      fc.asyncProperty(
        population,
        requirements,
        filters,
        fc.boolean(),
        config,
        fc.integer({ min: 1, max: 25 }),
        async (pop, reqs, f, hardRequired, cfg, k) => {
          const q = query(reqs, { filters: f, hardRequired });
          const hits = await (await indexOf(pop.evidence, cfg)).retrieve(q, k);
          expect(hits.map(({ candidateId, score }) => ({ candidateId, score }))).toEqual(
            expected(pop, q, cfg, k),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it("scores levels off the tenth grid and above 25 exactly as scoreCandidate", async () => {
    const rescaled = (pop: Population, factor: number): Population => ({
      ids: pop.ids,
      evidence: new Map(
        [...pop.evidence].map(([id, rows]) => [
          id,
          rows.map((r) => ({ ...r, level: r.level === null ? null : r.level * factor })),
        ]),
      ),
    });
    await fc.assert(
      fc.asyncProperty(
        population,
        requirements,
        fc.boolean(),
        fc.constantFrom(1.37, 1 / 3, 7),
        async (pop, reqs, hardRequired, factor) => {
          const scaled = rescaled(pop, factor);
          const q = query(reqs, { hardRequired });
          const hits = await (await indexOf(scaled.evidence)).retrieve(q, 50);
          expect(hits.map(({ candidateId, score }) => ({ candidateId, score }))).toEqual(
            expected(scaled, q, DEFAULT_SCORING, 50),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it("codes a level as its tenths only when that is exact", () => {
    expect([2.3, 0, 25, 2.25, 25.1, -1, null].map(levelCode)).toEqual([
      23,
      0,
      250,
      LEVEL_OTHER,
      LEVEL_OTHER,
      LEVEL_OTHER,
      LEVEL_UNKNOWN,
    ]);
  });

  it("stays exact through removals and re-upserts", async () => {
    await fc.assert(
      fc.asyncProperty(
        population,
        population,
        requirements,
        fc.boolean(),
        async (first, second, reqs, hard) => {
          const index = await indexOf(first.evidence);
          const removed = first.ids.filter((_, i) => i % 2 === 0);
          await index.remove(removed);
          await index.upsert(
            [...second.evidence].map(([id, rows]) => toIndexedCandidate(id, rows, DEFAULT_SCORING)),
          );
          const final = new Map(first.evidence);
          for (const id of removed) final.delete(id);
          for (const [id, rows] of second.evidence) final.set(id, rows);
          const q = query(reqs, { hardRequired: hard });
          const hits = await index.retrieve(q, 50);
          const pop = { ids: [...final.keys()], evidence: final };
          expect(hits.map(({ candidateId, score }) => ({ candidateId, score }))).toEqual(
            expected(pop, q, DEFAULT_SCORING, 50),
          );
          expect((await index.health()).documents).toBe(final.size);
        },
      ),
      { numRuns: 100 },
    );
  });
});
