import { describe, expect, it } from "vitest";
import { DEFAULT_SCORING } from "../../src/scoring/config.ts";
import { YEAR_MS } from "../../src/scoring/dates.ts";
import { compareRanked } from "../../src/scoring/rank.ts";
import { type ScoringContext, scoreCandidate } from "../../src/scoring/score.ts";
import { NOW, req, row, taxonomy } from "./fixtures.ts";

const ctx: ScoringContext = {
  taxonomy,
  config: DEFAULT_SCORING,
  nowMs: NOW,
  filters: { verifiedOnly: false, practicedSinceMs: null },
  hardRequired: false,
};
const fiveYearsAgo = new Date(NOW - 5 * YEAR_MS).toISOString();

describe("scoreCandidate", () => {
  it("combines the factors as the contract says", () => {
    const result = scoreCandidate(
      [req("python", { minLevel: 3, weight: 2 }), req("kubernetes", { minLevel: 4 })],
      [
        row({
          conceptId: "python",
          level: 4,
          sourceKind: "verified-credential",
          lastPracticedAt: fiveYearsAgo,
        }),
        row({ conceptId: "kubernetes", level: 3, sourceKind: "self-asserted" }),
      ],
      ctx,
    );
    const [python, kubernetes] = result.explanation.requirements;
    expect(python?.match).toBe(0.5);
    expect(python?.best?.factors).toEqual({
      similarity: 1,
      relation: "same",
      fit: 1,
      trust: 1,
      recency: 0.5,
    });
    expect(kubernetes?.best?.factors).toEqual({
      similarity: 1,
      relation: "same",
      fit: 0.5625,
      trust: 0.5,
      recency: 0.8,
    });
    expect(kubernetes?.match).toBeCloseTo(0.225, 15);
    expect(python?.contribution).toBeCloseTo(1 / 3, 15);
    expect(kubernetes?.contribution).toBeCloseTo(0.075, 15);
    expect(result.score).toBeCloseTo(0.408333333333333, 14);
    expect(result.levelSurplus).toBe(1);
  });

  it("counts narrower evidence at 0.9 and names the relation", () => {
    const result = scoreCandidate([req("python")], [row({ conceptId: "django", level: 5 })], ctx);
    const best = result.explanation.requirements[0]?.best;
    expect(best?.factors.relation).toBe("narrower");
    expect(best?.conceptLabel).toBe("Django");
    expect(best?.match).toBeCloseTo(0.9 * 1 * 0.85 * 0.8, 15);
  });

  it("counts a sibling skill at 0.5", () => {
    const result = scoreCandidate([req("go")], [row({ conceptId: "java", level: 5 })], ctx);
    expect(result.explanation.requirements[0]?.best?.factors.relation).toBe("sibling");
    expect(result.explanation.requirements[0]?.match).toBeCloseTo(0.5 * 1 * 0.85 * 0.8, 15);
    expect(result.explanation.summary).toBe(
      "meets 0 of 1 · 0 of 1 verified · gap: Go only via sibling skill Java",
    );
  });

  it("keeps the runner-up evidence", () => {
    const strong = row({ conceptId: "python", level: 5, sourceKind: "verified-credential" });
    const weak = row({ conceptId: "python", level: 2, sourceKind: "self-asserted" });
    const result = scoreCandidate([req("python")], [weak, strong], ctx);
    expect(result.explanation.requirements[0]?.best?.assertionId).toBe(strong.id);
    expect(result.explanation.requirements[0]?.runnerUp?.assertionId).toBe(weak.id);
  });

  it("does not score expired or revoked evidence, and lists it", () => {
    const expired = row({ conceptId: "kubernetes", validUntil: "2024-06-30", level: 5 });
    const revoked = row({ conceptId: "python", revoked: true, level: 5 });
    const result = scoreCandidate([req("kubernetes"), req("python")], [expired, revoked], ctx);
    expect(result.score).toBe(0);
    expect(result.explanation.missing).toEqual(["Kubernetes", "Python"]);
    expect(result.explanation.summary).toBe(
      "no usable evidence for this position · 2 excluded (expired, revoked)",
    );
    expect(result.explanation.excluded).toEqual([
      {
        assertionId: expired.id,
        documentId: "d1",
        conceptId: "kubernetes",
        skillText: "kubernetes",
        reason: "expired",
        validUntil: "2024-06-30",
      },
      {
        assertionId: revoked.id,
        documentId: "d1",
        conceptId: "python",
        skillText: "python",
        reason: "revoked",
        validUntil: null,
      },
    ]);
  });

  it("lists only excluded evidence that bears on the position", () => {
    const result = scoreCandidate([req("python")], [row({ conceptId: "welding", revoked: true })], ctx);
    expect(result.explanation.excluded).toEqual([]);
  });

  it("applies the verified-only and practiced-since filters as exclusions", () => {
    const unverified = row({ conceptId: "python", sourceKind: "self-asserted" });
    const stale = row({ conceptId: "python", sourceKind: "verified-credential", lastPracticedAt: "2015" });
    const result = scoreCandidate([req("python")], [unverified, stale], {
      ...ctx,
      filters: { verifiedOnly: true, practicedSinceMs: NOW - 3 * YEAR_MS },
    });
    expect(result.score).toBe(0);
    expect(result.explanation.excluded.map((e) => e.reason)).toEqual([
      "filtered-unverified",
      "filtered-stale",
    ]);
  });

  it("disqualifies on a required requirement matched below 0.5", () => {
    const result = scoreCandidate(
      [req("python", { required: true }), req("welding")],
      [
        row({ conceptId: "python", sourceKind: "self-asserted", level: 3 }),
        row({ conceptId: "welding", level: 5 }),
      ],
      ctx,
    );
    expect(result.explanation.requirements[0]?.match).toBeCloseTo(0.5 * 0.8 * 0.8, 15);
    expect(result.qualified).toBe(false);
    expect(result.explanation.disqualifiedBy).toEqual(["Python"]);
    expect(result.explanation.summary).toBe(
      "meets 1 of 2 · 0 of 2 verified · fails required: Python · gap: Python self-asserted only",
    );
  });

  it("scores a profile with no usable evidence exactly 0", () => {
    const result = scoreCandidate([req("python"), req("kubernetes", { minLevel: 2 })], [], {
      ...ctx,
      candidateId: "nobody",
    });
    expect(result.candidateId).toBe("nobody");
    expect(result.score).toBe(0);
    expect(result.explanation.requirements.map((r) => r.outcome)).toEqual(["missing", "missing"]);
    expect(result.explanation.summary).toBe("no usable evidence for this position");
  });

  it("never scores an unresolved skill", () => {
    const result = scoreCandidate([req("python")], [row({ conceptId: null, skillText: "pythn" })], ctx);
    expect(result.score).toBe(0);
    expect(result.explanation.excluded).toEqual([]);
  });

  it("writes a summary readable at a glance", () => {
    const result = scoreCandidate(
      [req("python", { minLevel: 3 }), req("kubernetes", { minLevel: 4 }), req("welding")],
      [
        row({ conceptId: "python", level: 4, sourceKind: "verified-credential", lastPracticedAt: "2025-06" }),
        row({ conceptId: "kubernetes", level: 3, lastPracticedAt: "2025-06" }),
      ],
      ctx,
    );
    expect(result.explanation.summary).toBe(
      "meets 1 of 3 · 1 of 2 verified · gap: Kubernetes needs advanced, has practitioner · missing: Welding",
    );
    expect(result.explanation.found).toEqual(["Python", "Kubernetes"]);
    expect(result.explanation.requirements.map((r) => r.outcome)).toEqual(["met", "partial", "missing"]);
  });

  it("sums the contributions to the score", () => {
    const result = scoreCandidate(
      [req("python", { weight: 3 }), req("docker", { weight: 0.7 }), req("java", { weight: 1.3 })],
      [row({ conceptId: "kubernetes", level: 2 }), row({ conceptId: "go", level: 4, issuedAt: "2021-03" })],
      ctx,
    );
    const sum = result.explanation.requirements.reduce((s, r) => s + r.contribution, 0);
    expect(result.score).toBe(sum);
  });
});

