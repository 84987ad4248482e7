import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apportionPoints, formatScore, scorePoints } from "../../src/scoring/display.ts";

/** Contributions as the model makes them: non-negative parts of a score in 0…1. */
const contributions = fc
  .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 25 })
  .map((ws) => {
    const total = ws.reduce((s, w) => s + w, 0) || 1;
    return ws.map((w) => (w / total) * ws.length ** -0.5);
  });

describe("how a score is shown", () => {
  it("is whole points out of 100", () => {
    expect(formatScore(0.654)).toBe("65");
    expect(formatScore(0.655)).toBe("66");
    expect(formatScore(1)).toBe("100");
    expect(formatScore(0)).toBe("0");
  });

  it("shows contributions that add up to the total shown, each within a point of its exact value", () => {
    fc.assert(
      fc.property(contributions, (parts) => {
        const total = parts.reduce((s, p) => s + p, 0);
        const points = apportionPoints(parts, total);
        expect(points.reduce((s, p) => s + p, 0)).toBe(scorePoints(total));
        points.forEach((p, i) => {
          expect(Number.isInteger(p)).toBe(true);
          expect(Math.abs(p - parts[i]! * 100)).toBeLessThan(1);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the owed point to the largest remainder (65.2 + 0.6 shows as 65 + 1 = 66)", () => {
    expect(apportionPoints([0.652, 0.006], 0.658)).toEqual([65, 1]);
    expect(apportionPoints([0.3333, 0.3333, 0.3334], 1)).toEqual([33, 33, 34]);
  });
});
