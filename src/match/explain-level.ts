/**
 * A page's results at the explanation level its caller asked for. A full explanation lists every
 * piece of evidence with its factors and repeats the best two per requirement: ~10 KB per result,
 * most of what a match response weighs and a fifth of what serving it costs. A shortlist needs the
 * verdicts; the pieces are one POST /v1/explain away. Every level carries the same ranking keys,
 * bit for bit: the levels are views of one scored page, never a different scoring.
 */
import {
  EvidenceBrief,
  type ExplainLevel,
  type ExplanationSummary,
  type MatchResult,
  type MatchResultSummary,
  RankedCandidate,
  type RequirementExplanation,
  RequirementSummary,
} from "../domain/match.ts";

type At<P, L extends ExplainLevel, R> = Omit<P, "results"> & { explain: L; results: R[] };

/** A page with its results at `level`, and `explain` saying which level that is. */
export type PageAt<P> =
  | At<P, "full", MatchResult>
  | At<P, "summary", MatchResultSummary>
  | At<P, "none", RankedCandidate>;

export function pageAt<P extends { results: MatchResult[] }>(page: P, level: ExplainLevel): PageAt<P> {
  switch (level) {
    case "full":
      return { ...page, explain: level };
    case "summary":
      return { ...page, explain: level, results: page.results.map(summarised) };
    case "none":
      return { ...page, explain: level, results: page.results.map(ranked) };
  }
}

/** The schema's own keys: a field added to a schema is carried without a second list to keep. */
const RANKING_KEYS = RankedCandidate.keyof().options;
const VERDICT_KEYS = RequirementSummary.omit({ evidenceCount: true, best: true }).keyof().options;
const BRIEF_KEYS = EvidenceBrief.keyof().options;

/** The fields `keys` names, those `from` has. */
function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (from[key] !== undefined) out[key] = from[key];
  return out;
}

const ranked = (r: MatchResult): RankedCandidate => pick(r, RANKING_KEYS);

function summarised(r: MatchResult): MatchResultSummary {
  const { summary, requirements, found, missing, disqualifiedBy, excluded } = r.explanation;
  const explanation: ExplanationSummary = {
    summary,
    requirements: requirements.map(requirementSummary),
    found,
    missing,
    disqualifiedBy,
    excludedCount: excluded.length,
  };
  return { ...ranked(r), explanation };
}

const requirementSummary = (q: RequirementExplanation): RequirementSummary => ({
  ...pick(q, VERDICT_KEYS),
  evidenceCount: q.evidence.length,
  best: q.best && pick(q.best, BRIEF_KEYS),
});
