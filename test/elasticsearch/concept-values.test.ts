/**
 * The "concepts" first stage: each concept's strongest-piece values on the candidate document.
 * Pure properties of what is stored, then, on a node, its estimate against the evidence model.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { YEAR_MS } from "../../src/domain/dates.ts";
import type { EvidenceRow, IndexedAssertion, IndexedCandidate } from "../../src/domain/evidence.ts";
import { MatchOptions, type Requirement, SourceKind } from "../../src/domain/schemas.ts";
import { rankCandidates } from "../../src/match/rank.ts";
import { DEFAULT_SCORING } from "../../src/scoring/config.ts";
import { recency } from "../../src/scoring/factors.ts";
import { toIndexedCandidate } from "../../src/scoring/indexed.ts";
import { aggregate, weighRequirement } from "../../src/scoring/score.ts";
import {
  decayBoost,
  decayFactor,
  featureKey,
  PIVOT,
  storedValue,
} from "../../src/search/elasticsearch/concept-values.ts";
import type { ElasticsearchIndex } from "../../src/search/elasticsearch/index.ts";
import { type FirstStage, QUALIFIED_BONUS, searchBody } from "../../src/search/elasticsearch/query.ts";
import { EmbeddedIndex } from "../../src/search/embedded/index.ts";
import { candidate, NOW_MS, query, requirement, skill, taxonomy } from "./fixtures.ts";
import { describeWithNode, testIndex } from "./node.ts";

const cfg = DEFAULT_SCORING;
const { graceYears, halfLifeYears, floor } = cfg.recency;
/** How far the estimate may overvalue a piece younger than the grace period. */
const GRACE_CAP = 2 ** (graceYears / halfLifeYears);

describe("concept values", () => {
  it("split recency into a floor and K(now) · the piece's factor: exact past the grace period", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 80, noNaN: true }),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) }),
        (ageYears, nowMs) => {
          const dateMs = nowMs - ageYears * YEAR_MS;
          const model = recency(dateMs, nowMs, cfg);
          const estimate = Math.max(floor, decayBoost(nowMs, cfg) * decayFactor(dateMs, cfg));
          if (ageYears >= graceYears) expect(estimate).toBeCloseTo(model, 9);
          else {
            expect(estimate).toBeGreaterThanOrEqual(model * (1 - 1e-9));
            expect(estimate).toBeLessThanOrEqual(model * GRACE_CAP * (1 + 1e-9));
          }
        },
      ),
    );
  });

  it("store a value so that the fixed saturation reads it back linearly", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: PIVOT / 2, noNaN: true }), (s) => {
        const v = storedValue(s);
        // to six significant digits, finer than the 9 bits the index keeps
        expect(Math.abs((PIVOT * v) / (v + PIVOT) - s)).toBeLessThanOrEqual(1e-5 * s);
      }),
    );
  });

  it("key each concept without a dot, one key per concept", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(featureKey(a)).not.toContain(".");
        if (a !== b) expect(featureKey(a)).not.toBe(featureKey(b));
      }),
    );
  });
});

const AGED_YEARS = [null, 2, 3.5, 9, 24, 40];
const LEVELS = [null, 0, 1, 2.5, 3, 4, 5];

/** Every candidate holds at most one piece per requirement's neighbourhood: python, excel. */
const piece = fc.record({
  level: fc.constantFrom(...LEVELS),
  kind: fc.constantFrom(...SourceKind.options),
  age: fc.constantFrom(...AGED_YEARS),
  expires: fc.constantFrom(null, -1, 1),
});
const population = fc.sample(
  fc.record({ python: fc.option(piece, { nil: undefined }), excel: fc.option(piece, { nil: undefined }) }),
  { numRuns: 150, seed: 17 },
);

type Piece = typeof piece extends fc.Arbitrary<infer T> ? T : never;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A stored evidence row, as the store hands it to re-scoring. */
function row(candidateId: string, conceptId: string, p: Piece): EvidenceRow {
  return {
    id: `${candidateId}-${conceptId}`,
    candidateId,
    documentId: `${candidateId}-doc`,
    conceptId,
    skillText: conceptId,
    resolution: { method: "exact", confidence: 1 },
    rawLevel: p.level === null ? null : String(p.level),
    scale: p.level === null ? null : "canonical",
    level: p.level,
    sourceKind: p.kind,
    issuer: null,
    issuedAt: null,
    lastPracticedAt: p.age === null ? null : isoDay(NOW_MS - p.age * YEAR_MS),
    validUntil: p.expires === null ? null : isoDay(NOW_MS + p.expires * YEAR_MS),
    wherePracticed: null,
    sourcePath: "$",
    verified: p.kind === "verified-credential",
    revoked: false,
    documentTitle: null,
    documentFormat: "native",
  };
}

const rows = new Map(
  population.map((held, n) => [
    `c${n}`,
    (["python", "excel"] as const).flatMap((concept) => {
      const p = held[concept];
      return p ? [row(`c${n}`, concept, p)] : [];
    }),
  ]),
);
const people: IndexedCandidate[] = [...rows].map(([id, rs]) => toIndexedCandidate(id, rs, cfg));

function exactScore(position: Requirement[], assertions: IndexedAssertion[], nowMs = NOW_MS): number {
  const ctx = { taxonomy, config: cfg, nowMs };
  // weighRequirement takes live evidence: what expired by now does not count
  const live = assertions.filter((a) => a.validUntilMs === null || a.validUntilMs >= nowMs);
  return aggregate(
    position,
    position.map((r) => weighRequirement(r, live, ctx)),
    false,
  ).score;
}

