import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EvidenceRow } from "../../src/domain/evidence.ts";
import { askedConcepts } from "../../src/domain/schemas.ts";
import { relatedness } from "../../src/scoring/factors.ts";
import { relationsFor } from "../../src/scoring/relations.ts";
import { type ScoringContext, scoreCandidate } from "../../src/scoring/score.ts";
import { config, evidenceRow, filters, requirements } from "./arbitraries.ts";
import { NOW, taxonomy } from "./fixtures.ts";

const profile = fc.array(evidenceRow("c1"), { maxLength: 10 });
const context = fc
  .record({ config, filters, hardRequired: fc.boolean() })
  .map((c): ScoringContext => ({ ...c, taxonomy, nowMs: NOW }));

/** The explanation's per-requirement numbers, and which pieces counted (ids in a fixed order). */
const digest = (result: ReturnType<typeof scoreCandidate>) => ({
  score: result.score,
  unmetRequired: result.unmetRequired,
  levelSurplus: result.levelSurplus,
  requirements: result.explanation.requirements.map((r) => ({
    estimate: r.estimate,
    confidence: r.confidence,
    meets: r.meets,
    level: r.estimatedLevel,
    outcome: r.outcome,
    counted: r.evidence.map((e) => e.assertionId),
    setAside: r.setAside.map((s) => `${s.assertionId}:${s.reason}`).sort(),
  })),
});

describe("scoring properties", () => {
  it("adds the contributions up to the score exactly", () => {
    fc.assert(
      fc.property(requirements, profile, context, (reqs, rows, ctx) => {
        const result = scoreCandidate(reqs, rows, ctx);
        let sum = 0;
        for (const r of result.explanation.requirements) sum += r.contribution;
        expect(result.score).toBe(sum);
      }),
    );
  });

  it("splits each requirement's contribution over the pieces that counted", () => {
    fc.assert(
      fc.property(requirements, profile, context, (reqs, rows, ctx) => {
        for (const r of scoreCandidate(reqs, rows, ctx).explanation.requirements) {
          if (r.evidence.length === 0) continue;
          expect(r.evidence.reduce((s, e) => s + e.share, 0)).toBeCloseTo(1, 12);
          expect(r.evidence.reduce((s, e) => s + e.contribution, 0)).toBeCloseTo(r.contribution, 12);
          expect(r.best).toEqual(r.evidence[0]);
          expect(r.runnerUp).toEqual(r.evidence[1] ?? null);
        }
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

  it("estimates P = floor + (1 − floor)·C·Q from direct evidence and floor·C·Q from neighbours alone", () => {
    fc.assert(
      fc.property(requirements, profile, context, (reqs, rows, ctx) => {
        const floor = ctx.config.directFloor;
        for (const r of scoreCandidate(reqs, rows, ctx).explanation.requirements) {
          for (const x of [r.estimate, r.confidence, r.meets]) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(1);
          }
          if (r.basis === "direct") {
            expect(r.estimate).toBe(floor + (1 - floor) * r.confidence * r.meets);
            expect(r.estimate).toBeGreaterThanOrEqual(floor);
            expect(r.estimatedLevel).not.toBeNull();
          } else if (r.basis === "neighbours") {
            expect(r.estimate).toBe(floor * r.confidence * r.meets);
            expect(r.estimate).toBeLessThan(floor);
            expect(r.estimatedLevel).toBeNull();
            expect(r.outcome).toBe("partial");
            for (const e of r.evidence) expect(["same", "narrower"]).not.toContain(e.factors.relation);
          } else {
            expect(r.estimate).toBe(0);
            expect(r.outcome).toBe("missing");
            expect(r.evidence).toEqual([]);
          }
        }
      }),
    );
  });

  it("reads every counted piece's reliability as relatedness · trust · recency", () => {
    fc.assert(
      fc.property(requirements, profile, context, (reqs, rows, ctx) => {
        for (const r of scoreCandidate(reqs, rows, ctx).explanation.requirements)
          for (const e of r.evidence) {
            const { relatedness: rho, trust, recency } = e.factors;
            expect(e.reliability).toBe(rho * trust * recency);
            expect(rho).toBeGreaterThan(0);
          }
      }),
    );
  });

  it("counts a requirement against qualification exactly when it is required and not met", () => {
    fc.assert(
      fc.property(requirements, profile, context, (reqs, rows, ctx) => {
        const result = scoreCandidate(reqs, rows, ctx);
        expect(result.unmetRequired).toBe(result.explanation.disqualifiedBy.length);
        expect(result.qualified).toBe(result.unmetRequired === 0);
        // in a match, a required requirement counts against qualification exactly when it is not met
        if (!ctx.hardRequired)
          expect(result.unmetRequired).toBe(
            result.explanation.requirements.filter((r) => r.required && r.outcome !== "met").length,
          );
      }),
    );
  });

  it("never lowers a score when a new, independent source vouches at the top level", () => {
    let serial = 0;
    fc.assert(
      fc.property(
        requirements,
        profile,
        evidenceRow("c1"),
        context,
        fc.constantFrom("issued-credential", "employer-record", "assessment", "verified-credential" as const),
        (reqs, rows, extra, ctx, sourceKind) => {
          const before = scoreCandidate(reqs, rows, ctx).score;
          const vouched = { ...extra, sourceKind, level: 5, issuer: `New Issuer ${serial++}` };
          const after = scoreCandidate(reqs, [...rows, vouched], ctx).score;
          expect(after).toBeGreaterThanOrEqual(before - 1e-12);
        },
      ),
    );
  });

  it("ignores evidence on concepts unrelated to every requirement", () => {
    fc.assert(
      fc.property(
        requirements,
        profile,
        fc.array(evidenceRow("c1"), { maxLength: 5 }),
        context,
        (reqs, rows, extra, ctx) => {
          const related = reqs.flatMap((r) => askedConcepts(r).map((c) => relationsFor(taxonomy, c)));
          const unrelated = extra.filter(
            (e) =>
              e.conceptId === null ||
              related.every((relationTo) => {
                const rel = relationTo(e.conceptId as string);
                return relatedness(rel.relation, rel.strength, ctx.config) === 0;
              }),
          );
          const before = scoreCandidate(reqs, rows, ctx);
          const after = scoreCandidate(reqs, [...rows, ...unrelated], ctx);
          expect(digest(after)).toEqual(digest(before));
          expect(after.explanation.excluded).toEqual(before.explanation.excluded);
        },
      ),
    );
  });

  it("hears a source once, however often it repeats itself", () => {
    fc.assert(
      fc.property(requirements, profile, fc.nat(), context, (reqs, rows, pick, ctx) => {
        const sameVoice = rows.filter((r) => r.sourceKind === "self-asserted" || r.issuer !== null);
        fc.pre(sameVoice.length > 0);
        const original = sameVoice[pick % sameVoice.length] as EvidenceRow;
        const repeated: EvidenceRow = { ...original, id: `${original.id}-again`, documentId: "d2" };
        const before = scoreCandidate(reqs, rows, ctx);
        const after = scoreCandidate(reqs, [...rows, repeated], ctx);
        expect(after.score).toBe(before.score);
        expect(after.levelSurplus).toBe(before.levelSurplus);
      }),
    );
  });

  it("gives the same result whatever the order of the evidence", () => {
    fc.assert(
      fc.property(requirements, profile, context, (reqs, rows, ctx) => {
        const forward = scoreCandidate(reqs, rows, ctx);
        const backward = scoreCandidate(reqs, [...rows].reverse(), ctx);
        expect(digest(backward)).toEqual(digest(forward));
      }),
    );
  });
});
