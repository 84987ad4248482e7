/** fast-check generators for evidence populations and positions over the fixture taxonomy. */
import fc from "fast-check";
import { YEAR_MS } from "../../src/domain/dates.ts";
import type { EvidenceRow, RetrievalFilters } from "../../src/domain/evidence.ts";
import { SourceKind } from "../../src/domain/schemas.ts";
import { ScoringConfig } from "../../src/scoring/config.ts";
import { CONCEPT_IDS, NOW, req, row } from "./fixtures.ts";

const isoDate = fc.oneof(
  fc.integer({ min: 2000, max: 2027 }).map(String),
  fc
    .tuple(fc.integer({ min: 2000, max: 2027 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
  fc.integer({ min: NOW - 30 * YEAR_MS, max: NOW + YEAR_MS }).map((ms) => new Date(ms).toISOString()),
);

const level = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 5 }),
  fc.integer({ min: 0, max: 50 }).map((x) => x / 10),
);

export const evidenceRow = (candidateId: string) =>
  fc
    .record({
      conceptId: fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom(...CONCEPT_IDS) },
        { weight: 1, arbitrary: fc.constant(null) },
      ),
      level,
      sourceKind: fc.constantFrom(...SourceKind.options),
      // a few shared issuers, so one source speaks several times (supersession, one voice)
      issuer: fc.option(fc.constantFrom("Acme", "Globex", "Initech"), { freq: 3 }),
      verified: fc.boolean(),
      revoked: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
      issuedAt: fc.option(isoDate),
      lastPracticedAt: fc.option(isoDate),
      validUntil: fc.option(isoDate, { freq: 2 }),
    })
    .map((fields): EvidenceRow => row({ ...fields, candidateId }));

export interface Population {
  ids: string[];
  evidence: Map<string, EvidenceRow[]>;
}

export const population = fc
  .array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 20 })
  .chain((sizes) => {
    const ids = sizes.map((_, i) => `cand-${String(i).padStart(3, "0")}`);
    return fc
      .tuple(...ids.map((id, i) => fc.array(evidenceRow(id), { minLength: sizes[i], maxLength: sizes[i] })))
      .map((rows): Population => ({ ids, evidence: new Map(ids.map((id, i) => [id, rows[i] ?? []])) }));
  });

export const requirements = fc.array(
  fc
    .record({
      conceptId: fc.constantFrom(...CONCEPT_IDS),
      minLevel: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 5 }), fc.constant(3.5)),
      weight: fc.oneof(fc.constantFrom(1, 2, 0.5), fc.double({ min: 0.1, max: 5, noNaN: true })),
      required: fc.boolean(),
    })
    .map((r) => req(r.conceptId, r)),
  { minLength: 1, maxLength: 6 },
);

export const filters: fc.Arbitrary<RetrievalFilters> = fc.record({
  verifiedOnly: fc.boolean(),
  practicedSinceMs: fc.option(fc.integer({ min: 1, max: 10 }).map((years) => NOW - years * YEAR_MS)),
});

export const config = fc.constantFrom(
  ScoringConfig.parse({}),
  ScoringConfig.parse({ expansion: false }),
  ScoringConfig.parse({
    trustEnabled: false,
    level: { slope: 0.7, selfInflation: 1, assumedLevel: 2, unknownSlopeFactor: 0.3, defaultMinimum: 3 },
    directFloor: 0.3,
  }),
  ScoringConfig.parse({
    recency: { graceYears: 0, halfLifeYears: 2, floor: 0.1, unknownDate: 0.5, enabled: true },
    relatedness: { narrower: 1, related: 0.9, cooccurrence: 0.95, broader: 0.6 },
    directFloor: 0.05,
  }),
);

/** A search to score a population by: its requirements and filters, hard or soft, under which config. */
export const search = fc.record({ requirements, filters, hardRequired: fc.boolean(), config });
