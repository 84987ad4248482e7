/**
 * k-fold cross-validation over per-item scores. Every candidate setting is scored once on every
 * item; each fold then picks the setting with the best mean on the other folds and reports it on
 * its own items, so no figure comes from the items that chose it.
 */
import { seeded } from "./rng.ts";

/** Item indices 0…n−1 dealt into k folds after a seeded shuffle. */
export function foldsOf(n: number, k: number, seed = 12): number[][] {
  const order = Array.from({ length: n }, (_, i) => i);
  const rng = seeded(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return Array.from({ length: k }, (_, f) => order.filter((_, i) => i % k === f));
}

const meanOf = (values: readonly number[], items: readonly number[]): number =>
  items.reduce((s, i) => s + (values[i] ?? 0), 0) / Math.max(1, items.length);

export interface FoldOutcome {
  /** index of the setting chosen on the other folds */
  chosen: number;
  /** the chosen setting's mean on this fold */
  score: number;
}

/** scores[setting][item] → per fold, the setting chosen without the fold and its score on it. */
export function crossValidate(
  scores: readonly (readonly number[])[],
  folds: readonly number[][],
): FoldOutcome[] {
  return folds.map((test) => {
    const inTest = new Set(test);
    const train = (scores[0] ?? []).map((_, i) => i).filter((i) => !inTest.has(i));
    let chosen = 0;
    scores.forEach((s, i) => {
      if (meanOf(s, train) > meanOf(scores[chosen] ?? [], train)) chosen = i;
    });
    return { chosen, score: meanOf(scores[chosen] ?? [], test) };
  });
}

/** A fixed system's mean on each fold. */
export const perFold = (values: readonly number[], folds: readonly number[][]): number[] =>
  folds.map((f) => meanOf(values, f));

export interface Spread {
  mean: number;
  min: number;
  max: number;
}

export const spreadOf = (values: readonly number[]): Spread => ({
  mean: values.reduce((a, b) => a + b, 0) / Math.max(1, values.length),
  min: Math.min(...values),
  max: Math.max(...values),
});

export const fmtSpread = (s: Spread): string =>
  `${s.mean.toFixed(3)} (${s.min.toFixed(3)}–${s.max.toFixed(3)})`;
