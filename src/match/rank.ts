/**
 * Ranking orchestration: the backend retrieves, the one scoring model re-scores every retrieved
 * candidate exactly over its evidence rows, and the comparator orders them.
 */
import type { Taxonomy } from "../../taxonomy/model.ts";
import { LerError } from "../domain/errors.ts";
import type { ExplainedRow } from "../domain/evidence.ts";
import type { MatchResult, RankedCandidate } from "../domain/match.ts";
import type { MatchOptions, Requirement } from "../domain/schemas.ts";
import type { ScoringConfig } from "../scoring/config.ts";
import { compareRanked, type Rankable } from "../scoring/ranking-order.ts";
import {
  aggregate,
  type CandidateScore,
  liveEvidence,
  type ScoringContext,
  scoreCandidate,
  weighRequirement,
} from "../scoring/score.ts";
import type { CandidateIndex, Retrieved } from "../search/backend.ts";
import { conceptsBearingOn } from "./bearing.ts";
import { filtersFrom } from "./filters.ts";

export const DEFAULT_CANDIDATE_POOL = 200;

export type MatchMode = "match" | "search";

export interface RankingInputs {
  requirements: Requirement[];
  options: MatchOptions;
  /** "search": required requirements are exact filters; "match": they disqualify. */
  mode: MatchMode;
  /**
   * Evidence rows per candidate. `concepts`, when given, are all a position's scores depend on:
   * rows on other concepts may be left out.
   */
  evidence: (ids: readonly string[], concepts?: readonly string[]) => Map<string, ExplainedRow[]>;
  names: (ids: readonly string[]) => Map<string, string | null>;
  taxonomy: Taxonomy;
  config: ScoringConfig;
  nowMs: number;
}

export interface RankArgs extends RankingInputs {
  index: CandidateIndex;
  /** How many candidates the backend retrieves for exact re-scoring (at least offset + limit). */
  candidatePool?: number;
}

/** How many candidates have evidence for the position, qualified or not, before paging. */
export interface PageTotal {
  /** counted up to the candidate pool */
  total: number;
  /** false when the count stopped at the pool: more people may have evidence */
  totalExact: boolean;
}

export interface RankedPage extends PageTotal {
  results: MatchResult[];
}

export interface RankedOnlyPage extends PageTotal {
  results: RankedCandidate[];
}

/** The pool's count: exact while it came back short of the pool it asked for. */
const countOf = (counted: number, pool: number): PageTotal => ({
  total: counted,
  totalExact: counted < pool,
});

/** What every ranking asks the backend, and which candidates it keeps. */
function retrievalFor(args: RankArgs) {
  const { options } = args;
  const ctx = contextFor(args);
  const k = Math.max(
    options.offset + options.limit,
    args.candidatePool ?? args.index.candidatePool ?? DEFAULT_CANDIDATE_POOL,
  );
  const query = {
    requirements: args.requirements,
    filters: ctx.filters,
    nowMs: args.nowMs,
    hardRequired: ctx.hardRequired,
  };
  // Recruiter search never shows a candidate failing a hard filter; a match shows disqualified
  // ones only when asked, and the comparator puts them after every qualified one.
  const keep = (qualified: boolean) => qualified || (options.includePartial && !ctx.hardRequired);
  return { ctx, k, query, keep };
}

export async function rankCandidates(args: RankArgs): Promise<RankedPage> {
  const { options } = args;
  const { ctx, k, query, keep } = retrievalFor(args);
  if (args.index.retrievePage) {
    // qualified candidates rank first, so the page's qualified ones are among the first offset + limit
    const { hits, pooled } = await args.index.retrievePage(query, options.offset + options.limit, k);
    return pageOfExact(args, ctx, pageHits(args, hits, keep), countOf(pooled, k));
  }
  // re-scoring finds what each candidate matched itself
  const retrieved = await args.index.retrieve({ ...query, namesMatched: false }, k);
  return pageOfEstimate(args, ctx, retrieved, keep, k);
}

/**
 * A backend that only estimates: the pool is re-scored exactly (score and ranking keys only, no
 * explanation), ranked, and only the page is explained — from the evidence already read, so the
 * page's scores are the same bits.
 */
function pageOfEstimate(
  args: RankArgs,
  ctx: ScoringContext,
  retrieved: readonly Retrieved[],
  keep: (qualified: boolean) => boolean,
  pool: number,
): RankedPage {
  const { offset, limit } = args.options;
  const ids = retrieved.map((r) => r.candidateId);
  const evidence = args.evidence(ids, conceptsBearingOn(args.requirements, args.taxonomy, args.config));
  // A backend that only estimates may return candidates with no live evidence for the position.
  const scored: Rankable[] = [];
  for (const id of ids) {
    const s = rankingKeys(args.requirements, evidence.get(id) ?? [], ctx, id);
    if (s) scored.push(s);
  }
  const kept = scored.filter((s) => keep(s.unmetRequired === 0));
  kept.sort(compareRanked);
  const page = kept
    .slice(offset, offset + limit)
    .map(({ candidateId: id }) =>
      scoreCandidate(args.requirements, evidence.get(id) ?? [], { ...ctx, candidateId: id }),
    );
  // the count is of those with live evidence; it may have stopped short only when the pool came back full
  return { total: scored.length, totalExact: retrieved.length < pool, results: named(args, page) };
}

