import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type EvidenceRow, NO_FILTERS, type RetrievalFilters } from "../../src/domain/evidence.ts";
import type { SourceKind } from "../../src/domain/schemas.ts";
import { ScoringConfig } from "../../src/scoring/config.ts";
import { toIndexedCandidate } from "../../src/scoring/indexed.ts";
import { scoreCandidate } from "../../src/scoring/score.ts";
import { EmbeddedIndex } from "../../src/search/embedded/index.ts";
import { config, evidenceRow, filters, population } from "../scoring/arbitraries.ts";
import { CONCEPT_IDS, NOW, req, row, taxonomy } from "../scoring/fixtures.ts";

/** Whoever the model says meets the requirement alone: no required requirement left unmet. */
const meetsByModel = (
  rows: EvidenceRow[],
  requirement: ReturnType<typeof req>,
  cfg: ScoringConfig,
  f: RetrievalFilters,
) =>
  scoreCandidate([requirement], rows, { taxonomy, config: cfg, nowMs: NOW, filters: f, hardRequired: false })
    .unmetRequired === 0;

/** Few people, many pieces from few voices: shared voices, supersession and ties on most runs. */
const crowded = fc
  .array(
    fc.array(
      evidenceRow("x").chain((r) =>
        fc
          .record({
            conceptId: fc.constantFrom("python", "django", "programming"),
            sourceKind: fc.constantFrom<SourceKind>("self-asserted", "employer-record", "issued-credential"),
            issuer: fc.constantFrom("Acme", "Globex"),
          })
          .map((o): EvidenceRow => ({ ...r, ...o })),
      ),
      { maxLength: 8 },
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((people) => {
    const ids = people.map((_, i) => `p-${i}`);
    return {
      ids,
      evidence: new Map(
        ids.map((id, i) => [id, people[i]!.map((r, j) => ({ ...r, id: `${id}-a${j}`, candidateId: id }))]),
      ),
    };
  });

/**
 * Configurations where some pieces carry no reliability at all: a kind not trusted, or dated
 * evidence that has decayed to nothing — which still supersedes an undated piece of its voice.
 */
const configs = fc.oneof(
  config,
  fc.constant(
    ScoringConfig.parse({
      recency: { graceYears: 0, halfLifeYears: 0.001, floor: 0, unknownDate: 0.75, enabled: true },
    }),
  ),
  fc.constant(
    ScoringConfig.parse({
      trust: {
        "verified-credential": 0.95,
        "issued-credential": 0,
        "employer-record": 0.7,
        assessment: 0.85,
        "self-asserted": 0,
      },
    }),
  ),
);

const requirement = fc
  .record({
    conceptId: fc.constantFrom(...CONCEPT_IDS),
    minLevel: fc.oneof(
      fc.constant(null),
      fc.integer({ min: 0, max: 5 }),
      fc.integer({ min: 0, max: 50 }).map((x) => x / 10),
    ),
  })
  .map((r) => req(r.conceptId, { minLevel: r.minLevel, required: true }));

describe("met-sets from the embedded index", () => {
  it("hold exactly the people the model says meet the requirement, at every minimum asked", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(population, crowded),
        requirement,
        fc.array(fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 5 })), { maxLength: 2 }),
        filters,
        configs,
        async (pop, r, more, f, cfg) => {
          const index = new EmbeddedIndex(taxonomy, cfg);
          await index.rebuild(pop.ids.map((id) => toIndexedCandidate(id, pop.evidence.get(id) ?? [], cfg)));
          const minimums = [r.minLevel, ...more];
          const sets = index.metSets(r, minimums, { nowMs: NOW, filters: f });
          minimums.forEach((minLevel, v) => {
            const variant = { ...r, minLevel };
            const model = pop.ids.filter((id) => meetsByModel(pop.evidence.get(id) ?? [], variant, cfg, f));
            const fromSets = pop.ids.filter((id) => sets[v]!.has(index.ordinalOf(id)!));
            expect(fromSets).toEqual(model);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it("leaves a voice silent when its newest piece has decayed to nothing", async () => {
    const steep = ScoringConfig.parse({
      recency: { graceYears: 0, halfLifeYears: 0.001, floor: 0, unknownDate: 0.75, enabled: true },
    });
    const voice = { candidateId: "ann", sourceKind: "employer-record" as const, issuer: "Acme" };
    // the undated piece alone would meet "≥ 3"; the dated one supersedes it and weighs nothing
    const rows = [row({ ...voice, level: 4 }), row({ ...voice, level: 1, lastPracticedAt: "2010" })];
    const index = new EmbeddedIndex(taxonomy, steep);
    await index.upsert([toIndexedCandidate("ann", rows, steep)]);
    const python = req("python", { minLevel: 3, required: true });
    const [met] = index.metSets(python, [3], { nowMs: NOW, filters: NO_FILTERS });
    expect(meetsByModel(rows, python, steep, NO_FILTERS)).toBe(false);
    expect(met!.has(index.ordinalOf("ann")!)).toBe(false);
  });
});
