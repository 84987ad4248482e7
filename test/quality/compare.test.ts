import { describe, expect, it } from "vitest";
import { bootstrapMean, comparePaired, randomisationTest } from "../../src/quality/compare.ts";

const a = [0.2, 0.4, 0.5, 0.3, 0.6, 0.1, 0.4, 0.5, 0.2, 0.3];

describe("paired comparison", () => {
  it("finds a consistent improvement significant", () => {
    const b = a.map((x) => x + 0.1);
    expect(randomisationTest(a, b, { iterations: 2000 })).toBeLessThan(0.01);
  });

  it("finds identical systems not different (p = 1)", () => {
    expect(randomisationTest(a, a, { iterations: 500 })).toBe(1);
  });

  it("gives the exact two-sided p on a tiny case", () => {
    // differences +1, +1: of the 4 sign patterns, 2 have |mean| = 1 → p ≈ 0.5
    const p = randomisationTest([0, 0], [1, 1], { iterations: 20_000, seed: 3 });
    expect(p).toBeGreaterThan(0.48);
    expect(p).toBeLessThan(0.52);
  });

  it("is reproducible for a seed", () => {
    const b = [0.3, 0.3, 0.6, 0.2, 0.7, 0.2, 0.3, 0.6, 0.2, 0.4];
    expect(comparePaired(a, b, { seed: 9, iterations: 1000 })).toEqual(
      comparePaired(a, b, { seed: 9, iterations: 1000 }),
    );
  });

  it("brackets the mean with the bootstrap interval", () => {
    const ci = bootstrapMean(a, { iterations: 2000 });
    expect(ci.mean).toBeCloseTo(0.35, 12);
    expect(ci.low).toBeLessThan(0.35);
    expect(ci.high).toBeGreaterThan(0.35);
    expect(ci.low).toBeGreaterThan(0.2);
  });

  it("gives a zero-width interval for a constant difference", () => {
    const ci = comparePaired(
      a,
      a.map((x) => x + 0.25),
      { iterations: 300 },
    );
    expect(ci.low).toBeCloseTo(0.25, 12);
    expect(ci.high).toBeCloseTo(0.25, 12);
  });

  it("rejects unpaired samples", () => {
    expect(() => comparePaired([1], [1, 2])).toThrow(RangeError);
  });
});
