/**
 * Roles and gaps read from one person's evidence must be the evidence model's own numbers: the
 * sparse ranking equals scoring every target, a gap's gain equals re-scoring with the requirement
 * met, and a team's counts equal each person's match explanation.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NO_FILTERS } from "../../src/domain/evidence.ts";
import { gapNote, gapsFor } from "../../src/match/gap.ts";
import { buildRoleIndex, rankRoles, rankRolesExhaustive } from "../../src/match/roles.ts";
import type { RoleTarget } from "../../src/match/targets.ts";
import { LEVEL_BANDS, teamGap } from "../../src/match/team-gap.ts";
import { DEFAULT_SCORING } from "../../src/scoring/config.ts";
import { liveEvidence, scoreCandidate } from "../../src/scoring/score.ts";
import { config, evidenceRow, filters, population, requirements } from "../scoring/arbitraries.ts";
import { NOW, req, row, taxonomy } from "../scoring/fixtures.ts";

const targets = fc.array(requirements, { minLength: 1, maxLength: 12 }).map((lists): RoleTarget[] =>
  lists.map((requirements, i) => ({
    kind: "occupation",
    id: `occ.${i}`,
    label: `Role ${i}`,
    source: "test",
    requirements,
  })),
);

/** The default scoring as of the fixtures' now, with no filter set. */
const UNFILTERED = {
  taxonomy,
  config: DEFAULT_SCORING,
  nowMs: NOW,
  filters: NO_FILTERS,
};

/** A role of one requirement, on one concept. */
const role = (kind: RoleTarget["kind"], id: string, label: string, concept: string): RoleTarget => ({
  kind,
  id,
  label,
  source: "test",
  requirements: [req(concept)],
});

const person = fc.array(evidenceRow("p"), { maxLength: 10 });
const ranks = (list: ReturnType<typeof rankRoles>) =>
  list.map((r) => [r.candidateId, r.score, r.unmetRequired, r.levelSurplus]);

describe("roles for a person", () => {
  it("ranks exactly as scoring every target would, from the person's own evidence", () => {
    fc.assert(
      fc.property(targets, person, config, filters, (ts, rows, cfg, f) => {
        const ctx = { taxonomy, config: cfg, nowMs: NOW, filters: f };
        const sparse = rankRoles(buildRoleIndex(ts, taxonomy, cfg), rows, ctx);
        expect(ranks(sparse)).toEqual(ranks(rankRolesExhaustive(ts, rows, ctx)));
      }),
      { numRuns: 300 },
    );
  });

  it("ranks the same whether reach is worked out from the held or the asked concepts", () => {
    fc.assert(
      fc.property(targets, person, config, filters, (ts, rows, cfg, f) => {
        const ctx = { taxonomy, config: cfg, nowMs: NOW, filters: f };
        const fromHeld = rankRoles(buildRoleIndex(ts, taxonomy, cfg, "held"), rows, ctx);
        const fromAsked = rankRoles(buildRoleIndex(ts, taxonomy, cfg, "asked"), rows, ctx);
        expect(ranks(fromHeld)).toEqual(ranks(fromAsked));
      }),
      { numRuns: 200 },
    );
  });

  it("finds every concept a held one bears on in the held one's close neighbourhood, or as a plain sibling", () => {
    const ids = [...taxonomy.all()].map((c) => c.id);
    for (const asked of ids)
      for (const held of ids) {
        const sim = taxonomy.relation(asked, held);
        const close = asked === held || taxonomy.closeNeighbourhood(held).includes(asked);
        if (!close)
          expect(sim).toEqual({ relation: sim.relation === "none" ? "none" : "sibling", strength: 0 });
      }
  });

  it("leaves out a role the person's evidence does not bear on", () => {
    const welder = role("occupation", "occ.w", "Welder", "welding");
    const dev = role("position", "dev", "Dev", "python");
    const ctx = UNFILTERED;
    const ranked = rankRoles(
      buildRoleIndex([welder, dev], taxonomy, DEFAULT_SCORING),
      [row({ conceptId: "django" })],
      ctx,
    );
    expect(ranked.map((r) => r.candidateId)).toEqual(["position:dev"]);
  });
});

