/**
 * The conformance suite every search backend runs (DESIGN.md "Search backends"): the same
 * population, the same positions and recruiter queries; after exact re-scoring by rankCandidates,
 * each backend must return what the exhaustive exact scorer returns — same ids, same scores,
 * same explanations — and a deleted candidate must disappear.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_FILTERS } from "../../src/domain/evidence.ts";
import { MatchOptions, type Requirement } from "../../src/domain/schemas.ts";
import {
  DEFAULT_CANDIDATE_POOL,
  filtersFrom,
  type MatchMode,
  rankCandidates,
} from "../../src/match/index.ts";
import { DEFAULT_SCORING, type ScoringConfig } from "../../src/scoring/config.ts";
import type { CandidateIndex, RetrievalQuery, Retrieved } from "../../src/search/backend.ts";
import type { Taxonomy } from "../../taxonomy/model.ts";
import { conformanceTaxonomy, indexedView, makePopulation, NOW_MS, type Population } from "./population.ts";

/** Candidates retrieved for exact re-scoring: with it, every backend's top 10 is the exact top 10. */
export const CONFORMANCE_POOL = 100;
/** Production's pool (rankCandidates' default): with it, every backend's top 50 is the exact top 50. */
export const PRODUCTION_POOL = DEFAULT_CANDIDATE_POOL;
const POPULATION_SIZE = 400;
const SEED = 20260115;

export interface BackendContext {
  taxonomy: Taxonomy;
  config: ScoringConfig;
}

export type MakeBackend = (ctx: BackendContext) => Promise<CandidateIndex>;

interface Case {
  name: string;
  mode: MatchMode;
  requirements: Requirement[];
  options?: Partial<MatchOptions>;
}

const req = (
  conceptId: string,
  minLevel: number | null = null,
  weight = 1,
  required = false,
): Requirement => ({
  conceptId,
  label: conceptId,
  minLevel,
  weight,
  required,
});

/** An any-of requirement: met by any one of `conceptIds` ("Java or TypeScript"). */
const anyOf = (
  conceptIds: [string, ...string[]],
  minLevel: number | null = null,
  weight = 1,
  required = false,
): Requirement => {
  const [conceptId, ...alternatives] = conceptIds;
  return { ...req(conceptId, minLevel, weight, required), label: conceptIds.join(" or "), alternatives };
};

export const CASES: Case[] = [
  { name: "one skill, no minimum", mode: "match", requirements: [req("python")] },
  { name: "one skill at a minimum", mode: "match", requirements: [req("java", 4)] },
  {
    name: "weighted position",
    mode: "match",
    requirements: [req("python", 3, 3), req("data-analysis", 2, 1), req("spanish", null, 0.5)],
  },
  {
    name: "required requirement disqualifies",
    mode: "match",
    requirements: [req("nursing", 3, 2, true), req("first-aid", null, 1)],
  },
  {
    name: "partial matches listed after qualified",
    mode: "match",
    requirements: [req("excel", 4, 1, true), req("statistics", 3, 1)],
    options: { includePartial: true },
  },
  { name: "broad concept collects narrower evidence", mode: "match", requirements: [req("programming", 3)] },
  {
    name: "verified only",
    mode: "match",
    requirements: [req("python", 2), req("typescript", 2)],
    options: { verifiedOnly: true },
  },
  {
    name: "practiced within 3 years",
    mode: "match",
    requirements: [req("pandas", null, 2), req("excel", 3)],
    options: { practicedWithinYears: 3 },
  },
  {
    name: "recruiter: required skill at a level is a hard filter",
    mode: "search",
    requirements: [req("python", 4, 1, true), req("statistics", null, 1)],
  },
  {
    name: "recruiter: two hard filters, verified",
    mode: "search",
    requirements: [req("programming", 2, 1, true), req("data-analysis", 1, 1, true)],
    options: { verifiedOnly: true },
  },
  {
    name: "any-of: one of two skills, required at a level",
    mode: "match",
    requirements: [anyOf(["java", "typescript"], 3, 2, true), req("statistics", null, 1)],
  },
  {
    name: "any-of: alternatives with shared neighbours, preferred",
    mode: "match",
    requirements: [anyOf(["python", "excel", "nursing"], 2, 1), req("spanish", null, 0.5)],
    options: { includePartial: true },
  },
  {
    name: "recruiter: any-of as a hard filter",
    mode: "search",
    requirements: [anyOf(["django", "spring"], 2, 1, true), req("data-analysis", null, 1)],
  },
  {
    name: "recruiter: licence without level, recent",
    mode: "search",
    requirements: [req("rn-licence", null, 1, true), req("spanish", 2, 1)],
    options: { practicedWithinYears: 10 },
  },
];

/** The exhaustive exact scorer: "retrieves" every candidate, so rankCandidates scores them all. */
function exhaustive(pop: Population): CandidateIndex {
  return {
    name: "embedded",
    upsert: async () => undefined,
    remove: async () => undefined,
    retrieve: async (): Promise<Retrieved[]> =>
      pop.ids.map((candidateId) => ({ candidateId, score: 0, matched: [] })),
    health: async () => ({ backend: "embedded", state: "ok", documents: pop.ids.length }),
    close: async () => undefined,
  };
}

