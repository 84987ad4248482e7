import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isLerError } from "../../src/domain/errors.ts";
import { normaliseLevel, SCALES } from "../../taxonomy/scales/index.ts";
import type { ScaleHint } from "../../taxonomy/scales/types.ts";

const level = (raw: string | number | null, hint: ScaleHint | null = null) => normaliseLevel(raw, hint).level;

describe("named scales pin their anchors", () => {
  const anchors: [string, (string | number)[], number[]][] = [
    ["dreyfus", ["novice", "advanced beginner", "competent", "proficient", "expert"], [1, 2, 3, 4, 5]],
    ["benner", ["Novice", "Expert"], [1, 5]],
    ["sfia", [1, 2, 3, 4, 5, 6, 7], [1, 2, 3, 4, 4, 5, 5]],
    ["sfia", ["Follow", "Enable", "Set strategy, inspire, mobilise"], [1, 4, 5]],
    ["cefr", ["A1", "A2", "B1", "B2", "C1", "C2", "native"], [1, 2, 3, 3.5, 4, 5, 5]],
    ["onet-level", [0, 1, 2, 3, 4, 5, 6, 7], [0, 1, 1, 2, 3, 4, 5, 5]],
    ["nih", ["Fundamental Awareness", "Novice", "Intermediate", "Advanced", "Expert"], [1, 2, 3, 4, 5]],
    ["nih", [1, 5], [1, 5]],
    ["dod", ["basic", "intermediate", "advanced", "expert"], [2, 3, 4, 5]],
    ["ilr", ["0", "0+", "1", "2+", "3", "4+", "5"], [0, 0.5, 1, 2.5, 3, 4.5, 5]],
    [
      "linkedin",
      [
        "Elementary proficiency",
        "Limited working proficiency",
        "Professional working proficiency",
        "Full professional proficiency",
        "Native or bilingual proficiency",
      ],
      [1, 2, 3, 4, 5],
    ],
    ["letter", ["F", "D", "C", "C+", "B", "B+", "A-", "A", "A+"], [0, 1, 2, 2.5, 3.5, 4, 4.5, 5, 5]],
    ["words", ["familiar", "basic", "working knowledge", "intermediate", "proficient"], [1, 2, 2, 3, 3]],
    ["words", ["fluent", "advanced", "native", "expert", "master"], [4, 4, 5, 5, 5]],
    ["rating-5", [1, 2, 3, 4, 5], [1, 2, 3, 4, 5]],
    ["rating-10", [1, 10, "5.5"], [1, 5, 3]],
    ["percent", [0, 50, "80%", 100], [0, 2.5, 4, 5]],
    ["years", [0, 0.5, 1, 2, 3, 5, 7, 8, 20], [1, 1, 2, 2, 3, 4, 4, 5, 5]],
    ["years", ["5+ years", "18 months", "10 yrs"], [4, 2, 5]],
    ["canonical", [0, 3, 5], [0, 3, 5]],
  ];
  it.each(anchors)("%s maps %j to %j", (scale, raws, expected) => {
    expect(raws.map((r) => level(r, { scale }))).toEqual(expected);
  });
});

describe("stated ranges and rubrics", () => {
  it("maps a score with min/max linearly, 0-based ranges starting at none", () => {
    expect([0, 10, 20].map((r) => level(r, { min: 0, max: 20 }))).toEqual([0, 2.5, 5]);
    expect([1, 4, 7].map((r) => level(r, { min: 1, max: 7 }))).toEqual([1, 3, 5]);
  });

  it("maps a rubric's ordered levels from 1 (lowest) to 5 (highest)", () => {
    const hint = { levels: ["Bronze", "Silver", "Gold"] };
    expect(["bronze", "Silver", "GOLD"].map((r) => level(r, hint))).toEqual([1, 3, 5]);
    expect(normaliseLevel("Silver", hint).scale).toBe("rubric");
  });

  it("rejects a value outside the stated range", () => {
    expect(() => normaliseLevel(6, { min: 1, max: 5 })).toThrow(/outside the stated range/);
  });
});