describe("the gap to a role", () => {
  it("gains exactly what re-scoring with the requirement met at its minimum gives", () => {
    fc.assert(
      fc.property(requirements, person, config, (reqs, rows, cfg) => {
        const ctx = { ...UNFILTERED, config: cfg };
        const scoring = { ...ctx, hardRequired: false };
        const now = scoreCandidate(reqs, rows, scoring).score;
        for (const gap of gapsFor(reqs, liveEvidence(rows, ctx), ctx)) {
          const closing = row({
            id: `gap:${gap.conceptId}`,
            conceptId: gap.conceptId,
            level: gap.minLevel ?? cfg.level.defaultMinimum,
            sourceKind: "verified-credential",
            issuer: "gap:closed",
            issuedAt: new Date(NOW).toISOString(),
          });
          const closed = scoreCandidate(reqs, [...rows, closing], scoring).score;
          expect(gap.scoreIfClosed).toBe(closed);
          expect(gap.gain).toBe(closed - now);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("lists only requirements not met, largest gain first", () => {
    fc.assert(
      fc.property(requirements, person, (reqs, rows) => {
        const ctx = UNFILTERED;
        const explained = scoreCandidate(reqs, rows, { ...ctx, hardRequired: false }).explanation
          .requirements;
        const gaps = gapsFor(reqs, liveEvidence(rows, ctx), ctx);
        expect(gaps.length).toBe(explained.filter((r) => r.outcome !== "met").length);
        for (let i = 1; i < gaps.length; i++) expect(gaps[i - 1]!.gain).toBeGreaterThanOrEqual(gaps[i]!.gain);
      }),
    );
  });

  it("names the nearest evidence through the taxonomy: Django for Python", () => {
    const ctx = { taxonomy, config: DEFAULT_SCORING, nowMs: NOW };
    const gap = gapsFor(
      [req("python", { minLevel: 5 }), req("welding")],
      [
        {
          assertionId: "a",
          conceptId: "django",
          level: 4,
          sourceKind: "employer-record",
          issuer: "Acme",
          dateMs: NOW,
        },
      ],
      ctx,
    ).find((g) => g.conceptId === "python");
    expect(gap?.nearest).toMatchObject({ conceptId: "django", relation: "narrower", level: 4 });
    expect(gap?.note).toMatch(/^has Django at advanced; Python would add \d+ points$/);
    expect(gapNote("Welding", null, 0.12)).toBe("nothing related yet; Welding would add 12 points");
  });
});

describe("a team's gap", () => {
  it("counts each person by the outcome their match explanation gives", () => {
    fc.assert(
      fc.property(population, requirements, (pop, reqs) => {
        const ctx = UNFILTERED;
        const team = pop.ids.map((candidateId) => ({ candidateId, name: null }));
        const gap = teamGap(reqs, team, pop.evidence, ctx, { closest: 3 });
        reqs.forEach((_, i) => {
          const outcomes = pop.ids.map(
            (id) =>
              scoreCandidate(reqs, pop.evidence.get(id) ?? [], { ...ctx, hardRequired: false }).explanation
                .requirements[i]!.outcome,
          );
          const g = gap.requirements[i]!;
          expect([g.meet, g.partial, g.lack]).toEqual([
            outcomes.filter((o) => o === "met").length,
            outcomes.filter((o) => o === "partial").length,
            outcomes.filter((o) => o === "missing").length,
          ]);
          expect(LEVEL_BANDS.reduce((s, b) => s + g.bands[b], 0)).toBe(pop.ids.length);
          expect(g.closest.every((p) => p.outcome !== "met")).toBe(true);
        });
      }),
      { numRuns: 150 },
    );
  });
});
