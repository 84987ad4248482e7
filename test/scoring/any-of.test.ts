/**
 * An any-of requirement ("Java or Go") is met by any one of its alternatives and weighed as the
 * best of them: holding one is exactly as good as a requirement of that one alone, and evidence of
 * another never dilutes it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Requirement } from "../../src/domain/schemas.ts";
import { scoreCandidate } from "../../src/scoring/score.ts";
import { evidenceRow } from "./arbitraries.ts";
import { req, row, scoringContext } from "./fixtures.ts";

const javaOrGo = (over: Partial<Requirement> = {}) =>
  req("java", { label: "Java or Go", alternatives: ["go"], ...over });
const ctx = scoringContext();

describe("an any-of requirement", () => {
  const javaOnly = [row({ conceptId: "java", level: 4, sourceKind: "employer-record", issuer: "Acme" })];

  it("is met by one alternative and scores exactly as that alternative asked alone, at the same weight", () => {
    for (const required of [true, false])
      for (const minLevel of [null, 3, 5]) {
        const position = [javaOrGo({ required, minLevel, weight: 2 }), req("docker", { weight: 1 })];
        const alone = [req("java", { required, minLevel, weight: 2 }), req("docker", { weight: 1 })];
        const anyOf = scoreCandidate(position, javaOnly, ctx);
        const single = scoreCandidate(alone, javaOnly, ctx);
        expect(anyOf.score).toBe(single.score);
        expect(anyOf.qualified).toBe(single.qualified);
        expect(anyOf.levelSurplus).toBe(single.levelSurplus);
        expect(anyOf.explanation.requirements[0]?.outcome).toBe(single.explanation.requirements[0]?.outcome);
      }
  });

  it("is met whichever alternative is held, and only one need be: Go alone qualifies", () => {
    const goOnly = [row({ conceptId: "go", level: 4 })];
    const result = scoreCandidate([javaOrGo({ required: true, minLevel: 3 })], goOnly, ctx);
    expect(result.qualified).toBe(true);
    expect(result.explanation.requirements[0]).toMatchObject({
      outcome: "met",
      label: "Java or Go",
      alternatives: ["go"],
      weighedOn: { conceptId: "go", label: "Go" },
      metBy: { conceptId: "go", label: "Go" },
    });
    expect(result.explanation.disqualifiedBy).toEqual([]);
  });

  it("is not diluted by a weak claim of another alternative", () => {
    const withWeakGo = [...javaOnly, row({ conceptId: "go", level: 1, sourceKind: "self-asserted" })];
    const position = [javaOrGo({ required: true, minLevel: 4 })];
    const before = scoreCandidate(position, javaOnly, ctx);
    const after = scoreCandidate(position, withWeakGo, ctx);
    expect(after.score).toBe(before.score);
    expect(after.qualified).toBe(true);
    expect(after.explanation.requirements[0]?.metBy?.conceptId).toBe("java");
  });

  it("names what is missing by all its alternatives, and disqualifies only when none is held", () => {
    const result = scoreCandidate([javaOrGo({ required: true })], [row({ conceptId: "welding" })], ctx);
    expect(result.qualified).toBe(false);
    expect(result.explanation.disqualifiedBy).toEqual(["Java or Go"]);
    expect(result.explanation.requirements[0]).toMatchObject({
      outcome: "missing",
      weighedOn: null,
      metBy: null,
    });
  });

  it("scores the largest of its alternatives' estimates, and is met when any alternative is", () => {
    fc.assert(
      fc.property(
        fc.array(evidenceRow("c1"), { maxLength: 8 }),
        fc.constantFrom(null, 2, 4),
        (rows, minLevel) => {
          const anyOf = scoreCandidate([javaOrGo({ minLevel, required: true })], rows, ctx);
          const each = ["java", "go"].map((c) =>
            scoreCandidate([req(c, { minLevel, required: true })], rows, ctx),
          );
          expect(anyOf.score).toBe(Math.max(...each.map((s) => s.score)));
          expect(anyOf.qualified).toBe(each.some((s) => s.qualified));
          const contributions = anyOf.explanation.requirements.reduce((sum, r) => sum + r.contribution, 0);
          expect(contributions).toBe(anyOf.score);
        },
      ),
    );
  });

  it("lists an expired credential of any alternative among the excluded", () => {
    const expired = row({ conceptId: "go", validUntil: "2020-01-01" });
    const result = scoreCandidate([javaOrGo()], [expired], ctx);
    expect(result.explanation.excluded.map((e) => e.assertionId)).toEqual([expired.id]);
  });
});
