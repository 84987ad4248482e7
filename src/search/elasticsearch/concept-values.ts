/**
 * The first stage without a nested join: per concept, the candidate document carries its strongest
 * piece's value, so a requirement reads one value per concept of its neighbourhood rather than
 * matching and valuing every nested assertion.
 *
 * A piece's value is relatedness · trust · recency · P(meets), with the direct floor
 * (docs/scoring.md). Relatedness and the floor belong to the query (boosts). What is left depends on
 * the piece and on two things the query brings, the minimum and "now":
 *
 * - the minimum: P(meets) is computed at index time for each whole minimum 0…5, one field per
 *   minimum; a fractional minimum reads the two around it, interpolated;
 * - now: past the grace period, recency is 2^(−(now − date − grace)/half-life), which is
 *   K(now) · 2^((date − epoch)/half-life) — a factor of the query times one of the piece. So the
 *   `decay` fields store trust · P(meets) · 2^((date − epoch)/half-life) and the query boosts them by
 *   K(now). What the recency floor and an unstated date give, trust · P(meets) · floor (or the
 *   unknown-date constant), needs no "now": the `static` fields. The model's recency is the larger
 *   of the floor and the decay, so the estimate is the larger of the two clauses — exact, but for
 *   the grace period's cap at 1: a piece younger than the grace period is overvalued by at most
 *   2^(grace/half-life) (×1.149 with the defaults).
 *
 * Each field is a `rank_features` keyed by concept, read by a `rank_feature` saturation with a
 * fixed pivot P: for a stored v the saturation is v/(v + P), so storing v = s·P/(P − s) makes it
 * s/P exactly (to the 9 significant bits the index keeps), and a boost of P · weight reads back
 * weight · s — linear, as the model's product needs. Revoked pieces never count. Whether a piece has expired depends on now, so an expired
 * piece still counts here: the estimate can overvalue a candidate (never undervalue one), and may
 * retrieve one whose only evidence has expired, whom re-scoring drops (rank.ts keeps candidates
 * with live evidence). Reading expiring pieces nested instead kept this exact but tripled the
 * first stage's time (docs/performance.md). Re-scoring the pool stays exact.
 */

import { YEAR_MS } from "../../domain/dates.ts";
import type { IndexedAssertion, IndexedCandidate } from "../../domain/evidence.ts";
import type { Requirement } from "../../domain/schemas.ts";
import type { ScoringConfig } from "../../scoring/config.ts";
import { meetsProbability } from "../../scoring/factors.ts";

type Json = Record<string, unknown>;

/** The whole minima P(meets) is stored for: the canonical scale 0…5. */
export const MINIMA = [0, 1, 2, 3, 4, 5] as const;
/** 2025-01-01: where the decay fields' factor is 1. Any fixed date works; near now keeps it small. */
export const DECAY_EPOCH_MS = Date.UTC(2025, 0, 1);
/** The saturation pivot: above any stored value, which is ≤ PIVOT / 2 (dates to ~2075 at 10 y). */
export const PIVOT = 64;
/** Below this a value is stored as this: a rank_feature must be a positive normal float. */
const TINY = 1e-30;

export type ValueKind = "static" | "decay";
const FIELD_PREFIX = { static: "s", decay: "d" } as const;

/** `concepts.s3`: the static values at minimum 3. */
export const valueField = (kind: ValueKind, minimum: number): string =>
  `concepts.${FIELD_PREFIX[kind]}${minimum}`;

/** The mapping of the `concepts` object: one rank_features field per kind and minimum. */
export const CONCEPT_VALUES_MAPPING = {
  dynamic: "strict",
  properties: Object.fromEntries(
    (["static", "decay"] as const).flatMap((kind) =>
      MINIMA.map((m) => [valueField(kind, m).slice("concepts.".length), { type: "rank_features" }]),
    ),
  ),
} as const;

/** A rank_features key is read as `field.key`, so a key cannot hold a dot: escape it (and %). */
export const featureKey = (conceptId: string): string => conceptId.replace(/%/g, "%25").replace(/\./g, "%2E");

/** What the saturation reads back as s exactly: PIVOT · v/(v + PIVOT) = s. */
export const storedValue = (s: number): number => {
  const v = Math.min(Math.max(s, TINY), PIVOT / 2);
  // six digits: the index keeps 9 significant bits, the request need not carry seventeen
  return Number(((v * PIVOT) / (PIVOT - v)).toPrecision(6));
};

