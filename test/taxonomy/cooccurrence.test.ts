import fc from "fast-check";
import { similarity } from "ml-distance";
import { describe, expect, it } from "vitest";
import { cooccurrenceFromOccupations, occupationPostings } from "../../taxonomy/cooccurrence.ts";
import { buildTaxonomy } from "../../taxonomy/graph.ts";

const PROFILES = [
  { essential: ["postgresql", "sql", "linux"], optional: ["python"] },
  { essential: ["mysql", "sql", "php"], optional: ["linux"] },
  { essential: ["postgresql", "mysql", "sql"], optional: [] },
  { essential: ["nursing", "patient-care"], optional: ["first-aid"] },
  { essential: ["patient-care", "first-aid"], optional: [] },
];

/** Dense occupation vectors for one concept, as ml-distance wants them. */
function denseVector(profiles: typeof PROFILES, concept: string, weighting: "idf" | "none"): number[] {
  const { ids, byOccupation } = occupationPostings(profiles, { weighting });
  const index = ids.indexOf(concept);
  return byOccupation.map((entries) => entries.find((e) => e.concept === index)?.weight ?? 0);
}

describe("co-occurrence similarity", () => {
  it("relates PostgreSQL and MySQL through the occupations that ask for both", () => {
    const co = cooccurrenceFromOccupations(PROFILES);
    expect(co.get("postgresql")?.get("mysql")).toBeGreaterThan(0.3);
    expect(co.get("mysql")?.get("postgresql")).toBeCloseTo(co.get("postgresql")!.get("mysql")!, 12);
  });

  it("never relates skills of occupations that share nothing", () => {
    const co = cooccurrenceFromOccupations(PROFILES, { threshold: 0 });
    expect(co.get("postgresql")?.has("nursing")).toBe(false);
    expect(co.get("nursing")?.has("sql")).toBe(false);
  });

  it("measures the same cosine as ml-distance on dense vectors", () => {
    for (const weighting of ["idf", "none"] as const) {
      const co = cooccurrenceFromOccupations(PROFILES, { weighting, threshold: 0 });
      const expected = similarity.cosine(
        denseVector(PROFILES, "postgresql", weighting),
        denseVector(PROFILES, "linux", weighting),
      );
      expect(co.get("postgresql")?.get("linux")).toBeCloseTo(expected, 12);
    }
  });

  it("weighs an optional listing at half an essential one", () => {
    const { ids, byOccupation } = occupationPostings([{ essential: ["a"], optional: ["b"] }], {
      weighting: "none",
    });
    expect(byOccupation[0]!.map((e) => [ids[e.concept], e.weight])).toEqual([
      ["b", 0.5],
      ["a", 1],
    ]);
  });

  it("keeps the top N neighbours, best first", () => {
    const co = cooccurrenceFromOccupations(PROFILES, { topN: 2, threshold: 0 });
    const sql = [...co.get("sql")!.values()];
    expect(sql).toHaveLength(2);
    expect(sql[0]).toBeGreaterThanOrEqual(sql[1]!);
  });

  it("drops pairs at or below the threshold", () => {
    const co = cooccurrenceFromOccupations(PROFILES, { threshold: 0.99 });
    for (const neighbours of co.values())
      for (const c of neighbours.values()) expect(c).toBeGreaterThan(0.99);
  });

  it("gives buildTaxonomy a cooccurrence relation with the measured strength", () => {
    const co = cooccurrenceFromOccupations(PROFILES);
    const taxonomy = buildTaxonomy(
      ["postgresql", "mysql", "sql", "linux", "php", "python"].map((id) => ({
        id,
        label: id,
        type: "skill",
      })),
      { cooccurrence: co },
    );
    expect(taxonomy.relation("postgresql", "mysql")).toEqual({
      relation: "cooccurrence",
      strength: co.get("postgresql")!.get("mysql")!,
    });
    expect(taxonomy.neighbourhood("postgresql")).toContain("mysql");
  });

  it("is symmetric and within (0, 1] for any profiles", () => {
    const skill = fc.constantFrom("a", "b", "c", "d", "e", "f");
    const profile = fc.record({
      essential: fc.uniqueArray(skill, { maxLength: 4 }),
      optional: fc.uniqueArray(skill, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(profile, { maxLength: 6 }), (profiles) => {
        const co = cooccurrenceFromOccupations(profiles, { threshold: 0, topN: 10 });
        for (const [a, neighbours] of co)
          for (const [b, cosine] of neighbours) {
            expect(cosine).toBeGreaterThan(0);
            expect(cosine).toBeLessThanOrEqual(1);
            expect(co.get(b)?.get(a)).toBeCloseTo(cosine, 12);
          }
      }),
    );
  });
});
