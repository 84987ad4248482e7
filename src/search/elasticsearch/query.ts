/**
 * RetrievalQuery → Elasticsearch search body. Pure: the taxonomy decides each requirement's
 * neighbourhood and similarity, the scoring config decides the numbers, nothing here does I/O.
 *
 * - one clause per requirement, `_name`d with its concept so a hit reports what it matched (unless
 *   the caller does not read it: a named clause is run again on every hit);
 *   inside, only live assertions on concepts of the neighbourhood, each valued as the model's
 *   strongest piece — by plain queries over precomputed fields (features.ts), or by the script;
 * - match mode: a constant bonus for candidates whose every required requirement has evidence of
 *   the skill itself at the minimum, so qualified candidates come first, as compareRanked wants
 *   (the "concepts" first stage reads each concept's highest level off the document, met-levels.ts);
 * - search mode: each required requirement is an exact nested filter (concept or narrower, level).
 */
import type { Taxonomy } from "../../../taxonomy/model.ts";
import type { RetrievalFilters } from "../../domain/evidence.ts";
import type { Requirement } from "../../domain/schemas.ts";
import type { ScoringConfig } from "../../scoring/config.ts";
import { isDirect, relatedness, totalWeight } from "../../scoring/factors.ts";
import type { RetrievalQuery } from "../backend.ts";
import { conceptValueClauses } from "./concept-values.ts";
import { pieceQuery } from "./features.ts";
import { metClause } from "./met-levels.ts";
import { modelParams, WEIGHTED_PIECE_SOURCE } from "./script.ts";

/**
 * Added to qualified hits' scores; above any estimate S (≤ 1, ×1.149 at most for a piece younger
 * than the grace period), so a score at or above it is a qualified hit's, and small enough to keep
 * float precision.
 */
export const QUALIFIED_BONUS = 2;

type Json = Record<string, unknown>;

/** concept → relatedness, for every concept whose evidence counts for `asked` (relatedness > 0). */
export function similarities(
  asked: string,
  taxonomy: Taxonomy,
  config: ScoringConfig,
): Record<string, number> {
  const out: Record<string, number> = {};
  const neighbours = config.expansion ? taxonomy.neighbourhood(asked) : [asked];
  for (const held of neighbours) {
    const { relation, strength } = taxonomy.relation(asked, held);
    const rho = relatedness(relation, strength, config);
    if (rho > 0) out[held] = rho;
  }
  return out;
}

/** The concepts of a neighbourhood that are the asked skill itself (or a narrower form). */
function directConcepts(asked: string, sims: Record<string, number>, taxonomy: Taxonomy): string[] {
  return Object.keys(sims).filter((held) => isDirect(taxonomy.relation(asked, held).relation));
}

/** Per-assertion filters: never revoked or expired; the caller's verified/practiced-since filters. */
function liveFilters(filters: RetrievalFilters, nowMs: number): Json[] {
  const out: Json[] = [
    { term: { "skills.revoked": false } },
    {
      bool: {
        should: [
          { bool: { must_not: { exists: { field: "skills.validUntilMs" } } } },
          { range: { "skills.validUntilMs": { gte: nowMs } } },
        ],
        minimum_should_match: 1,
      },
    },
  ];
  if (filters.verifiedOnly) out.push({ term: { "skills.verified": true } });
  if (filters.practicedSinceMs !== null)
    out.push({ range: { "skills.dateMs": { gte: filters.practicedSinceMs } } });
  return out;
}

function scriptFor(
  req: Requirement,
  sims: Record<string, number>,
  directs: string[],
  shared: Json,
  w: number,
) {
  return {
    source: WEIGHTED_PIECE_SOURCE,
    lang: "painless",
    params: { ...shared, w, sims, directs, minLevel: req.minLevel ?? shared.defaultMinimum },
  };
}

export interface QueryContext {
  taxonomy: Taxonomy;
  config: ScoringConfig;
  /** "concepts" unless named: see ElasticsearchConfig.firstStage */
  firstStage?: FirstStage;
}

export type FirstStage = "concepts" | "features" | "script";

/**
 * The per-concept values on the candidate document know nothing of which pieces are verified or
 * when each was practised, so a query filtering on those reads the nested pieces instead.
 */
export const effectiveStage = (q: RetrievalQuery, stage: FirstStage = "concepts"): FirstStage =>
  stage === "concepts" && (q.filters.verifiedOnly || q.filters.practicedSinceMs !== null)
    ? "features"
    : stage;

