import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type EvidenceRow, NO_FILTERS } from "../../src/domain/evidence.ts";
import type { SourceKind } from "../../src/domain/schemas.ts";
import { DEFAULT_SCORING, type ScoringConfig } from "../../src/scoring/config.ts";
import { toIndexedCandidate } from "../../src/scoring/indexed.ts";
import { scoreCandidate } from "../../src/scoring/score.ts";
import { EmbeddedIndex } from "../../src/search/embedded/index.ts";
import { evidenceRow, search } from "../scoring/arbitraries.ts";
import { NOW, req, scoringContext, taxonomy } from "../scoring/fixtures.ts";

/**
 * One person, many pieces from few voices on a skill and its narrower and related forms: every
 * rule of estimateRequirement (supersession, one voice, direct silencing neighbours, the order
 * voices are summed in) is exercised on nearly every run.
 */
const crowdedVoices = fc.array(
  evidenceRow("ann").chain((r) =>
    fc
      .record({
        conceptId: fc.constantFrom("python", "django", "programming", "java"),
        sourceKind: fc.constantFrom<SourceKind>("self-asserted", "employer-record", "issued-credential"),
        issuer: fc.constantFrom("Acme", "Globex", null),
        revoked: fc.constant(false),
        validUntil: fc.constant(null),
      })
      .map((o): EvidenceRow => ({ ...r, ...o })),
  ),
  { minLength: 1, maxLength: 12 },
);

async function retrieveOne(
  rows: EvidenceRow[],
  cfg: ScoringConfig,
  q: Parameters<EmbeddedIndex["retrieveSync"]>[0],
) {
  const index = new EmbeddedIndex(taxonomy, cfg);
  await index.upsert([toIndexedCandidate("ann", rows, cfg)]);
  return index.retrieveSync(q, 1)[0];
}

describe("the embedded index's exact scorer", () => {
  it("scores a person whose few voices say much exactly as scoreCandidate", async () => {
    await fc.assert(
      fc.asyncProperty(
        crowdedVoices,
        search,
        async (rows, { requirements: reqs, filters: f, hardRequired: hard, config: cfg }) => {
          const q = { requirements: reqs, filters: f, nowMs: NOW, hardRequired: hard };
          const hit = await retrieveOne(rows, cfg, q);
          const model = scoreCandidate(reqs, rows, {
            taxonomy,
            config: cfg,
            nowMs: NOW,
            filters: f,
            hardRequired: hard,
            candidateId: "ann",
          });
          if (!hit) {
            expect(model.explanation.found.length === 0 || (hard && !model.qualified)).toBe(true);
            return;
          }
          expect(hit).toEqual({
            candidateId: "ann",
            score: model.score,
            matched: model.explanation.requirements.filter((r) => r.basis !== "none").map((r) => r.conceptId),
            exact: { unmetRequired: model.unmetRequired, levelSurplus: model.levelSurplus },
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it("lets a voice speak through its strongest newest piece", async () => {
    const rows = ["python", "django"].map(
      (conceptId, i): EvidenceRow => ({
        ...fc.sample(evidenceRow("ann"), { seed: 1, numRuns: 1 })[0]!,
        id: `a${i}`,
        conceptId,
        level: conceptId === "python" ? 2 : 5,
        sourceKind: "employer-record",
        issuer: "Acme",
        revoked: false,
        validUntil: null,
        lastPracticedAt: "2025-06-01",
      }),
    );
    const position = [req("python", { minLevel: 4 })];
    const hit = await retrieveOne(rows, DEFAULT_SCORING, {
      requirements: position,
      filters: NO_FILTERS,
      nowMs: NOW,
      hardRequired: false,
    });
    const model = scoreCandidate(position, rows, scoringContext());
    expect(model.explanation.requirements[0]?.evidence.map((e) => e.assertionId)).toEqual(["a1"]);
    expect(hit?.score).toBe(model.score);
  });
});