/** The model's score with every piece counted as live, expired or not: what the concept values know. */
const asIfNoneExpired = (position: Requirement[], assertions: IndexedAssertion[]) =>
  exactScore(
    position,
    assertions.map((a) => ({ ...a, validUntilMs: null })),
  );

const POSITIONS: Requirement[][] = [
  [requirement("python", 3), requirement("excel", null)],
  [{ ...requirement("python", 5), weight: 3 }, requirement("excel", 1)],
  [requirement("excel", 4)],
  [requirement("python", 0), { ...requirement("excel", 2), weight: 2 }],
];

let index: ElasticsearchIndex;
beforeAll(async () => {
  if (!process.env.ELASTICSEARCH_URL && !process.env.LER_MATCH_ES_URL) return;
  index = testIndex(taxonomy, "concept-values");
  await index.upsert(people);
});
afterAll(async () => {
  await index?.drop();
  await index?.close();
});

describeWithNode("the concepts first stage on a node", () => {
  it("estimates the model's score where one piece speaks per requirement, and orders as it does", async () => {
    for (const position of POSITIONS) {
      const hits = await index.retrieve(query(position), 1000);
      const exact = new Map(people.map((c) => [c.id, exactScore(position, c.assertions)]));
      const estimated = new Map(people.map((c) => [c.id, asIfNoneExpired(position, c.assertions)]));
      // every candidate with evidence for the position, expired or not, and no other
      const found = people.filter((c) => estimated.get(c.id)! > 0).map((c) => c.id);
      expect(new Set(hits.map((h) => h.candidateId))).toEqual(new Set(found));
      for (const h of hits) {
        // 9 significant bits per stored value
        const want = estimated.get(h.candidateId)!;
        expect(Math.abs(h.score - want)).toBeLessThanOrEqual(0.005 * want + 1e-6);
        // an expired piece can only raise the estimate
        expect(h.score).toBeGreaterThanOrEqual(exact.get(h.candidateId)! * 0.995 - 1e-6);
      }
      for (const [i, a] of hits.entries())
        for (const b of hits.slice(i + 1))
          expect(estimated.get(a.candidateId)!).toBeGreaterThanOrEqual(
            estimated.get(b.candidateId)! * 0.99 - 1e-6,
          );
    }
  });

  it("overvalues a piece younger than the grace period by at most 2^(grace/half-life)", async () => {
    const fresh = testIndex(taxonomy, "concept-values-fresh");
    try {
      const ages = [0, 0.5, 1, 1.5, 1.99];
      await fresh.upsert(
        ages.map((age, n) =>
          candidate(`f${n}`, skill(`f${n}`, "python", 3, { dateMs: NOW_MS - age * YEAR_MS })),
        ),
      );
      const position = [requirement("python", 3)];
      const hits = await fresh.retrieve(query(position), 10);
      expect(hits).toHaveLength(ages.length);
      for (const h of hits) {
        const want = exactScore(position, [
          skill("x", "python", 3, { dateMs: NOW_MS - ages[Number(h.candidateId.slice(1))]! * YEAR_MS }),
        ]);
        expect(h.score).toBeGreaterThanOrEqual(want * 0.995);
        expect(h.score).toBeLessThanOrEqual(want * GRACE_CAP * 1.005);
      }
    } finally {
      await fresh.drop();
      await fresh.close();
    }
  });

  it("gives the qualified bonus from each concept's highest level to those the nested pieces give it to, and on expired evidence", async () => {
    const positions = [
      [requirement("python", 3, true), requirement("excel", null)],
      [requirement("excel", 4, true), { ...requirement("python", 2.5), required: true }],
      [requirement("python", null, true)],
    ];
    const qualified = async (position: Requirement[], firstStage: FirstStage) => {
      const body = searchBody(query(position), 1000, { taxonomy, config: cfg, firstStage });
      const res = await index.client.search({ index: index.alias, ...body });
      return new Set(
        res.hits.hits.filter((h) => (h._score ?? 0) >= QUALIFIED_BONUS).map((h) => String(h.sort?.[1])),
      );
    };
    const expired = (id: string) =>
      people
        .find((c) => c.id === id)!
        .assertions.some((a) => a.validUntilMs !== null && a.validUntilMs < NOW_MS);
    for (const position of positions) {
      const fromLevels = await qualified(position, "concepts");
      const fromPieces = await qualified(position, "features");
      expect(fromPieces.size).toBeGreaterThan(0);
      for (const id of fromPieces) expect(fromLevels).toContain(id);
      for (const id of fromLevels) if (!fromPieces.has(id)) expect(expired(id)).toBe(true);
    }
  });

  it("leaves the ranking exact after re-scoring the pool", async () => {
    const embedded = new EmbeddedIndex(taxonomy, cfg);
    await embedded.upsert(people);
    for (const position of POSITIONS) {
      const rank = (backend: ElasticsearchIndex | EmbeddedIndex, candidatePool: number) =>
        rankCandidates({
          requirements: position,
          options: MatchOptions.parse({ limit: 20, includePartial: true }),
          mode: "match",
          index: backend,
          evidence: (ids) => new Map(ids.map((id) => [id, rows.get(id) ?? []])),
          names: (ids) => new Map(ids.map((id) => [id, null])),
          taxonomy,
          config: cfg,
          nowMs: NOW_MS,
          candidatePool,
        });
      const want = await rank(embedded, 20);
      const got = await rank(index, 60);
      expect(got.results.map((r) => [r.candidateId, r.score])).toEqual(
        want.results.map((r) => [r.candidateId, r.score]),
      );
    }
  });
});
