/** The ranking order every caller uses, so rankings are deterministic whatever the backend. */
export interface Rankable {
  candidateId: string;
  score: number;
  /** required requirements not met (0 = qualified) */
  unmetRequired: number;
  levelSurplus: number;
}

/**
 * Qualified first; among the disqualified, those closest to qualifying (fewer required
 * requirements unmet); then score desc, Σ level surplus desc, candidate id asc.
 */
export function compareRanked(a: Rankable, b: Rankable): number {
  if (a.unmetRequired !== b.unmetRequired) return a.unmetRequired - b.unmetRequired;
  if (a.score !== b.score) return b.score - a.score;
  if (a.levelSurplus !== b.levelSurplus) return b.levelSurplus - a.levelSurplus;
  return a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0;
}
