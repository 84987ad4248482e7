/**
 * Is configuration B really better than A? Paired tests over per-position metric values:
 * - randomisation (sign-flip) test: under H0 the sign of each position's difference is arbitrary;
 *   p = (#{|mean of flipped| ≥ |observed mean|} + 1) / (permutations + 1), two-sided;
 * - percentile bootstrap CI of the mean (of one configuration, or of the paired difference),
 *   resampling positions with replacement.
 * Both are seeded, so a report is reproducible.
 */
import { createRng } from "../generate/random.ts";

export interface TestOptions {
  seed?: number;
  /** permutations for the randomisation test, resamples for the bootstrap */
  iterations?: number;
  /** CI level, 0.95 by default */
  level?: number;
}

export interface Interval {
  mean: number;
  low: number;
  high: number;
}

export interface PairedComparison extends Interval {
  /** mean of b − a */
  p: number;
  n: number;
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);

function differences(a: readonly number[], b: readonly number[]): number[] {
  if (a.length !== b.length)
    throw new RangeError(`paired samples differ in length: ${a.length} vs ${b.length}`);
  return b.map((x, i) => x - (a[i] as number));
}

/** Two-sided p-value of the paired differences' mean, by flipping each difference's sign at random. */
function signFlipP(d: readonly number[], options: TestOptions): number {
  const observed = Math.abs(mean(d));
  const rng = createRng(options.seed ?? 1);
  const iterations = options.iterations ?? 10_000;
  let extreme = 0;
  for (let i = 0; i < iterations; i++) {
    let sum = 0;
    for (const x of d) sum += rng.next() < 0.5 ? -x : x;
    // a small tolerance so exact ties with the observed value count as extreme
    if (Math.abs(sum / d.length) >= observed - 1e-12) extreme++;
  }
  return (extreme + 1) / (iterations + 1);
}

export const randomisationTest = (a: readonly number[], b: readonly number[], options: TestOptions = {}) =>
  signFlipP(differences(a, b), options);

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}

export function bootstrapMean(xs: readonly number[], options: TestOptions = {}): Interval {
  const rng = createRng((options.seed ?? 1) + 1);
  const iterations = options.iterations ?? 10_000;
  const level = options.level ?? 0.95;
  const means: number[] = [];
  for (let i = 0; i < iterations && xs.length > 0; i++) {
    let sum = 0;
    for (let j = 0; j < xs.length; j++) sum += xs[rng.int(0, xs.length - 1)] as number;
    means.push(sum / xs.length);
  }
  means.sort((x, y) => x - y);
  return {
    mean: mean(xs),
    low: quantile(means, (1 - level) / 2),
    high: quantile(means, 1 - (1 - level) / 2),
  };
}

export function comparePaired(
  a: readonly number[],
  b: readonly number[],
  options: TestOptions = {},
): PairedComparison {
  const d = differences(a, b);
  return { ...bootstrapMean(d, options), p: signFlipP(d, options), n: d.length };
}
