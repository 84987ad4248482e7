import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LerError } from "../../src/domain/errors.ts";
import type { EvidenceRow } from "../../src/domain/evidence.ts";
import { MatchOptions, type Requirement } from "../../src/domain/schemas.ts";
import { explainOne, type RankingInputs, rankCandidates, rankingOnly } from "../../src/match/rank.ts";
import { DEFAULT_SCORING } from "../../src/scoring/config.ts";
import { toIndexedCandidate } from "../../src/scoring/indexed.ts";
import { compareRanked } from "../../src/scoring/ranking-order.ts";
import { scoreCandidate } from "../../src/scoring/score.ts";
import type { CandidateIndex, RetrievalQuery, Retrieved } from "../../src/search/backend.ts";
import { EmbeddedIndex } from "../../src/search/embedded/index.ts";
import { population, requirements } from "../scoring/arbitraries.ts";
import { NOW, req, row, scoringContext, taxonomy } from "../scoring/fixtures.ts";

const people: Record<string, { name: string | null; rows: EvidenceRow[] }> = {
  ann: {
    name: "Ann",
    rows: [row({ candidateId: "ann", conceptId: "python", level: 5, sourceKind: "verified-credential" })],
  },
  bob: { name: "Bob", rows: [row({ candidateId: "bob", conceptId: "python", level: 2 })] },
  cat: { name: null, rows: [row({ candidateId: "cat", conceptId: "django", level: 4 })] },
  dan: { name: "Dan", rows: [row({ candidateId: "dan", conceptId: "welding", level: 5 })] },
};

function inputs(evidence: Map<string, EvidenceRow[]>, names: Map<string, string | null>) {
  return {
    evidence: (ids: readonly string[], concepts?: readonly string[]) =>
      new Map(
        ids.map((id) => [
          id,
          (evidence.get(id) ?? []).filter((r) => !concepts || concepts.includes(r.conceptId ?? "")),
        ]),
      ),
    names: (ids: readonly string[]) =>
      new Map(ids.filter((id) => names.has(id)).map((id) => [id, names.get(id) ?? null])),
    taxonomy,
    config: DEFAULT_SCORING,
    nowMs: NOW,
  };
}

const evidence = new Map(Object.entries(people).map(([id, p]) => [id, p.rows]));
const names = new Map(Object.entries(people).map(([id, p]) => [id, p.name]));

async function embedded(ev: Map<string, EvidenceRow[]>, order: readonly string[] = [...ev.keys()]) {
  const index = new EmbeddedIndex(taxonomy, DEFAULT_SCORING);
  await index.upsert(order.map((id) => toIndexedCandidate(id, ev.get(id) ?? [], DEFAULT_SCORING)));
  return index;
}

/** The same index, its exact ranking keys withheld: a backend that only estimates. */
const estimatesOnly = (index: EmbeddedIndex): CandidateIndex =>
  Object.assign(Object.create(index) as EmbeddedIndex, {
    retrievePage: undefined,
    retrieve: async (q: RetrievalQuery, k: number) =>
      (await index.retrieve(q, k)).map(({ exact: _, ...hit }) => hit),
  });

/** A match for Python over the four people, `limit` to a page, on the embedded index. */
const pythonPage = async (limit: number) => ({
  requirements: [req("python")],
  options: MatchOptions.parse({ limit }),
  mode: "match" as const,
  index: await embedded(evidence),
  ...inputs(evidence, names),
});

/** What a request pages by, and how required requirements count. */
const paging = fc.record({
  includePartial: fc.boolean(),
  mode: fc.constantFrom<"match" | "search">("match", "search"),
  offset: fc.integer({ min: 0, max: 6 }),
  limit: fc.integer({ min: 1, max: 8 }),
});

async function rank(
  requirementsList: Requirement[],
  options: Partial<MatchOptions> = {},
  mode: "match" | "search" = "match",
  index?: CandidateIndex,
) {
  return rankCandidates({
    requirements: requirementsList,
    options: MatchOptions.parse(options),
    mode,
    index: index ?? (await embedded(evidence)),
    ...inputs(evidence, names),
  });
}