/**
 * The exact score and ranking keys of one candidate, as scoreCandidate computes them, without the
 * explanation; null when no live evidence bears on any requirement (scoreCandidate's `found` empty).
 */
function rankingKeys(
  requirements: readonly Requirement[],
  rows: readonly ExplainedRow[],
  ctx: ScoringContext,
  candidateId: string,
): Rankable | null {
  const live = liveEvidence(rows, ctx);
  const weighed = requirements.map((req) => weighRequirement(req, live, ctx));
  if (weighed.every((w) => w.estimate.basis === "none")) return null;
  const { score, unmetRequired, levelSurplus } = aggregate(requirements, weighed, ctx.hardRequired);
  return { candidateId, score, unmetRequired, levelSurplus };
}

/**
 * The ranking alone, as `rankCandidates` ranks (the same people, order, totals and keys): from a
 * backend that scores exactly, its own keys, without reading or explaining any evidence.
 */
export async function rankingOnly(args: RankArgs): Promise<RankedOnlyPage> {
  const { options } = args;
  const { k, query, keep } = retrievalFor(args);
  if (!args.index.retrievePage) {
    const { results, ...count } = await rankCandidates(args);
    return { ...count, results: results.map(({ explanation: _, ...keys }) => keys) };
  }
  const { hits, pooled } = await args.index.retrievePage(query, options.offset + options.limit, k);
  const page = pageHits(args, hits, keep);
  const names = args.names(page.map((r) => r.candidateId));
  const results = page.map((r, i): RankedCandidate => {
    const { unmetRequired, levelSurplus } = r.exact!;
    return {
      candidateId: r.candidateId,
      name: names.get(r.candidateId) ?? null,
      rank: options.offset + i + 1,
      score: r.score,
      qualified: unmetRequired === 0,
      unmetRequired,
      levelSurplus,
    };
  });
  return { ...countOf(pooled, k), results };
}

/** The page of an exact backend's ranking: hits with evidence the ranking keeps, cut at offset/limit. */
function pageHits(args: RankArgs, hits: readonly Retrieved[], keep: (qualified: boolean) => boolean) {
  const { offset, limit } = args.options;
  const kept = hits.filter((r) => r.matched.length > 0 && keep(r.exact?.unmetRequired === 0));
  return kept.slice(offset, offset + limit);
}

/**
 * A backend that scores exactly has already ranked: the page is cut from its ranking keys, and
 * only the page's evidence is read back, to explain it (the explanation re-derives the same score).
 */
function pageOfExact(
  args: RankArgs,
  ctx: ScoringContext,
  page: readonly Retrieved[],
  count: PageTotal,
): RankedPage {
  const ids = page.map((r) => r.candidateId);
  const evidence = args.evidence(ids, conceptsBearingOn(args.requirements, args.taxonomy, args.config));
  const scored = ids.map((id) =>
    scoreCandidate(args.requirements, evidence.get(id) ?? [], { ...ctx, candidateId: id }),
  );
  return { ...count, results: named(args, scored) };
}

function named(args: RankArgs, page: readonly CandidateScore[]): MatchResult[] {
  const names = args.names(page.map((s) => s.candidateId));
  return page.map((s, i) => withRank(s, names.get(s.candidateId) ?? null, args.options.offset + i + 1));
}

/**
 * Explains one candidate against a position, whether or not a backend would retrieve them.
 * The result's rank is 0: one candidate alone has no place in a ranking.
 */
export function explainOne(args: RankingInputs & { candidateId: string }): MatchResult {
  const names = args.names([args.candidateId]);
  if (!names.has(args.candidateId))
    throw new LerError("not_found", `no candidate with id ${args.candidateId}`, {
      details: { candidateId: args.candidateId },
    });
  const rows = args.evidence([args.candidateId]).get(args.candidateId) ?? [];
  const scored = scoreCandidate(args.requirements, rows, {
    ...contextFor(args),
    candidateId: args.candidateId,
  });
  return withRank(scored, names.get(args.candidateId) ?? null, 0);
}

function contextFor(args: RankingInputs): ScoringContext {
  return {
    taxonomy: args.taxonomy,
    config: args.config,
    nowMs: args.nowMs,
    filters: filtersFrom(args.options, args.nowMs),
    hardRequired: args.mode === "search",
    labelOf: (id) => args.taxonomy.get(id)?.label ?? id,
  };
}

function withRank(s: CandidateScore, name: string | null, rank: number): MatchResult {
  return {
    candidateId: s.candidateId,
    name,
    rank,
    score: s.score,
    qualified: s.qualified,
    unmetRequired: s.unmetRequired,
    levelSurplus: s.levelSurplus,
    explanation: s.explanation,
  };
}