/** The piece's share of the decay, 2^((date − epoch)/half-life). */
export const decayFactor = (dateMs: number, config: ScoringConfig): number =>
  2 ** ((dateMs - DECAY_EPOCH_MS) / (config.recency.halfLifeYears * YEAR_MS));

/** K(now): the query's share of the decay, 2^(−(now − grace − epoch)/half-life). */
export const decayBoost = (nowMs: number, config: ScoringConfig): number =>
  2 **
  (-(nowMs - config.recency.graceYears * YEAR_MS - DECAY_EPOCH_MS) /
    (config.recency.halfLifeYears * YEAR_MS));

/** The part of a piece's recency that does not depend on now: the floor, or the unknown-date constant. */
function staticRecency(a: IndexedAssertion, config: ScoringConfig): number {
  const r = config.recency;
  if (!r.enabled) return 1;
  return a.dateMs === null ? r.unknownDate : r.floor;
}

export type ConceptValues = Record<string, Record<string, number>>;

/** Index time: per field, concept key → the strongest piece's stored value. */
export function conceptValues(candidate: IndexedCandidate, config: ScoringConfig): ConceptValues {
  const out: ConceptValues = {};
  const keep = (field: string, key: string, s: number) => {
    const values = out[field] ?? {};
    values[key] = Math.max(values[key] ?? 0, s);
    out[field] = values;
  };
  for (const a of candidate.assertions) {
    // revoked never counts; whether a piece has expired depends on now: it counts here (see above)
    if (a.revoked) continue;
    const key = featureKey(a.conceptId);
    const dated = config.recency.enabled && a.dateMs !== null;
    for (const m of MINIMA) {
      const tm = a.trust * meetsProbability(a.level, m, a.sourceKind, config);
      keep(`s${m}`, key, tm * staticRecency(a, config));
      if (dated) keep(`d${m}`, key, tm * decayFactor(a.dateMs!, config));
    }
  }
  for (const values of Object.values(out))
    for (const [key, s] of Object.entries(values)) values[key] = storedValue(s);
  return out;
}

/** The whole minima around `min` and the weight of each: a fractional minimum interpolates. */
function around(min: number): [number, number][] {
  const lo = Math.min(Math.floor(min), MINIMA.length - 1);
  const t = min - lo;
  return t === 0
    ? [[lo, 1]]
    : [
        [lo, 1 - t],
        [lo + 1, t],
      ];
}

/** Reads back weight · s: the saturation gives s / PIVOT for what `stored` wrote. */
const feature = (field: string, key: string, weight: number): Json => ({
  rank_feature: { field: `${field}.${key}`, saturation: { pivot: PIVOT }, boost: weight * PIVOT },
});

export interface ConceptValueQueryArgs {
  req: Requirement;
  /** the requirement's share of the weight, w_r / Σw */
  share: number;
  /** concept → relatedness, every concept of the neighbourhood */
  sims: Record<string, number>;
  directs: readonly string[];
  nowMs: number;
  config: ScoringConfig;
}

/**
 * One requirement's estimate is w · the strongest piece's value over its neighbourhood: the max (a
 * `dis_max`, query.ts) over these clauses, each concept's static and decay values; a direct concept
 * adds the floor and scales by (1 − floor), a neighbour scales by the floor.
 */
export function conceptValueClauses({
  req,
  share,
  sims,
  directs,
  nowMs,
  config,
}: ConceptValueQueryArgs): Json[] {
  const floor = config.directFloor;
  const direct = new Set(directs);
  const minima = around(req.minLevel ?? config.level.defaultMinimum);
  const kinds: [ValueKind, number][] = [["static", 1]];
  if (config.recency.enabled) kinds.push(["decay", decayBoost(nowMs, config)]);
  const queries: Json[] = [];
  for (const [concept, rho] of Object.entries(sims)) {
    const key = featureKey(concept);
    const isDirect = direct.has(concept);
    const scale = share * rho * (isDirect ? 1 - floor : floor);
    for (const [kind, factor] of kinds) {
      const should = minima.map(([m, t]) => feature(valueField(kind, m), key, scale * factor * t));
      // the piece exists whatever its value: its static value is always stored
      if (isDirect)
        should.push({
          constant_score: {
            filter: { rank_feature: { field: `${valueField("static", minima[0]![0])}.${key}` } },
            boost: share * floor,
          },
        });
      queries.push(should.length === 1 ? should[0]! : { bool: { should } });
    }
  }
  return queries;
}