describe("rankCandidates", () => {
  it("ranks with names, ranks and explanations", async () => {
    const page = await rank([req("python", { minLevel: 3 })]);
    expect(page.total).toBe(3);
    expect(page.results.map((r) => [r.rank, r.candidateId, r.name])).toEqual([
      [1, "ann", "Ann"],
      [2, "cat", null],
      [3, "bob", "Bob"],
    ]);
    expect(page.results[0]?.explanation.summary).toBe("meets 1 of 1 · 1 of 1 verified");
  });

  it("pages with offset and limit, keeping ranks absolute", async () => {
    const page = await rank([req("python")], { offset: 1, limit: 1 });
    expect(page.results.map((r) => [r.rank, r.candidateId])).toEqual([[2, "cat"]]);
  });

  it("drops disqualified candidates unless partial matches are asked for", async () => {
    const required = [req("python", { minLevel: 4, required: true })];
    expect((await rank(required)).results.map((r) => r.candidateId)).toEqual(["ann", "cat"]);
    const partial = await rank(required, { includePartial: true });
    expect(partial.results.map((r) => [r.candidateId, r.qualified])).toEqual([
      ["ann", true],
      ["cat", true],
      ["bob", false],
    ]);
  });

  it("puts the disqualified closest to qualifying first, whatever their scores", async () => {
    const two = [req("python", { required: true }), req("kubernetes", { required: true }), req("welding")];
    const page = await rank(two, { includePartial: true });
    // nobody has Kubernetes; Dan, who has neither, ranks last despite his expert welding
    expect(page.results.map((r) => [r.candidateId, r.unmetRequired])).toEqual([
      ["ann", 1],
      ["cat", 1],
      ["bob", 1],
      ["dan", 2],
    ]);
    expect(page.results.at(-1)?.score).toBeGreaterThan(page.results.at(-2)?.score ?? 1);
  });

  it("never returns candidates failing a hard filter in search", async () => {
    const page = await rank(
      [req("python", { minLevel: 5, required: true })],
      { includePartial: true },
      "search",
    );
    expect(page.results.map((r) => r.candidateId)).toEqual(["ann"]);
  });

  it("re-scores exactly whatever the backend estimated, dropping hits without evidence", async () => {
    const guessing: CandidateIndex = {
      name: "elasticsearch",
      upsert: async () => {},
      remove: async () => {},
      retrieve: async (): Promise<Retrieved[]> =>
        ["bob", "dan", "ann"].map((candidateId) => ({ candidateId, score: 1, matched: [] })),
      health: async () => ({ backend: "elasticsearch", state: "ok", documents: 3 }),
      close: async () => {},
    };
    const page = await rank([req("python")], {}, "match", guessing);
    const exact = (id: string) =>
      scoreCandidate([req("python")], evidence.get(id) ?? [], scoringContext()).score;
    expect(page.results.map((r) => [r.candidateId, r.score])).toEqual([
      ["ann", exact("ann")],
      ["bob", exact("bob")],
    ]);
    expect(page.total).toBe(2);
  });

  it("ranks the same whatever order candidates were indexed in", async () => {
    await fc.assert(
      fc.asyncProperty(
        population.chain((pop) =>
          fc.tuple(fc.constant(pop), fc.shuffledSubarray(pop.ids, { minLength: pop.ids.length })),
        ),
        requirements,
        fc.boolean(),
        async ([pop, shuffled], reqs, includePartial) => {
          const run = async (order: readonly string[]) =>
            (
              await rankCandidates({
                requirements: reqs,
                options: MatchOptions.parse({ includePartial, limit: 50 }),
                mode: "match",
                index: await embedded(pop.evidence, order),
                ...inputs(pop.evidence, new Map(pop.ids.map((id) => [id, null]))),
              })
            ).results.map((r) => [r.candidateId, r.score]);
          expect(await run(shuffled)).toEqual(await run(pop.ids));
        },
      ),
      { numRuns: 60 },
    );
  });
  it("cuts the page from an exact backend's ranking, reading only evidence that bears on the position, as re-scoring the whole pool over all its evidence would", async () => {
    await fc.assert(
      fc.asyncProperty(
        population,
        requirements,
        paging,
        fc.integer({ min: 1, max: 12 }),
        async (pop, reqs, { mode, ...options }, candidatePool) => {
          const index = await embedded(pop.evidence);
          // rankCandidates must re-score the pool of a backend that only estimates
          const given = inputs(pop.evidence, new Map(pop.ids.map((id) => [id, id.toUpperCase()])));
          const run = async (backend: CandidateIndex, evidence: RankingInputs["evidence"]) =>
            rankCandidates({
              requirements: reqs,
              options: MatchOptions.parse(options),
              mode,
              index: backend,
              candidatePool,
              ...given,
              evidence,
            });
          const everything = (ids: readonly string[]) => given.evidence(ids);
          expect(await run(index, given.evidence)).toEqual(await run(estimatesOnly(index), everything));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("explains only the page of an estimating backend's pool, the page explaining every pooled candidate would give", async () => {
    await fc.assert(
      fc.asyncProperty(
        population.chain((pop) => fc.tuple(fc.constant(pop), fc.shuffledSubarray(pop.ids))),
        requirements,
        fc.boolean(),
        fc.constantFrom<"match" | "search">("match", "search"),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 8 }),
        async ([pop, pooled], reqs, includePartial, mode, offset, limit) => {
          const guessing: CandidateIndex = {
            name: "elasticsearch",
            upsert: async () => {},
            remove: async () => {},
            retrieve: async () => pooled.map((candidateId) => ({ candidateId, score: 1, matched: [] })),
            health: async () => ({ backend: "elasticsearch", state: "ok", documents: pooled.length }),
            close: async () => {},
          };
          const page = await rankCandidates({
            requirements: reqs,
            options: MatchOptions.parse({ includePartial, offset, limit }),
            mode,
            index: guessing,
            ...inputs(pop.evidence, new Map(pop.ids.map((id) => [id, null]))),
          });
          const ctx = scoringContext({ hardRequired: mode === "search" });
          const explained = pooled
            .map((id) => scoreCandidate(reqs, pop.evidence.get(id) ?? [], { ...ctx, candidateId: id }))
            .filter((s) => s.explanation.found.length > 0);
          const shown = explained
            .filter((s) => s.qualified || (includePartial && mode === "match"))
            .sort(compareRanked)
            .slice(offset, offset + limit);
          expect(page.total).toBe(explained.length);
          expect(page.results.map(({ name: _, rank: __, ...result }) => result)).toEqual(shown);
          expect(page.results.map((r) => r.rank)).toEqual(shown.map((_, i) => offset + i + 1));
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each([
    [2, { total: 2, totalExact: false }],
    [3, { total: 3, totalExact: false }],
    [4, { total: 3, totalExact: true }],
  ])(
    "counts those with evidence up to a pool of %i, and says when the count stopped there",
    async (pool, count) => {
      for (const backend of [await embedded(evidence), estimatesOnly(await embedded(evidence))]) {
        const page = await rankCandidates({ ...(await pythonPage(1)), index: backend, candidatePool: pool });
        expect({ total: page.total, totalExact: page.totalExact }).toEqual(count);
      }
    },
  );

  it("reads evidence only for the page when the backend scored exactly", async () => {
    const read: string[] = [];
    const page = await rankCandidates({
      ...(await pythonPage(1)),
      evidence: (ids) => {
        read.push(...ids);
        return new Map(ids.map((id) => [id, evidence.get(id) ?? []]));
      },
    });
    expect(page.results.map((r) => r.candidateId)).toEqual(["ann"]);
    expect(page.total).toBe(3);
    expect(read).toEqual(["ann"]);
  });
});

describe("rankingOnly", () => {
  it("ranks the same people, in the same order, with the same keys and total as the explained ranking, bit for bit", async () => {
    const cases = fc.record({ pop: population, reqs: requirements, page: paging, exact: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(cases, async ({ pop, reqs, page: { mode, ...options }, exact }) => {
        const index = await embedded(pop.evidence);
        const args = {
          requirements: reqs,
          options: MatchOptions.parse(options),
          mode,
          index: exact ? index : estimatesOnly(index),
          ...inputs(pop.evidence, new Map(pop.ids.map((id) => [id, id.toUpperCase()]))),
        };
        const explained = await rankCandidates(args);
        expect(await rankingOnly(args)).toEqual({
          total: explained.total,
          totalExact: explained.totalExact,
          results: explained.results.map(({ explanation: _, ...keys }) => keys),
        });
      }),
      { numRuns: 200 },
    );
  });

  it("reads no evidence when the backend scored exactly", async () => {
    const page = await rankingOnly({
      ...(await pythonPage(2)),
      evidence: () => {
        throw new Error("read evidence");
      },
    });
    expect(page.results.map((r) => [r.rank, r.candidateId, r.name])).toEqual([
      [1, "ann", "Ann"],
      [2, "cat", null],
    ]);
    expect(page.total).toBe(3);
  });
});

describe("explainOne", () => {
  const base = (candidateId: string): RankingInputs & { candidateId: string } => ({
    candidateId,
    requirements: [req("python", { minLevel: 4, required: true })],
    options: MatchOptions.parse({}),
    mode: "match",
    ...inputs(evidence, names),
  });

  it("explains a candidate no backend would retrieve", () => {
    const result = explainOne(base("dan"));
    expect(result).toMatchObject({ candidateId: "dan", name: "Dan", rank: 0, score: 0, qualified: false });
    expect(result.explanation.disqualifiedBy).toEqual(["Python"]);
  });

  it("rejects an unknown candidate with not_found", () => {
    expect(() => explainOne(base("zed"))).toThrow(expect.objectContaining({ code: "not_found" }) as LerError);
  });
});
