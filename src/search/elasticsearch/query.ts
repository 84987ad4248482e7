/**
 * RetrievalQuery → Elasticsearch search body. Pure: the taxonomy decides each requirement's
 * neighbourhood and similarity, the scoring config decides the numbers, nothing here does I/O.
 *
 * - one nested clause per requirement, `_name`d with its concept so a hit reports what it matched;
 *   inside, only live assertions on concepts of the neighbourhood, scored by the model's script;
 * - match mode: a constant bonus for candidates whose every required requirement is carried by
 *   one assertion (m_r ≥ threshold), so qualified candidates come first, as compareRanked wants;
 * - search mode: each required requirement is an exact nested filter (concept or narrower, level).
 */
import type { Taxonomy } from "../../../taxonomy/model.ts";
import type { Requirement } from "../../domain/schemas.ts";
import type { ScoringConfig } from "../../scoring/config.ts";
import { similarity, totalWeight } from "../../scoring/factors.ts";
import type { RetrievalFilters, RetrievalQuery } from "../backend.ts";
import { MEETS_THRESHOLD_SOURCE, modelParams, WEIGHTED_MATCH_SOURCE } from "./script.ts";

/** Added to qualified hits' scores; above any S (≤ 1) and small enough to keep float precision. */
export const QUALIFIED_BONUS = 2;
const QUALIFIED_NAME = "~qualified";

type Json = Record<string, unknown>;

/** concept → similarity, for every concept whose evidence counts for `asked` (sim > 0). */
export function similarities(
  asked: string,
  taxonomy: Taxonomy,
  config: ScoringConfig,
): Record<string, number> {
  const out: Record<string, number> = {};
  const neighbours = config.expansion ? taxonomy.neighbourhood(asked) : [asked];
  for (const held of neighbours) {
    const { relation, strength } = taxonomy.relation(asked, held);
    const sim = similarity(relation, strength, config);
    if (sim > 0) out[held] = sim;
  }
  return out;
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
  source: string,
  req: Requirement,
  sims: Record<string, number>,
  shared: Json,
  extra: Json,
) {
  return {
    source,
    lang: "painless",
    params: { ...shared, ...extra, sims, minLevel: req.minLevel ?? -1 },
  };
}

export interface QueryContext {
  taxonomy: Taxonomy;
  config: ScoringConfig;
}

export function searchBody(q: RetrievalQuery, k: number, ctx: QueryContext): Json {
  const shared = modelParams(ctx.config, q.nowMs);
  const live = liveFilters(q.filters, q.nowMs);
  const weightSum = totalWeight(q.requirements);
  const should: Json[] = [];
  const filter: Json[] = [];
  const qualifiedBy: Json[] = [];
  for (const req of q.requirements) {
    const sims = similarities(req.conceptId, ctx.taxonomy, ctx.config);
    const inNeighbourhood = [{ terms: { "skills.concept": Object.keys(sims) } }, ...live];
    const w = weightSum > 0 ? req.weight / weightSum : 0;
    should.push({
      nested: {
        path: "skills",
        score_mode: "max",
        _name: req.conceptId,
        query: {
          script_score: {
            query: { bool: { filter: inNeighbourhood } },
            script: scriptFor(WEIGHTED_MATCH_SOURCE, req, sims, shared, { w }),
          },
        },
      },
    });
    if (!req.required) continue;
    if (q.hardRequired) filter.push(hardFilter(req, live, ctx.config));
    else
      qualifiedBy.push({
        nested: {
          path: "skills",
          query: {
            bool: {
              filter: [
                ...inNeighbourhood,
                {
                  script: {
                    script: scriptFor(MEETS_THRESHOLD_SOURCE, req, sims, shared, {
                      threshold: ctx.config.requiredThreshold,
                    }),
                  },
                },
              ],
            },
          },
        },
      });
  }
  if (qualifiedBy.length)
    should.push({
      constant_score: {
        filter: { bool: { filter: qualifiedBy } },
        boost: QUALIFIED_BONUS,
        _name: QUALIFIED_NAME,
      },
    });
  return {
    size: k,
    _source: false,
    track_total_hits: false,
    query: { bool: { should, filter, minimum_should_match: 1 } },
    sort: [{ _score: "desc" }, { id: "asc" }],
    track_scores: true,
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
  _score?: number | null;
  matched_queries?: string[] | Record<string, number>;
}

/** The hit's estimate of S (without the qualified bonus) and the requirements it matched. */
export function readHit(hit: SearchHit): { candidateId: string; score: number; matched: string[] } {
  const names = Array.isArray(hit.matched_queries)
    ? hit.matched_queries
    : Object.keys(hit.matched_queries ?? {});
  const qualified = names.includes(QUALIFIED_NAME);
  const raw = hit._score ?? 0;
  return {
    candidateId: hit._id ?? "",
    score: qualified ? raw - QUALIFIED_BONUS : raw,
    matched: names.filter((n) => n !== QUALIFIED_NAME),
  };
}
