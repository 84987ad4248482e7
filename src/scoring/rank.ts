/** The ranking order every caller uses, so rankings are deterministic whatever the backend. */
export interface Rankable {
  candidateId: string;
  score: number;
  qualified: boolean;
  levelSurplus: number;
}

/** Qualified first, then score desc, then Σ level surplus desc, then candidate id asc. */
export function compareRanked(a: Rankable, b: Rankable): number {
  if (a.qualified !== b.qualified) return a.qualified ? -1 : 1;
  if (a.score !== b.score) return b.score - a.score;
  if (a.levelSurplus !== b.levelSurplus) return b.levelSurplus - a.levelSurplus;
  return a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0;
}
