import { describe, expect, it } from "vitest";
import { parseIsoDateMs, YEAR_MS } from "../../src/domain/dates.ts";
import type { SourceKind } from "../../src/domain/schemas.ts";
import { DEFAULT_SCORING, ScoringConfig } from "../../src/scoring/config.ts";
import { meetsProbability, recency, relatedness, trust } from "../../src/scoring/factors.ts";
import { compareRanked, type Rankable } from "../../src/scoring/ranking-order.ts";
import { type ScoringContext, scoreCandidate } from "../../src/scoring/score.ts";
import { NOW, req, row, scoringContext, taxonomy } from "./fixtures.ts";

const cfg = DEFAULT_SCORING;
const ctx = scoringContext();
const fiveYearsAgo = new Date(NOW - 5 * YEAR_MS).toISOString();
const floor = cfg.directFloor;
/** One piece alone: C = its reliability, Q = its P(meets). */
const direct = (reliability: number, meets: number) => floor + (1 - floor) * reliability * meets;
const neighbours = (reliability: number, meets: number) => floor * reliability * meets;

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
    const pythonFactors = {
      relation: "same",
      relatedness: 1,
      meets: meetsProbability(4, 3, "verified-credential", cfg),
      trust: trust("verified-credential", cfg),
      recency: recency(parseIsoDateMs(fiveYearsAgo), NOW, cfg),
    };
    expect(python?.best?.factors).toEqual(pythonFactors);
    const pythonReliability = pythonFactors.trust * pythonFactors.recency;
    expect(python?.best?.reliability).toBeCloseTo(pythonReliability, 15);
    expect(python?.best?.share).toBe(1);
    expect(python).toMatchObject({ basis: "direct", outcome: "met", estimatedLevel: 4 });
    expect(python?.confidence).toBeCloseTo(pythonReliability, 15);
    expect(python?.meets).toBeCloseTo(pythonFactors.meets, 15);
    expect(python?.estimate).toBeCloseTo(direct(pythonReliability, pythonFactors.meets), 15);

    const kubernetesFactors = {
      relation: "same",
      relatedness: 1,
      meets: meetsProbability(3, 4, "self-asserted", cfg),
      trust: trust("self-asserted", cfg),
      recency: cfg.recency.unknownDate,
    };
    expect(kubernetes?.best?.factors).toEqual(kubernetesFactors);
    const kubernetesReliability = kubernetesFactors.trust * kubernetesFactors.recency;
    expect(kubernetes).toMatchObject({ basis: "direct", outcome: "partial", estimatedLevel: 3 });
    expect(kubernetes?.estimate).toBeCloseTo(direct(kubernetesReliability, kubernetesFactors.meets), 15);

    expect(python?.contribution).toBeCloseTo((2 * (python?.estimate ?? 0)) / 3, 15);
    expect(kubernetes?.contribution).toBeCloseTo((kubernetes?.estimate ?? 0) / 3, 15);
    expect(result.score).toBe((python?.contribution ?? 0) + (kubernetes?.contribution ?? 0));
    expect(result.levelSurplus).toBe(1);
    expect(result.unmetRequired).toBe(0);
  });

  it("counts narrower evidence at the configured discount and names the relation", () => {
    const result = scoreCandidate([req("python")], [row({ conceptId: "django", level: 5 })], ctx);
    const python = result.explanation.requirements[0];
    const best = python?.best;
    expect(best?.factors.relation).toBe("narrower");
    expect(best?.factors.relatedness).toBe(cfg.relatedness.narrower);
    expect(best?.conceptLabel).toBe("Django");
    // narrower evidence is evidence of the skill itself: direct, and it can meet the requirement
    expect(python).toMatchObject({ basis: "direct", outcome: "met", estimatedLevel: 5 });
    const reliability = cfg.relatedness.narrower * trust("issued-credential", cfg) * cfg.recency.unknownDate;
    expect(best?.reliability).toBeCloseTo(reliability, 15);
    expect(python?.estimate).toBeCloseTo(
      direct(reliability, meetsProbability(5, null, "issued-credential", cfg)),
      15,
    );
  });

  it("gives a sibling skill nothing when the two are not measured to go together", () => {
    const result = scoreCandidate([req("go")], [row({ conceptId: "java", level: 5 })], ctx);
    expect(result.score).toBe(0);
    expect(result.explanation.requirements[0]).toMatchObject({
      basis: "none",
      outcome: "missing",
      best: null,
    });
    expect(result.explanation.summary).toBe("no usable evidence for this position");
  });

  it("counts co-occurring skills by their measured cosine, below any direct evidence", () => {
    const result = scoreCandidate([req("python")], [row({ conceptId: "docker", level: 5 })], ctx);
    const python = result.explanation.requirements[0];
    const cosine = taxonomy.relation("python", "docker").strength;
    expect(cosine).toBeGreaterThan(0);
    expect(python?.best?.factors.relation).toBe("cooccurrence");
    expect(python?.best?.factors.relatedness).toBe(relatedness("cooccurrence", cosine, cfg));
    expect(python?.best?.factors.relatedness).toBeCloseTo(cfg.relatedness.cooccurrence * cosine, 15);
    const reliability =
      cfg.relatedness.cooccurrence * cosine * trust("issued-credential", cfg) * cfg.recency.unknownDate;
    expect(python).toMatchObject({ basis: "neighbours", outcome: "partial", estimatedLevel: null });
    expect(python?.estimate).toBeCloseTo(
      neighbours(reliability, meetsProbability(5, null, "issued-credential", cfg)),
      15,
    );
    expect(python?.estimate).toBeLessThan(floor);
    expect(result.explanation.summary).toBe(
      "only related skills, none of those asked for · gap: Python only via related Docker",
    );
  });

  it("counts an explicit related edge at least at its configured weight", () => {
    const result = scoreCandidate([req("kubernetes")], [row({ conceptId: "docker", level: 4 })], ctx);
    const best = result.explanation.requirements[0]?.best;
    expect(best?.factors.relation).toBe("related");
    expect(best?.factors.relatedness).toBeGreaterThanOrEqual(cfg.relatedness.related);
  });

  it("lets direct evidence silence the neighbours", () => {
    const python = row({ conceptId: "python", level: 1, sourceKind: "self-asserted" });
    const docker = row({ conceptId: "docker", level: 5, sourceKind: "verified-credential" });
    const result = scoreCandidate([req("python", { minLevel: 4 })], [python, docker], ctx);
    const r = result.explanation.requirements[0];
    expect(r?.basis).toBe("direct");
    expect(r?.evidence.map((e) => e.assertionId)).toEqual([python.id]);
    expect(result.score).toBeGreaterThanOrEqual(floor);
    const onlyDocker = scoreCandidate([req("python", { minLevel: 4 })], [docker], ctx);
    expect(result.score).toBeGreaterThan(onlyDocker.score);
  });

  it("counts only the asked skill itself when expansion is off", () => {
    const off: ScoringContext = { ...ctx, config: ScoringConfig.parse({ expansion: false }) };
    const rows = [row({ conceptId: "django", level: 5 }), row({ conceptId: "docker", level: 5 })];
    expect(scoreCandidate([req("python")], rows, off).score).toBe(0);
    const withPython = scoreCandidate([req("python")], [...rows, row({ conceptId: "python" })], off);
    expect(withPython.explanation.requirements[0]?.evidence.map((e) => e.factors.relation)).toEqual(["same"]);
  });

  it("lists every independent source, strongest first, and keeps the runner-up", () => {
    const strong = row({ conceptId: "python", level: 5, sourceKind: "verified-credential" });
    const weak = row({ conceptId: "python", level: 2, sourceKind: "self-asserted" });
    const result = scoreCandidate([req("python")], [weak, strong], ctx);
    const python = result.explanation.requirements[0];
    expect(python?.best?.assertionId).toBe(strong.id);
    expect(python?.runnerUp?.assertionId).toBe(weak.id);
    expect(python?.evidence.map((e) => e.assertionId)).toEqual([strong.id, weak.id]);
    expect(python?.best?.share).toBeGreaterThan(python?.runnerUp?.share ?? 1);
  });

  it("corroboration by a second source raises confidence; contradiction lowers P(meets)", () => {
    const acme = row({ conceptId: "python", level: 4, sourceKind: "employer-record", issuer: "Acme" });
    const globex = row({ conceptId: "python", level: 4, sourceKind: "employer-record", issuer: "Globex" });
    const low = row({ conceptId: "python", level: 1, sourceKind: "assessment", issuer: "TestCo" });
    const python = [req("python", { minLevel: 4 })];
    const one = scoreCandidate(python, [acme], ctx).explanation.requirements[0];
    const two = scoreCandidate(python, [acme, globex], ctx).explanation.requirements[0];
    const contradicted = scoreCandidate(python, [acme, low], ctx).explanation.requirements[0];
    expect(two?.confidence).toBeCloseTo(1 - (1 - (one?.confidence ?? 0)) ** 2, 15);
    expect(two?.meets).toBeCloseTo(one?.meets ?? 0, 15);
    expect(two?.estimate).toBeGreaterThan(one?.estimate ?? 1);
    expect(contradicted?.meets).toBeLessThan(one?.meets ?? 0);
    expect(contradicted?.estimatedLevel).toBeLessThan(4);
    expect(contradicted?.outcome).toBe("partial");
  });

  it("sets aside what a source said before, and what it said about another form of the skill", () => {
    const earlier = row({ conceptId: "python", level: 2, issuer: "Acme", lastPracticedAt: "2019" });
    const later = row({ conceptId: "python", level: 4, issuer: "Acme", lastPracticedAt: "2025" });
    const django = row({ conceptId: "django", level: 3, issuer: "Acme", lastPracticedAt: "2025" });
    const result = scoreCandidate([req("python", { minLevel: 3 })], [earlier, later, django], ctx);
    const python = result.explanation.requirements[0];
    expect(python?.evidence.map((e) => e.assertionId)).toEqual([later.id]);
    expect(python?.setAside.map((s) => [s.assertionId, s.reason]).sort()).toEqual(
      [
        [earlier.id, "superseded"],
        [django.id, "same-source"],
      ].sort(),
    );
    const alone = scoreCandidate([req("python", { minLevel: 3 })], [later], ctx);
    expect(result.score).toBe(alone.score);
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
    const result = scoreCandidate(
      [req("python")],
      [row({ conceptId: "welding", revoked: true }), row({ conceptId: "java", revoked: true })],
      ctx,
    );
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

  it("disqualifies on a required requirement whose evidence puts the level below the minimum", () => {
    const result = scoreCandidate(
      [req("python", { minLevel: 4, required: true }), req("welding")],
      [
        row({ conceptId: "python", sourceKind: "self-asserted", level: 3 }),
        row({ conceptId: "welding", level: 5 }),
      ],
      ctx,
    );
    expect(result.explanation.requirements[0]).toMatchObject({ outcome: "partial", estimatedLevel: 3 });
    expect(result.qualified).toBe(false);
    expect(result.unmetRequired).toBe(1);
    expect(result.explanation.disqualifiedBy).toEqual(["Python"]);
    expect(result.explanation.summary).toBe(
      "meets 1 of 2 · 0 of 2 verified · fails required: Python · gap: Python needs advanced, has practitioner",
    );
  });

  it("meets a required requirement with a self-claim at the level: trust lowers the score, not the outcome", () => {
    const result = scoreCandidate(
      [req("python", { minLevel: 3, required: true })],
      [row({ conceptId: "python", sourceKind: "self-asserted", level: 3 })],
      ctx,
    );
    expect(result.qualified).toBe(true);
    expect(result.explanation.requirements[0]?.outcome).toBe("met");
  });

  it("never meets a required requirement through neighbours alone", () => {
    const result = scoreCandidate(
      [req("python", { required: true })],
      [row({ conceptId: "docker", level: 5, sourceKind: "verified-credential" })],
      ctx,
    );
    expect(result.explanation.requirements[0]?.basis).toBe("neighbours");
    expect(result.qualified).toBe(false);
    expect(result.explanation.disqualifiedBy).toEqual(["Python"]);
  });

  it("counts the required requirements left unmet", () => {
    const result = scoreCandidate(
      [
        req("python", { required: true }),
        req("kubernetes", { required: true }),
        req("welding", { required: true }),
      ],
      [row({ conceptId: "welding" })],
      ctx,
    );
    expect(result.unmetRequired).toBe(2);
    expect(result.explanation.disqualifiedBy).toEqual(["Python", "Kubernetes"]);
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
      [req("python", { weight: 3 }), req("docker", { weight: 0.7 }), req("kubernetes", { weight: 1.3 })],
      [
        row({ conceptId: "kubernetes", level: 2 }),
        row({ conceptId: "docker", level: 4, issuedAt: "2021-03" }),
      ],
      ctx,
    );
    let sum = 0;
    for (const r of result.explanation.requirements) sum += r.contribution;
    expect(result.score).toBe(sum);
    expect(result.explanation.requirements.map((r) => r.basis)).toEqual(["neighbours", "direct", "direct"]);
  });

  it("ranks the same stated level by how far its source is believed", () => {
    const kinds: SourceKind[] = ["verified-credential", "issued-credential", "employer-record", "assessment"];
    const scoreOf = (sourceKind: SourceKind) =>
      scoreCandidate(
        [req("python", { minLevel: 3 })],
        [row({ conceptId: "python", level: 3, sourceKind })],
        ctx,
      ).score;
    for (const a of kinds)
      for (const b of kinds)
        expect(Math.sign(scoreOf(a) - scoreOf(b))).toBe(Math.sign(trust(a, cfg) - trust(b, cfg)));
    // a self-claim is believed no more, and read a little lower
    for (const a of kinds)
      if (trust(a, cfg) >= trust("self-asserted", cfg))
        expect(scoreOf("self-asserted")).toBeLessThan(scoreOf(a));
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

  it("fails a level below the minimum, and an unstated level", () => {
    const result = scoreCandidate(python4, [row({ conceptId: "python", level: 3.5 })], search);
    expect(result.qualified).toBe(false);
    expect(result.unmetRequired).toBe(1);
    expect(result.explanation.disqualifiedBy).toEqual(["Python"]);
    expect(scoreCandidate(python4, [row({ conceptId: "python", level: null })], search).qualified).toBe(
      false,
    );
  });

  it("fails a broader or related skill at any level", () => {
    expect(scoreCandidate(python4, [row({ conceptId: "programming", level: 5 })], search).qualified).toBe(
      false,
    );
    expect(scoreCandidate(python4, [row({ conceptId: "docker", level: 5 })], search).qualified).toBe(false);
  });

  it("accepts any one exact piece at the minimum, where a match weighs all of the evidence", () => {
    const evidence = [
      row({ conceptId: "python", level: 4, sourceKind: "self-asserted", lastPracticedAt: "2010" }),
      row({ conceptId: "python", level: 1, sourceKind: "employer-record", issuer: "Acme" }),
    ];
    expect(scoreCandidate(python4, evidence, search).qualified).toBe(true);
    const matched = scoreCandidate(python4, evidence, ctx);
    expect(matched.explanation.requirements[0]?.estimatedLevel).toBeLessThan(4);
    expect(matched.qualified).toBe(false);
  });

  it("scores the same in search and match: only qualification differs", () => {
    const evidence = [row({ conceptId: "python", level: 3 }), row({ conceptId: "docker", level: 4 })];
    const reqs = [...python4, req("docker")];
    expect(scoreCandidate(reqs, evidence, search).score).toBe(scoreCandidate(reqs, evidence, ctx).score);
  });
});

describe("compareRanked", () => {
  const base: Rankable = { candidateId: "b", score: 0.5, unmetRequired: 0, levelSurplus: 0 };

  it("puts qualified candidates first, then higher scores, then surplus, then id", () => {
    const list: Rankable[] = [
      { ...base, candidateId: "z", unmetRequired: 1, score: 0.9 },
      { ...base, candidateId: "c" },
      { ...base, candidateId: "a" },
      { ...base, candidateId: "d", levelSurplus: 1 },
      { ...base, candidateId: "e", score: 0.6 },
    ];
    expect(list.sort(compareRanked).map((r) => r.candidateId)).toEqual(["e", "d", "a", "c", "z"]);
  });

  it("among the disqualified, puts those with fewer required requirements unmet first", () => {
    const list: Rankable[] = [
      { ...base, candidateId: "two", unmetRequired: 2, score: 0.99 },
      { ...base, candidateId: "one-low", unmetRequired: 1, score: 0.1 },
      { ...base, candidateId: "one-high", unmetRequired: 1, score: 0.4 },
      { ...base, candidateId: "none", unmetRequired: 0, score: 0.01 },
    ];
    expect(list.sort(compareRanked).map((r) => r.candidateId)).toEqual([
      "none",
      "one-high",
      "one-low",
      "two",
    ]);
  });
});