export function searchBody(q: RetrievalQuery, k: number, ctx: QueryContext): Json {
  const shared = { ...modelParams(ctx.config, q.nowMs), defaultMinimum: ctx.config.level.defaultMinimum };
  const live = liveFilters(q.filters, q.nowMs);
  const weightSum = totalWeight(q.requirements);
  const should: Json[] = [];
  // the organisation is a filter of the query itself: another organisation's people are never hits
  const filter: Json[] = q.filters.org === undefined ? [] : [{ term: { org: q.filters.org } }];
  const qualifiedBy: Json[] = [];
  const stage = effectiveStage(q, ctx.firstStage);
  for (const req of q.requirements) {
    const sims = similarities(req.conceptId, ctx.taxonomy, ctx.config);
    const directs = directConcepts(req.conceptId, sims, ctx.taxonomy);
    const w = weightSum > 0 ? req.weight / weightSum : 0;
    const clause = requirementClause(
      stage,
      { req, sims, directs, share: w, live, nowMs: q.nowMs, shared },
      ctx,
    );
    should.push(q.namesMatched === false ? clause : named(clause, req.conceptId));
    if (!req.required) continue;
    if (q.hardRequired) filter.push(hardFilter(req, live, ctx.config));
    else
      qualifiedBy.push(
        stage === "concepts" ? metClause(directs, req.minLevel) : meetsFilter(req, directs, live, ctx.config),
      );
  }
  // a hit is qualified when its score holds the bonus (readHit): no name is needed to tell
  if (qualifiedBy.length)
    should.push({ constant_score: { filter: { bool: { filter: qualifiedBy } }, boost: QUALIFIED_BONUS } });
  return {
    size: k,
    // No stored fields, not even _id: reading a hit's _id decompresses the stored block that holds
    // its _source (every nested piece), which cost more than the query itself (docs/performance.md).
    // The id comes back as the sort's tie-break value, from doc values.
    stored_fields: "_none_",
    track_total_hits: false,
    query: { bool: { should, filter, minimum_should_match: 1 } },
    sort: [{ _score: "desc" }, { id: "asc" }],
    track_scores: true,
  };
}

interface ClauseArgs {
  req: Requirement;
  sims: Record<string, number>;
  directs: string[];
  /** w_r / Σw */
  share: number;
  live: Json[];
  nowMs: number;
  /** the script's model parameters */
  shared: Json;
}

/** A compound clause `{ type: { ... } }` with `_name` set inside. */
function named(clause: Json, name: string): Json {
  const [[type, body]] = Object.entries(clause) as [[string, Json]];
  return { [type]: { ...body, _name: name } };
}

/** One requirement's estimate. */
function requirementClause(stage: FirstStage, a: ClauseArgs, ctx: QueryContext): Json {
  const { req, sims, directs, share, live, nowMs, shared } = a;
  const concepts = Object.keys(sims);
  if (stage === "concepts") {
    const queries = conceptValueClauses({ req, share, sims, directs, nowMs, config: ctx.config });
    return { dis_max: { queries, tie_breaker: 0 } };
  }
  const inNeighbourhood = [{ terms: { "skills.concept": concepts } }, ...live];
  const piece =
    stage === "script"
      ? {
          script_score: {
            query: { bool: { filter: inNeighbourhood } },
            script: scriptFor(req, sims, directs, shared, share),
          },
        }
      : pieceQuery({ req, sims, directs, filter: inNeighbourhood, nowMs, config: ctx.config });
  return {
    nested: {
      path: "skills",
      score_mode: "max",
      query: piece,
      // the script weighs by w itself
      ...(stage === "script" ? {} : { boost: share }),
    },
  };
}

/**
 * Match mode's estimate of "meets": live evidence of the skill itself at the minimum — a stated
 * level at or above it, or no level where the assumed level would meet it.
 */
function meetsFilter(req: Requirement, directs: string[], live: Json[], config: ScoringConfig): Json {
  const min = req.minLevel;
  const level: Json[] =
    min === null
      ? []
      : [
          {
            bool: {
              should: [
                { range: { "skills.level": { gte: min } } },
                ...(config.level.assumedLevel >= min
                  ? [{ bool: { must_not: { exists: { field: "skills.level" } } } }]
                  : []),
              ],
              minimum_should_match: 1,
            },
          },
        ];
  return {
    nested: {
      path: "skills",
      query: { bool: { filter: [{ terms: { "skills.concept": directs } }, ...level, ...live] } },
    },
  };
}

/** Recruiter search: live evidence on the concept itself (or narrower) at level ≥ minLevel. */
function hardFilter(req: Requirement, live: Json[], config: ScoringConfig): Json {
  const concept: Json = config.expansion
    ? {
        bool: {
          should: [
            { term: { "skills.concept": req.conceptId } },
            { term: { "skills.ancestors": req.conceptId } },
          ],
          minimum_should_match: 1,
        },
      }
    : { term: { "skills.concept": req.conceptId } };
  const level = req.minLevel === null ? [] : [{ range: { "skills.level": { gte: req.minLevel } } }];
  return { nested: { path: "skills", query: { bool: { filter: [concept, ...level, ...live] } } } };
}

export interface SearchHit {
  _id?: string;
  /** [score, id]: the body's sort */
  sort?: unknown[];
  _score?: number | null;
  matched_queries?: string[] | Record<string, number>;
}

/** The hit's estimate of S (without the qualified bonus) and the requirements it matched. */
export function readHit(hit: SearchHit): { candidateId: string; score: number; matched: string[] } {
  const names = Array.isArray(hit.matched_queries)
    ? hit.matched_queries
    : Object.keys(hit.matched_queries ?? {});
  const raw = hit._score ?? 0;
  return {
    candidateId: String(hit.sort?.[1] ?? hit._id ?? ""),
    score: raw >= QUALIFIED_BONUS ? raw - QUALIFIED_BONUS : raw,
    matched: names,
  };
}