async function ranked(
  index: CandidateIndex,
  pop: Population,
  taxonomy: Taxonomy,
  c: Case,
  limit: number,
  pool = CONFORMANCE_POOL,
) {
  const page = await rankCandidates({
    index,
    requirements: c.requirements,
    options: MatchOptions.parse({ ...c.options, limit }),
    mode: c.mode,
    evidence: (ids) =>
      new Map(ids.flatMap((id) => (pop.evidence.has(id) ? [[id, pop.evidence.get(id)!]] : []))),
    names: (ids) => new Map(ids.map((id) => [id, null])),
    taxonomy,
    config: DEFAULT_SCORING,
    nowMs: NOW_MS,
    candidatePool: pool,
  });
  return page.results;
}

/**
 * First-stage recall of a backend: the share of the exact top k found among the first `depth` it
 * retrieves (depth k: recall@k; 1 when the exact list is empty).
 */
export async function recallAt(
  index: CandidateIndex,
  pop: Population,
  taxonomy: Taxonomy,
  c: Case,
  k: number,
  depth = k,
): Promise<number> {
  const exact = (await ranked(exhaustive(pop), pop, taxonomy, c, k)).map((r) => r.candidateId);
  if (exact.length === 0) return 1;
  const q: RetrievalQuery = {
    requirements: c.requirements,
    filters: filtersFrom(MatchOptions.parse(c.options ?? {}), NOW_MS),
    nowMs: NOW_MS,
    hardRequired: c.mode === "search",
  };
  const got = new Set((await index.retrieve(q, depth)).map((r) => r.candidateId));
  return exact.filter((id) => got.has(id)).length / exact.length;
}

export interface ConformanceOptions {
  /**
   * The backend's first stage is the exact model (embedded): its own top k is the exact top k.
   * Otherwise (Elasticsearch) the first stage estimates — it weighs each requirement by its single
   * strongest piece, not by every voice together — and only the re-scored pool must be exact.
   */
  exactFirstStage: boolean;
}

export function runConformance(name: string, makeBackend: MakeBackend, options: ConformanceOptions): void {
  describe(`conformance: ${name}`, () => {
    const taxonomy = conformanceTaxonomy();
    const pop = makePopulation(POPULATION_SIZE, SEED);
    const exact = exhaustive(pop);
    let index: CandidateIndex;

    beforeAll(async () => {
      index = await makeBackend({ taxonomy, config: DEFAULT_SCORING });
      await index.upsert(indexedView(pop, DEFAULT_SCORING));
    }, 120_000);

    afterAll(async () => {
      await index?.close();
    });

    it("holds every candidate of the population", async () => {
      expect((await index.health()).documents).toBe(POPULATION_SIZE);
    });

    for (const c of CASES)
      it(`top 10 equals the exact scorer's: ${c.name}`, async () => {
        const want = await ranked(exact, pop, taxonomy, c, 10);
        expect(want.length).toBeGreaterThan(0);
        expect(await ranked(index, pop, taxonomy, c, 10)).toEqual(want);
      });

    it(`with a pool of ${PRODUCTION_POOL}, the top 50 equals the exact top 50 for every case`, async () => {
      for (const c of CASES) {
        const want = (await ranked(exact, pop, taxonomy, c, 50)).map((r) => [r.candidateId, r.score]);
        const got = (await ranked(index, pop, taxonomy, c, 50, PRODUCTION_POOL)).map((r) => [
          r.candidateId,
          r.score,
        ]);
        expect({ case: c.name, got }).toEqual({ case: c.name, got: want });
      }
    });

    it(`the first ${PRODUCTION_POOL} retrieved hold the exact top 50 on every case`, async () => {
      for (const c of CASES) {
        const r = await recallAt(index, pop, taxonomy, c, 50, PRODUCTION_POOL);
        expect({ case: c.name, r }).toEqual({ case: c.name, r: 1 });
      }
    });

    if (options.exactFirstStage)
      it("first-stage recall@50 against the exact top 50 is 1 on every case", async () => {
        for (const c of CASES) {
          const r = await recallAt(index, pop, taxonomy, c, 50);
          expect({ case: c.name, r }).toEqual({ case: c.name, r: 1 });
        }
      });

    if (options.exactFirstStage)
      it("retrieves exactly the exact scorer's top k, scores to the bit", async () => {
        for (const c of CASES) {
          const q: RetrievalQuery = {
            requirements: c.requirements,
            filters: filtersFrom(MatchOptions.parse(c.options ?? {}), NOW_MS),
            nowMs: NOW_MS,
            hardRequired: c.mode === "search",
          };
          const want = (
            await ranked(exact, pop, taxonomy, { ...c, options: { ...c.options, includePartial: true } }, 20)
          ).map((r) => [r.candidateId, r.score]);
          const got = (await index.retrieve(q, 20)).map((r) => [r.candidateId, r.score]);
          expect({ case: c.name, got }).toEqual({ case: c.name, got: want });
        }
      });

    it("reports, for each hit, the requirements it matched", async () => {
      const c = CASES[2]!;
      const hits = await index.retrieve(
        {
          requirements: c.requirements,
          filters: NO_FILTERS,
          nowMs: NOW_MS,
          hardRequired: false,
        },
        20,
      );
      const concepts = c.requirements.map((r) => r.conceptId);
      for (const h of hits) {
        expect(h.matched.length).toBeGreaterThan(0);
        expect(h.matched.every((m) => concepts.includes(m))).toBe(true);
      }
    });

    it("a deleted candidate disappears from results", async () => {
      const c = CASES[0]!;
      const top = (await ranked(index, pop, taxonomy, c, 10))[0]!.candidateId;
      await index.remove([top]);
      const ids = (await ranked(index, pop, taxonomy, c, 50)).map((r) => r.candidateId);
      expect(ids).not.toContain(top);
      expect((await index.health()).documents).toBe(POPULATION_SIZE - 1);
    });
  });
}
