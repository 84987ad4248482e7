/**
 * A query's terms for MaxScore: each requirement's evidence split in two — its direct lists (the
 * skill itself, narrower forms) and its neighbours' — each with the most it can do for any one
 * candidate's place in the ranking.
 *
 * Candidates rank by fewest required requirements unmet, then by score; the walk orders them by
 * one key, unmet − score/2 (a score is at most 1, so the key keeps that order). A term's `gain` is
 * the most it can take off a candidate's key: half its largest contribution to the score, plus one
 * when it is the direct evidence of a required requirement (only direct evidence meets one). A
 * candidate whose terms' gains cannot bring its key down to the k-th exact result's cannot enter
 * the top k, so terms whose gains together fall short need not be searched for new candidates.
 */
import type { Requirement } from "../../domain/schemas.ts";
import type { ScoringConfig } from "../../scoring/config.ts";
import { contribution } from "../../scoring/factors.ts";
import type { PostingList } from "./postings.ts";

/** A posting list counting for one requirement, with its relatedness to the asked concept. */
export interface TermList {
  list: PostingList;
  relatedness: number;
  direct: boolean;
}

export interface Term {
  /** the requirement's position in the query */
  requirement: number;
  direct: boolean;
  lists: readonly TermList[];
  gain: number;
  postings: number;
}

/**
 * Every non-empty term of the query, by gain (highest first; on a tie the shorter first, so the
 * longest lists are the first left out).
 */
export function termsOf(
  requirements: readonly Requirement[],
  listsOf: (req: Requirement) => readonly TermList[],
  nowMs: number,
  cfg: ScoringConfig,
): Term[] {
  let weightSum = 0;
  for (const r of requirements) weightSum += r.weight;
  const terms: Term[] = [];
  requirements.forEach((req, requirement) => {
    const lists = listsOf(req);
    for (const direct of [true, false]) {
      const mine = lists.filter((l) => l.direct === direct && l.list.n > 0);
      if (mine.length === 0) continue;
      const ub = upperEstimate(mine, req.minLevel, direct, nowMs, cfg);
      const gain = contribution(req.weight, ub, weightSum) / 2 + (direct && req.required ? 1 : 0);
      const postings = mine.reduce((n, l) => n + l.list.n, 0);
      terms.push({ requirement, direct, lists: mine, gain, postings });
    }
  });
  return terms.sort(
    (a, b) => b.gain - a.gain || a.postings - b.postings || Number(b.direct) - Number(a.direct),
  );
}

/**
 * The most the model's estimate of the requirement can be for anyone holding only these lists'
 * evidence: the bound pass's own formula (confidence from the strongest reliability and the
 * number of pieces, times the best P(meets)) at each factor's maximum over the lists.
 */
function upperEstimate(
  lists: readonly TermList[],
  minLevel: number | null,
  direct: boolean,
  nowMs: number,
  cfg: ScoringConfig,
): number {
  let reliability = 0;
  let pieces = 0;
  let meets = 0;
  for (const { list, relatedness } of lists) {
    reliability = Math.max(reliability, relatedness * list.maxTrustRecency(nowMs, cfg));
    pieces += list.maxRun;
    meets = Math.max(meets, list.maxMeets(minLevel, cfg));
  }
  const confidence = reliability >= 1 ? 1 : 1 - (1 - reliability) ** pieces;
  const tier = confidence * meets;
  const floor = cfg.directFloor;
  return direct ? floor + (1 - floor) * tier : floor * tier;
}
