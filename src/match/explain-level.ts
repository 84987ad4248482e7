/**
 * A page's results at the explanation level its caller asked for. A full explanation lists every
 * piece of evidence with its factors and repeats the best two per requirement: ~10 KB per result,
 * most of what a match response weighs and a fifth of what serving it costs. A shortlist needs the
 * verdicts; the pieces are one POST /v1/explain away. Every level carries the same ranking keys,
 * bit for bit: the levels are views of one scored page, never a different scoring.
 */
import type {
  Evidence,
  EvidenceBrief,
  ExplainLevel,
  ExplanationSummary,
  MatchResult,
  MatchResultSummary,
  RankedCandidate,
  RequirementExplanation,
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

function ranked(r: MatchResult): RankedCandidate {
  return {
    candidateId: r.candidateId,
    name: r.name,
    rank: r.rank,
    score: r.score,
    qualified: r.qualified,
    unmetRequired: r.unmetRequired,
    levelSurplus: r.levelSurplus,
  };
}

function summarised(r: MatchResult): MatchResultSummary {
  const e = r.explanation;
  const explanation: ExplanationSummary = {
    summary: e.summary,
    requirements: e.requirements.map(requirementSummary),
    found: e.found,
    missing: e.missing,
    disqualifiedBy: e.disqualifiedBy,
    excludedCount: e.excluded.length,
  };
  return { ...ranked(r), explanation };
}

function requirementSummary(q: RequirementExplanation): RequirementSummary {
  return {
    conceptId: q.conceptId,
    label: q.label,
    minLevel: q.minLevel,
    weight: q.weight,
    required: q.required,
    outcome: q.outcome,
    basis: q.basis,
    estimate: q.estimate,
    confidence: q.confidence,
    meets: q.meets,
    estimatedLevel: q.estimatedLevel,
    contribution: q.contribution,
    evidenceCount: q.evidence.length,
    best: q.best && brief(q.best),
  };
}

function brief(e: Evidence): EvidenceBrief {
  return {
    assertionId: e.assertionId,
    documentId: e.documentId,
    conceptId: e.conceptId,
    conceptLabel: e.conceptLabel,
    skillText: e.skillText,
    rawLevel: e.rawLevel,
    level: e.level,
    sourceKind: e.sourceKind,
    verified: e.verified,
    ...(e.verifiedBy !== undefined && { verifiedBy: e.verifiedBy }),
    issuer: e.issuer,
    date: e.date,
  };
}
