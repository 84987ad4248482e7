import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Bitset } from "../../src/analysis/bitset.ts";
import { requirementCosts } from "../../src/analysis/requirement-cost.ts";
import { NO_FILTERS } from "../../src/domain/evidence.ts";
import type { Requirement } from "../../src/domain/schemas.ts";
import { DEFAULT_SCORING } from "../../src/scoring/config.ts";
import { scoreCandidate } from "../../src/scoring/score.ts";
import { EmbeddedIndex } from "../../src/search/embedded/index.ts";
import { conformanceTaxonomy, indexedView, makePopulation, NOW_MS } from "../conformance/population.ts";

const taxonomy = conformanceTaxonomy();
const population = makePopulation(600, 11);

const req = (conceptId: string, minLevel: number | null, required = true): Requirement => ({
  conceptId,
  label: taxonomy.get(conceptId)!.label,
  minLevel,
  weight: 1,
  required,
});

async function indexed() {
  const index = new EmbeddedIndex(taxonomy, DEFAULT_SCORING);
  await index.rebuild(indexedView(population, DEFAULT_SCORING));
  return index;
}

/** The naive answer: score every person with the model and count who has no required requirement unmet. */
function qualifiedByScoring(requirements: Requirement[]): number {
  const ctx = { taxonomy, config: DEFAULT_SCORING, nowMs: NOW_MS, filters: NO_FILTERS, hardRequired: false };
  return population.ids.filter(
    (id) => scoreCandidate(requirements, population.evidence.get(id) ?? [], ctx).qualified,
  ).length;
}

function analyse(index: EmbeddedIndex, required: Requirement[]) {
  const q = { nowMs: NOW_MS, filters: NO_FILTERS };
  return requirementCosts(
    index.population(),
    required.map((r) => {
      const lowered = r.minLevel === null ? null : Math.max(0, r.minLevel - 1);
      const [met, metLowered] = index.metSets(r, lowered === null ? [r.minLevel] : [r.minLevel, lowered], q);
      return {
        requirement: r,
        met: met!,
        lowered: lowered === null ? null : { minLevel: lowered, met: metLowered! },
      };
    }),
  );
}

describe("what each requirement costs", () => {
  const position = [req("python", 3), req("data-analysis", 2), req("nursing", null), req("spanish", 4)];

  it("counts exactly what scoring every person for every variant counts", async () => {
    const result = analyse(await indexed(), position);
    expect(result.population).toBe(population.ids.length);
    expect(result.qualified).toBe(qualifiedByScoring(position));
    // not a degenerate population: some qualify, every requirement costs someone
    expect(result.qualified).toBeGreaterThan(0);
    expect(result.costs.every((c) => c.removes > 0)).toBe(true);
    for (const cost of result.costs) {
      const i = position.findIndex((r) => r.conceptId === cost.conceptId);
      const dropped = position.filter((_, j) => j !== i);
      const preferred = position.map((r, j) => (j === i ? { ...r, required: false } : r));
      expect(cost.ifDropped).toBe(qualifiedByScoring(dropped));
      expect(cost.ifPreferred).toBe(qualifiedByScoring(preferred));
      if (cost.ifLowered) {
        const lowered = position.map((r, j) => (j === i ? { ...r, minLevel: cost.ifLowered!.minLevel } : r));
        expect(cost.ifLowered.qualified).toBe(qualifiedByScoring(lowered));
      }
      expect(cost.removes).toBe(cost.otherwiseQualified - result.qualified);
    }
  });

  it("names the requirement that shuts out most people first, in words", async () => {
    const result = analyse(await indexed(), position);
    const removes = result.costs.map((c) => c.removes);
    expect(removes).toEqual([...removes].sort((a, b) => b - a));
    const first = result.costs[0]!;
    expect(result.bottleneck).toBe(first.sentence);
    expect(first.sentence).toMatch(
      new RegExp(
        `^${first.label}( ≥ \\w+)? removes ${first.removes} of ${first.otherwiseQualified} otherwise qualified`,
      ),
    );
  });

  it("with no required requirement everyone qualifies and nothing is a bottleneck", async () => {
    const result = analyse(await indexed(), []);
    expect(result.qualified).toBe(population.ids.length);
    expect(result.bottleneck).toBeNull();
  });

  it("a removed person leaves every met-set", async () => {
    const index = await indexed();
    const before = analyse(index, [req("python", null)]).qualified;
    const holder = population.ids.find((id) =>
      index
        .metSets(req("python", null), [null], { nowMs: NOW_MS, filters: NO_FILTERS })[0]!
        .has(index.ordinalOf(id)!),
    )!;
    await index.remove([holder]);
    const after = analyse(index, [req("python", null)]);
    expect(after.qualified).toBe(before - 1);
    expect(after.population).toBe(population.ids.length - 1);
  });
});

describe("met-sets", () => {
  it("hold exactly the people the model says meet each requirement, at every minimum", async () => {
    const ctx = {
      taxonomy,
      config: DEFAULT_SCORING,
      nowMs: NOW_MS,
      filters: NO_FILTERS,
      hardRequired: false,
    };
    for (const seed of [3, 5, 8]) {
      const pop = makePopulation(400, seed);
      const index = new EmbeddedIndex(taxonomy, DEFAULT_SCORING);
      await index.rebuild(indexedView(pop, DEFAULT_SCORING));
      for (const conceptId of ["python", "data-analysis", "nursing", "excel", "programming"]) {
        const minimums = [null, 0, 1, 2.5, 3, 4, 5];
        const sets = index.metSets(req(conceptId, null), minimums, { nowMs: NOW_MS, filters: NO_FILTERS });
        minimums.forEach((minLevel, m) => {
          const expected = pop.ids.filter(
            (id) => scoreCandidate([req(conceptId, minLevel)], pop.evidence.get(id) ?? [], ctx).qualified,
          );
          expect([...sets[m]!].map((ord) => index.idOf(ord)).sort()).toEqual(expected.sort());
        });
      }
    }
  });
});

describe("Bitset", () => {
  it("counts intersections and differences as sets do", () => {
    const members = fc.array(fc.integer({ min: 0, max: 299 }), { maxLength: 200 });
    fc.assert(
      fc.property(members, members, (xs, ys) => {
        const a = new Bitset(300);
        const b = new Bitset(300);
        for (const x of xs) a.add(x);
        for (const y of ys) b.add(y);
        const sa = new Set(xs);
        const sb = new Set(ys);
        expect(a.count()).toBe(sa.size);
        expect(a.countAnd(b)).toBe([...sa].filter((x) => sb.has(x)).length);
        expect(a.countAndNot(b)).toBe([...sa].filter((x) => !sb.has(x)).length);
        expect([...a]).toEqual([...sa].sort((x, y) => x - y));
      }),
    );
  });
});
