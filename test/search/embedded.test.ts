import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type EvidenceRow, NO_FILTERS } from "../../src/domain/evidence.ts";
import type { Requirement } from "../../src/domain/schemas.ts";
import { DEFAULT_SCORING, ScoringConfig } from "../../src/scoring/config.ts";
import { toIndexedCandidate } from "../../src/scoring/indexed.ts";
import { compareRanked } from "../../src/scoring/ranking-order.ts";
import { scoreCandidate } from "../../src/scoring/score.ts";
import type { RetrievalQuery } from "../../src/search/backend.ts";
import { EmbeddedIndex } from "../../src/search/embedded/index.ts";
import { LEVEL_OTHER, LEVEL_UNKNOWN, levelCode } from "../../src/search/embedded/postings.ts";
import {
  config,
  evidenceRow,
  type Population,
  population,
  requirements,
  search,
} from "../scoring/arbitraries.ts";
import { NOW, req, row, taxonomy } from "../scoring/fixtures.ts";

const query = (reqs: Requirement[], overrides: Partial<RetrievalQuery> = {}): RetrievalQuery => ({
  requirements: reqs,
  filters: NO_FILTERS,
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
    .map((s) => ({
      candidateId: s.candidateId,
      score: s.score,
      matched: s.explanation.requirements.filter((r) => r.basis !== "none").map((r) => r.conceptId),
      exact: { unmetRequired: s.unmetRequired, levelSurplus: s.levelSurplus },
    }));
}

/** scoreCandidate for one candidate under the default model, without filters. */
function exact(reqs: Requirement[], rows: EvidenceRow[], overrides: Partial<RetrievalQuery> = {}) {
  const q = query(reqs, overrides);
  return scoreCandidate(reqs, rows, {
    taxonomy,
    config: DEFAULT_SCORING,
    nowMs: q.nowMs,
    filters: q.filters,
    hardRequired: q.hardRequired,
  });
}

describe("EmbeddedIndex", () => {
  it("retrieves the candidates holding the skill or a neighbour, best first", async () => {
    const ann = row({ candidateId: "ann", conceptId: "python", level: 5, sourceKind: "verified-credential" });
    const bob = row({ candidateId: "bob", conceptId: "django", level: 3 });
    const index = await indexOf(
      new Map([
        ["ann", [ann]],
        ["bob", [bob]],
        ["cat", [row({ candidateId: "cat", conceptId: "welding", level: 5 })]],
      ]),
    );
    const position = [req("python"), req("docker")];
    const hits = await index.retrieve(query(position), 10);
    expect(hits.map((h) => h.candidateId)).toEqual(["ann", "bob"]);
    // Ann's Python also speaks, by its co-occurrence, for Docker; Bob's Django is narrower than
    // Python and says nothing about Docker
    expect(hits[0]?.score).toBe(exact(position, [ann]).score);
    expect(hits[1]?.score).toBe(exact(position, [bob]).score);
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

  it("does not retrieve a tree sibling that is not measured to go with the asked skill", async () => {
    const index = await indexOf(
      new Map([["ann", [row({ candidateId: "ann", conceptId: "java", level: 5 })]]]),
    );
    expect(await index.retrieve(query([req("go")]), 10)).toEqual([]);
  });

  it("retrieves only the skill itself when expansion is off", async () => {
    const off = ScoringConfig.parse({ expansion: false });
    const evidence = new Map([
      ["ann", [row({ candidateId: "ann", conceptId: "python", level: 2 })]],
      ["bob", [row({ candidateId: "bob", conceptId: "django", level: 5 })]],
      ["cat", [row({ candidateId: "cat", conceptId: "docker", level: 5 })]],
    ]);
    const hits = await (await indexOf(evidence, off)).retrieve(query([req("python")]), 10);
    expect(hits.map((h) => h.candidateId)).toEqual(["ann"]);
  });

  it("drops a removed candidate and replaces one upserted again", async () => {
    const index = await indexOf(
      new Map([
        ["ann", [row({ candidateId: "ann", conceptId: "go", level: 2 })]],
        ["bob", [row({ candidateId: "bob", conceptId: "go", level: 4 })]],
      ]),
    );
    await index.remove(["bob"]);
    const docker = row({ candidateId: "ann", conceptId: "docker", level: 4 });
    await index.upsert([toIndexedCandidate("ann", [docker], DEFAULT_SCORING)]);
    expect(await index.retrieve(query([req("go")]), 10)).toEqual([]);
    expect(await index.retrieve(query([req("python")]), 10)).toEqual([
      {
        candidateId: "ann",
        score: exact([req("python")], [docker]).score,
        matched: ["python"],
        exact: { unmetRequired: 0, levelSurplus: exact([req("python")], [docker]).levelSurplus },
      },
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

  it("keeps disqualified candidates after the qualified ones in a match, however high their score", async () => {
    const almost = (issuer: string) =>
      row({ candidateId: "bob", conceptId: "python", level: 3.5, sourceKind: "verified-credential", issuer });
    const index = await indexOf(
      new Map([
        ["ann", [row({ candidateId: "ann", conceptId: "python", level: 4, sourceKind: "self-asserted" })]],
        ["bob", [almost("Acme"), almost("Globex"), almost("Initech")]],
        ["cat", [row({ candidateId: "cat", conceptId: "docker", level: 5 })]],
      ]),
    );
    const hits = await index.retrieve(query([req("python", { minLevel: 4, required: true })]), 10);
    expect(hits.map((h) => h.candidateId)).toEqual(["ann", "bob", "cat"]);
    expect(hits[1]?.score).toBeGreaterThan(hits[0]?.score ?? 1);
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
        search,
        fc.integer({ min: 1, max: 25 }),
        async (pop, { requirements: reqs, filters: f, hardRequired, config: cfg }, k) => {
          const q = query(reqs, { filters: f, hardRequired });
          const index = await indexOf(pop.evidence, cfg);
          const hits = await index.retrieve(q, k);
          expect(hits).toEqual(expected(pop, q, cfg, k));
          expect(index.retrieveSync(q, k, "exhaustive")).toEqual(hits);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("returns exhaustive scoring's top k and pool count in a crowd, query after query on one index", async () => {
    // many candidates on a few concepts, so bounds tie, pruning matters and the scratch is reused
    const concepts = ["python", "django", "docker", "kubernetes", "java", "programming"];
    const crowdRow = evidenceRow("x").chain((r) =>
      fc
        .record({ conceptId: fc.constantFrom(...concepts), level: fc.constantFrom(null, 1, 2, 3, 3.5, 4, 5) })
        .map((o): EvidenceRow => ({ ...r, ...o })),
    );
    const crowd = fc
      .array(fc.array(crowdRow, { maxLength: 6 }), { minLength: 20, maxLength: 100 })
      .map((lists): Population => {
        const ids = lists.map((_, i) => `c${String(i).padStart(3, "0")}`);
        return {
          ids,
          evidence: new Map(
            ids.map((id, i) => [id, (lists[i] ?? []).map((r) => ({ ...r, candidateId: id }))]),
          ),
        };
      });
    const position = fc
      .array(
        fc.record({
          conceptId: fc.constantFrom(...concepts),
          minLevel: fc.constantFrom(null, 2, 3, 4),
          weight: fc.constantFrom(0.5, 1, 2),
          required: fc.boolean(),
        }),
        { minLength: 1, maxLength: 4 },
      )
      .map((rs) => rs.map((r, i) => req(r.conceptId, { ...r, required: r.required || i === 0 })));
    const search = fc.record({
      reqs: position,
      verifiedOnly: fc.boolean(),
      hardRequired: fc.boolean(),
      k: fc.integer({ min: 1, max: 10 }),
      pool: fc.integer({ min: 1, max: 120 }),
    });
    let leftTermsUnsearched = 0;
    await fc.assert(
      fc.asyncProperty(
        crowd,
        config,
        fc.array(search, { minLength: 1, maxLength: 4 }),
        async (pop, cfg, searches) => {
          const index = await indexOf(pop.evidence, cfg);
          for (const { reqs, verifiedOnly, hardRequired, k, pool } of searches) {
            const q = query(reqs, { filters: { verifiedOnly, practicedSinceMs: null }, hardRequired });
            expect(await index.retrieve(q, k)).toEqual(expected(pop, q, cfg, k));
            // MaxScore may leave terms unsearched: the pool count must not notice
            const pruned = await index.retrievePage(q, k, pool);
            if (index.lastWalk.searched < index.lastWalk.terms) leftTermsUnsearched++;
            index.mode = "exhaustive";
            expect(await index.retrievePage(q, k, pool)).toEqual(pruned);
            index.mode = "pruned";
          }
        },
      ),
      { numRuns: 60 },
    );
    expect(leftTermsUnsearched).toBeGreaterThan(0); // the MaxScore cut-off was exercised
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
          expect(hits).toEqual(expected(scaled, q, DEFAULT_SCORING, 50));
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
          expect(hits).toEqual(expected(pop, q, DEFAULT_SCORING, 50));
          expect((await index.health()).documents).toBe(final.size);
        },
      ),
      { numRuns: 100 },
    );
  });
});
