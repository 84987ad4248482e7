import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ScoringContext, scoreCandidate } from "../../src/scoring/score.ts";
import { config, evidenceRow, filters, requirements } from "./arbitraries.ts";
import { NOW, taxonomy } from "./fixtures.ts";

const profile = fc.array(evidenceRow("c1"), { maxLength: 10 });
const context = fc
  .record({ config, filters, hardRequired: fc.boolean() })
  .map((c): ScoringContext => ({ ...c, taxonomy, nowMs: NOW }));

describe("scoring properties", () => {
  it("adds the contributions up to the score exactly", () => {
    fc.assert(
      fc.property(requirements, profile, context, (reqs, rows, ctx) => {
        const result = scoreCandidate(reqs, rows, ctx);
        const sum = result.explanation.requirements.reduce((s, r) => s + r.contribution, 0);
        expect(result.score).toBe(sum);
      }),
    );
  });

  it("keeps the score between 0 and 1", () => {
    fc.assert(
      fc.property(requirements, profile, context, (reqs, rows, ctx) => {
        const { score } = scoreCandidate(reqs, rows, ctx);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1 + reqs.length * Number.EPSILON);
      }),
    );
  });

  it("never lowers a score when evidence is added", () => {
    fc.assert(
      fc.property(requirements, profile, evidenceRow("c1"), context, (reqs, rows, extra, ctx) => {
        const before = scoreCandidate(reqs, rows, ctx).score;
        const after = scoreCandidate(reqs, [...rows, extra], ctx).score;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it("gives the same result whatever the order of the evidence", () => {
    fc.assert(
      fc.property(requirements, profile, context, (reqs, rows, ctx) => {
        const forward = scoreCandidate(reqs, rows, ctx);
        const backward = scoreCandidate(reqs, [...rows].reverse(), ctx);
        expect(backward.score).toBe(forward.score);
        expect(backward.levelSurplus).toBe(forward.levelSurplus);
        expect(backward.explanation.requirements.map((r) => r.best?.assertionId)).toEqual(
          forward.explanation.requirements.map((r) => r.best?.assertionId),
        );
      }),
    );
  });
});
