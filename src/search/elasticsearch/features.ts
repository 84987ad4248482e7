/**
 * The evidence model's strongest-piece value, relatedness · trust · recency · P(meets) with the
 * direct floor (docs/scoring.md), as plain queries over a nested skill — no script per document.
 *
 * What the query cannot change is folded into the document at index time: `levelFeature` is
 * e^(slope · level as read), so a `rank_feature` saturation with pivot e^(slope · (min − ½)) is
 * exactly the logistic P(meets). Recency is an `exp` decay on the stored date (origin now, offset
 * the grace period, halving every half-life) floored by a constant weight; trust is the stored
 * per-piece trust, relatedness a per-concept weight; the direct floor is a constant added for
 * direct concepts.
 * Products are `function_score` multiplications, sums are `bool` should clauses.
 *
 * Known differences from the script, both only in the first stage (re-scoring is exact): a
 * rank_feature keeps 8 bits of mantissa (P(meets) within ~0.4 %), and a date in the future decays
 * by its distance where the model reads it as fresh.
 */

import { YEAR_MS } from "../../domain/dates.ts";
import type { Requirement, SourceKind } from "../../domain/schemas.ts";
import type { ScoringConfig } from "../../scoring/config.ts";
import { meetsProbability } from "../../scoring/factors.ts";

type Json = Record<string, unknown>;

const LEVEL_FEATURE = "skills.levelFeature";
const DATE = "skills.dateMs";

/** Index time: the level as the model reads it, e^(slope · read); absent when no level is stated. */
export function levelFeature(
  level: number | null,
  kind: SourceKind,
  config: ScoringConfig,
): number | undefined {
  if (level === null) return undefined;
  const read = kind === "self-asserted" ? level - config.level.selfInflation : level;
  return Math.exp(config.level.slope * read);
}

const missing = (field: string): Json => ({ bool: { must_not: { exists: { field } } } });

/** P(meets the minimum): exact logistic for a stated level, the unstated-level constant otherwise. */
function meetsQuery(minLevel: number | null, config: ScoringConfig): Json {
  const min = minLevel ?? config.level.defaultMinimum;
  return {
    bool: {
      should: [
        {
          rank_feature: {
            field: LEVEL_FEATURE,
            saturation: { pivot: Math.exp(config.level.slope * (min - 0.5)) },
          },
        },
        // the source kind does not matter without a level: no self-inflation to apply
        {
          constant_score: {
            filter: missing(LEVEL_FEATURE),
            boost: meetsProbability(null, min, "employer-record", config),
          },
        },
      ],
      minimum_should_match: 1,
    },
  };
}

/** meets · recency: the decay on a dated piece, floored; the unknown-date constant otherwise. */
function withRecency(meets: Json, nowMs: number, config: ScoringConfig): Json {
  const r = config.recency;
  if (!r.enabled) return meets;
  const decay = {
    exp: {
      [DATE]: { origin: nowMs, offset: r.graceYears * YEAR_MS, scale: r.halfLifeYears * YEAR_MS, decay: 0.5 },
    },
  };
  return {
    bool: {
      should: [
        {
          function_score: {
            query: { bool: { must: meets, filter: { exists: { field: DATE } } } },
            functions: [decay, { weight: r.floor }],
            score_mode: "max",
            boost_mode: "multiply",
          },
        },
        { bool: { must: meets, filter: missing(DATE), boost: r.unknownDate } },
      ],
      minimum_should_match: 1,
    },
  };
}

/** weight → the concepts that carry it */
function byWeight(
  sims: Record<string, number>,
  weightOf: (concept: string, rho: number) => number,
): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const [concept, rho] of Object.entries(sims)) {
    const w = weightOf(concept, rho);
    out.set(w, [...(out.get(w) ?? []), concept]);
  }
  return out;
}

export interface PieceQueryArgs {
  req: Requirement;
  /** concept → relatedness, every concept of the neighbourhood */
  sims: Record<string, number>;
  directs: readonly string[];
  /** restricts the nested documents: the neighbourhood's live assertions */
  filter: Json[];
  nowMs: number;
  config: ScoringConfig;
}

/** One nested skill's value for one requirement: the script's piece value, as queries. */
export function pieceQuery({ req, sims, directs, filter, nowMs, config }: PieceQueryArgs): Json {
  const floor = config.directFloor;
  const direct = new Set(directs);
  const weighted = {
    function_score: {
      query: withRecency(meetsQuery(req.minLevel, config), nowMs, config),
      functions: [
        // the model's trust for the piece's source kind, written at index time (IndexedAssertion.trust)
        { field_value_factor: { field: "skills.trust" } },
        // direct: floor + (1 − floor)·v; otherwise floor·v — the constant is the clause below
        // one filter per distinct weight, not per concept: a neighbourhood is often dozens of
        // narrower concepts sharing one relatedness
        ...[...byWeight(sims, (concept, rho) => rho * (direct.has(concept) ? 1 - floor : floor))].map(
          ([weight, concepts]) => ({ filter: { terms: { "skills.concept": concepts } }, weight }),
        ),
      ],
      score_mode: "multiply",
      boost_mode: "multiply",
    },
  };
  const should: Json[] = [weighted];
  if (directs.length)
    should.push({ constant_score: { filter: { terms: { "skills.concept": directs } }, boost: floor } });
  return { bool: { filter, should, minimum_should_match: 1 } };
}