describe("recruiter search hard filters", () => {
  const search: ScoringContext = { ...ctx, hardRequired: true };
  const python4 = [req("python", { minLevel: 4, required: true })];

  it("passes evidence on the asked skill at the minimum level", () => {
    expect(scoreCandidate(python4, [row({ conceptId: "python", level: 4 })], search).qualified).toBe(true);
  });

  it("passes evidence on a narrower skill at the minimum level", () => {
    expect(scoreCandidate(python4, [row({ conceptId: "django", level: 4 })], search).qualified).toBe(true);
  });

  it("fails a level below the minimum even when the match is strong", () => {
    const result = scoreCandidate(python4, [row({ conceptId: "python", level: 3.5 })], search);
    expect(result.qualified).toBe(false);
    expect(result.explanation.disqualifiedBy).toEqual(["Python"]);
  });

  it("fails a broader or related skill at any level", () => {
    expect(scoreCandidate(python4, [row({ conceptId: "programming", level: 5 })], search).qualified).toBe(
      false,
    );
  });

  it("accepts a weak but exact match that a match would disqualify", () => {
    const evidence = [
      row({ conceptId: "python", level: 4, sourceKind: "self-asserted", lastPracticedAt: "2010" }),
    ];
    expect(scoreCandidate(python4, evidence, search).qualified).toBe(true);
    expect(scoreCandidate(python4, evidence, ctx).qualified).toBe(false);
  });
});

describe("compareRanked", () => {
  const base = { candidateId: "b", score: 0.5, qualified: true, levelSurplus: 0 };

  it("puts qualified candidates first, then higher scores, then surplus, then id", () => {
    const list = [
      { ...base, candidateId: "z", qualified: false, score: 0.9 },
      { ...base, candidateId: "c" },
      { ...base, candidateId: "a" },
      { ...base, candidateId: "d", levelSurplus: 1 },
      { ...base, candidateId: "e", score: 0.6 },
    ];
    expect(list.sort(compareRanked).map((r) => r.candidateId)).toEqual(["e", "d", "a", "c", "z"]);
  });
});
