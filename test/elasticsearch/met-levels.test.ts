/** Each concept's highest level on the candidate document: match mode's qualified bonus. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCORING } from "../../src/scoring/config.ts";
import { featureKey } from "../../src/search/elasticsearch/concept-values.ts";
import { levelKeyword, metClause, metLevels } from "../../src/search/elasticsearch/met-levels.ts";
import { candidate, skill } from "./fixtures.ts";

interface Bounds {
  gte: string;
  lte: string;
}

describe("met levels", () => {
  it("write levels so that their order as strings is their order as numbers", () => {
    const level = fc.double({ min: 0, max: 5, noNaN: true });
    fc.assert(
      fc.property(level, level, (a, b) => {
        const [ka, kb] = [levelKeyword(a), levelKeyword(b)];
        if (Math.abs(a - b) >= 1e-6) expect(ka < kb).toBe(a < b);
        expect(ka.length).toBe(kb.length);
      }),
    );
    expect(levelKeyword(10) > levelKeyword(9)).toBe(true);
  });

  it("select a concept's terms at or above the minimum, and no other concept's", () => {
    const terms = ["python|", "python2|", "pytho|", "python%7Cx|"].flatMap((key) =>
      [0, 2.5, 3, 5].map((level) => key + levelKeyword(level)),
    );
    const clause = metClause(["python"], 2.5) as { bool: { should: { range: { met: Bounds } }[] } };
    const { gte, lte } = clause.bool.should[0]!.range.met;
    expect(terms.filter((t) => t >= gte && t <= lte).sort()).toEqual(
      [2.5, 3, 5].map((level) => `python|${levelKeyword(level)}`).sort(),
    );
  });

  it("keep per concept the highest level a non-revoked piece reaches, the assumed one when unstated", () => {
    const { assumedLevel } = DEFAULT_SCORING.level;
    const held = metLevels(
      candidate(
        "c",
        skill("a1", "python", 2),
        skill("a2", "python", 4.5),
        skill("a3", "python", 5, { revoked: true }),
        skill("a4", "excel", null),
        skill("a5", "sql.server", 1),
        skill("a6", "cobol", 5, { revoked: true }),
        skill("a7", "c|d", 3),
      ),
      DEFAULT_SCORING,
    );
    expect(held.sort()).toEqual(
      [
        `python|${levelKeyword(4.5)}`,
        `excel|${levelKeyword(assumedLevel)}`,
        `${featureKey("sql.server")}|${levelKeyword(1)}`,
        `c%7Cd|${levelKeyword(3)}`,
      ].sort(),
    );
  });
});
