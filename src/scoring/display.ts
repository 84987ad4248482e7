/**
 * How a score is shown to a person: whole points out of 100, the same on every page and in the
 * CLI. The parts of a score are apportioned by largest remainder, so the points shown for each
 * requirement add up to the points shown for the total — at the precision shown, not just in
 * the underlying floats.
 */

export const SCORE_POINTS = 100;

/** A score in 0…1 as whole points out of 100. */
export const scorePoints = (score: number): number => Math.round(score * SCORE_POINTS);

export const formatScore = (score: number): string => String(scorePoints(score));

/**
 * Whole points for each part, summing to scorePoints(total): each part gets its floor, and the
 * points still owed go to the parts with the largest remainders (ties to the earlier part).
 */
export function apportionPoints(parts: readonly number[], total: number): number[] {
  const exact = parts.map((p) => Math.max(0, p * SCORE_POINTS));
  const points = exact.map(Math.floor);
  const owed = scorePoints(total) - points.reduce((s, p) => s + p, 0);
  const order = exact
    .map((e, i) => ({ i, remainder: e - Math.floor(e) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (let k = 0; k < Math.min(Math.max(owed, 0), order.length); k++) points[order[k]!.i]! += 1;
  return points;
}

/** "200+ candidates with evidence" when the count stopped at the candidate pool, else the count itself. */
export const candidatesWithEvidence = (page: { total: number; totalExact: boolean }): string =>
  `${page.total}${page.totalExact ? "" : "+"} candidates with evidence`;