describe("inference from the value", () => {
  it.each([
    ["B2", 3.5, "cefr"],
    ["c1", 4, "cefr"],
    ["B2 (upper intermediate)", 3.5, "cefr"],
    ["3/5", 3, "fraction"],
    ["7 out of 10", 3.5, "fraction"],
    ["80%", 4, "percent"],
    ["5+ years", 4, "years"],
    ["Full professional proficiency", 4, "linkedin"],
    ["Working knowledge", 2, "words"],
    ["very good command of", 4, "words"],
    ["A+", 5, "letter"],
    [4, 4, "canonical"],
    [8, 4.11, "rating-10"],
    [65, 3.25, "percent"],
  ] as const)("%j → %d on %s", (raw, expected, scale) => {
    expect(normaliseLevel(raw, null)).toEqual({ level: expected, scale, raw: String(raw) });
  });

  it("returns level null for null and empty text", () => {
    expect(normaliseLevel(null, null)).toEqual({ level: null, scale: null, raw: null });
    expect(normaliseLevel("  ", { scale: "cefr" })).toEqual({ level: null, scale: null, raw: null });
  });

  it("throws unknown_scale naming the value for an unknown word", () => {
    try {
      normaliseLevel("galactic", null);
      expect.unreachable();
    } catch (e) {
      expect(isLerError(e) && e.code).toBe("unknown_scale");
      expect((e as Error).message).toContain('"galactic"');
    }
  });

  it("throws unknown_scale for an unknown scale name and for a value not on the named scale", () => {
    expect(() => normaliseLevel("3", { scale: "no-such-scale" })).toThrow(/unknown scale "no-such-scale"/);
    expect(() => normaliseLevel("Z9", { scale: "cefr" })).toThrow(/not a level of the "cefr" scale/);
  });
});

describe("properties", () => {
  const inRange = (n: number | null) => n === null || (n >= 0 && n <= 5);

  it("every output is null or within 0–5, or the input is rejected with unknown_scale", () => {
    const raw = fc.oneof(
      fc.string(),
      fc.double({ noNaN: false }),
      fc.integer({ min: -50, max: 500 }),
      fc.constant(null),
    );
    const hint = fc.oneof(
      fc.constant(null),
      fc.constantFrom(...SCALES.map((s) => ({ scale: s.id }))),
      fc.record({ min: fc.integer({ min: -5, max: 5 }), max: fc.integer({ min: 6, max: 200 }) }),
    );
    fc.assert(
      fc.property(raw, hint, (r, h) => {
        try {
          return inRange(normaliseLevel(r, h).level);
        } catch (e) {
          return isLerError(e) && e.code === "unknown_scale";
        }
      }),
      { numRuns: 500 },
    );
  });

  it("is monotone in the raw order of every ordinal scale", () => {
    for (const scale of SCALES)
      if (scale.kind === "ordinal") {
        const values = scale.levels.map(([names]) => level(names[0] ?? "", { scale: scale.id }) ?? -1);
        expect(values, scale.id).toEqual([...values].sort((a, b) => a - b));
      }
  });

  it("is monotone on numeric ranges and years", () => {
    const ranged = SCALES.filter((s) => s.kind === "range");
    fc.assert(
      fc.property(
        fc.constantFrom(...ranged),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (s, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const at = (t: number) => level(s.min + t * (s.max - s.min), { scale: s.id }) ?? -1;
          return at(lo) <= at(hi) && inRange(at(lo)) && inRange(at(hi));
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          return (level(lo, { scale: "years" }) ?? -1) <= (level(hi, { scale: "years" }) ?? -1);
        },
      ),
    );
  });

  it("maps rubric positions monotonically for any number of levels", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), (n) => {
        const levels = Array.from({ length: n }, (_, i) => `L${i}`);
        const mapped = levels.map((l) => level(l, { levels }) ?? -1);
        return mapped.every((v, i) => i === 0 || v > (mapped[i - 1] ?? 0)) && mapped.every(inRange);
      }),
    );
  });
});
