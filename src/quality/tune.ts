/**
 * Fitting the evidence model's few weights to labelled outcomes, honestly: coordinate ascent over
 * a small grid per weight, inside k-fold cross-validation over positions. Each fold's weights are
 * fitted on the other folds and judged on its own positions only, so the reported gain is what
 * the fitted weights earn on positions they never saw, with a bootstrap interval and a paired
 * randomisation p-value.
 */

import type { SourceKind } from "../domain/schemas.ts";
import { createRng } from "../generate/random.ts";
import { ScoringConfig } from "../scoring/config.ts";
import { meetsProbability, trust } from "../scoring/factors.ts";
import { bootstrapMean, type Interval, randomisationTest } from "./compare.ts";
import { mean, modelRun, perPosition, type Snapshot } from "./offline.ts";

/** A weight the tuner may move: its path in the configuration and the values it tries. */
export interface Tunable {
  path: string;
  values: readonly number[];
}

export const TUNABLES: readonly Tunable[] = [
  { path: "trust.self-asserted", values: [0.3, 0.4, 0.5, 0.6, 0.7] },
  { path: "trust.employer-record", values: [0.6, 0.7, 0.8, 0.9] },
  { path: "trust.issued-credential", values: [0.6, 0.7, 0.8, 0.9] },
  { path: "level.selfInflation", values: [0, 0.25, 0.5, 0.75, 1, 1.5] },
  { path: "level.slope", values: [1, 1.5, 2, 3, 4] },
  { path: "level.assumedLevel", values: [2, 2.5, 3, 3.5] },
  { path: "level.defaultMinimum", values: [1, 1.5, 2, 2.5, 3] },
  { path: "directFloor", values: [0.05, 0.1, 0.15, 0.2, 0.3] },
  { path: "recency.halfLifeYears", values: [3, 6, 10] },
  { path: "recency.floor", values: [0.2, 0.35, 0.5] },
  { path: "recency.unknownDate", values: [0.5, 0.65, 0.8] },
  { path: "level.unknownSlopeFactor", values: [0.3, 0.5, 0.8] },
  { path: "relatedness.cooccurrence", values: [0.4, 0.6, 0.8, 0.95] },
];

/** The configuration with one weight set (path "group.key" or "key"). */
export function withWeight(config: ScoringConfig, path: string, value: number): ScoringConfig {
  const [group, key] = path.split(".") as [string, string | undefined];
  const draft = structuredClone(config) as unknown as Record<string, Record<string, number> | number>;
  if (key === undefined) draft[group] = value;
  else (draft[group] as Record<string, number>)[key] = value;
  return ScoringConfig.parse(draft);
}

export const weightOf = (config: ScoringConfig, path: string): number => {
  const [group, key] = path.split(".") as [string, string | undefined];
  const c = config as unknown as Record<string, Record<string, number> | number>;
  return key === undefined ? (c[group] as number) : (c[group] as Record<string, number>)[key]!;
};

const ATTESTED: readonly SourceKind[] = [
  "verified-credential",
  "signed-credential",
  "issued-credential",
  "employer-record",
  "assessment",
];

/**
 * Weights a fit may choose: those that keep the model's promise that attestation outweighs a
 * claim — an attested level at the bar beats the same level claimed, and beats a claim one level
 * higher (docs/scoring.md, principle 2). A fit that would trade that away for a benchmark point
 * is not offered.
 */
export function admissible(config: ScoringConfig): boolean {
  const value = (kind: SourceKind, level: number, min: number) =>
    trust(kind, config) * meetsProbability(level, min, kind, config);
  return ATTESTED.every((kind) =>
    [2, 3, 4].every(
      (m) =>
        value(kind, m, m) > value("self-asserted", m, m) &&
        value(kind, m, m) > value("self-asserted", m + 1, m),
    ),
  );
}

/** Coordinate ascent: each weight in turn takes its best admissible value, for a few rounds or until stable. */
export function fitWeights(
  objective: (config: ScoringConfig) => number,
  start: ScoringConfig,
  tunables: readonly Tunable[] = TUNABLES,
  rounds = 2,
): { config: ScoringConfig; value: number } {
  let config = start;
  let value = objective(config);
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (const t of tunables)
      for (const v of t.values) {
        if (v === weightOf(config, t.path)) continue;
        const candidate = withWeight(config, t.path, v);
        if (!admissible(candidate)) continue;
        const score = objective(candidate);
        if (score > value + 1e-9) {
          config = candidate;
          value = score;
          moved = true;
        }
      }
    if (!moved) break;
  }
  return { config, value };
}

export interface TuneOptions {
  folds: number;
  seed?: number;
  metric?: string;
  tunables?: readonly Tunable[];
  rounds?: number;
  iterations?: number;
  log?: (line: string) => void;
}

export interface FoldResult {
  fold: number;
  positions: number;
  /** held-out metric: fitted weights, and the starting ones */
  fitted: number;
  start: number;
}

export interface TuneReport {
  metric: string;
  folds: FoldResult[];
  /** per held-out position: fitted − start, pooled over folds */
  gain: Interval & { p: number; n: number };
  /** the weights fitted on every position: what to deploy */
  config: ScoringConfig;
  changed: { path: string; from: number; to: number }[];
}

/** Positions dealt into k folds by a seeded shuffle. */
export function foldsOf(ids: readonly string[], k: number, seed: number): string[][] {
  const shuffled = createRng(seed)
    .fork("folds")
    .shuffle([...ids]);
  return Array.from({ length: k }, (_, f) => shuffled.filter((_, i) => i % k === f));
}

export function crossValidate(snapshot: Snapshot, start: ScoringConfig, options: TuneOptions): TuneReport {
  const metric = options.metric ?? "ndcg@10";
  const tunables = options.tunables ?? TUNABLES;
  const ids = snapshot.positions.map((p) => p.id);
  const k = Math.max(2, Math.min(options.folds, ids.length));
  const objectiveOn = (only: Set<string>) => (config: ScoringConfig) =>
    mean(perPosition(snapshot, modelRun(snapshot, config, 100, only), metric, only));
  const folds: FoldResult[] = [];
  const startHeldOut: number[] = [];
  const fittedHeldOut: number[] = [];
  foldsOf(ids, k, options.seed ?? 1).forEach((test, f) => {
    const testSet = new Set(test);
    const train = new Set(ids.filter((id) => !testSet.has(id)));
    const { config } = fitWeights(objectiveOn(train), start, tunables, options.rounds);
    const fitted = perPosition(snapshot, modelRun(snapshot, config, 100, testSet), metric, testSet);
    const base = perPosition(snapshot, modelRun(snapshot, start, 100, testSet), metric, testSet);
    fittedHeldOut.push(...fitted);
    startHeldOut.push(...base);
    const result = { fold: f + 1, positions: test.length, fitted: mean(fitted), start: mean(base) };
    options.log?.(
      `fold ${result.fold}: ${metric} held out ${result.start.toFixed(3)} → ${result.fitted.toFixed(3)} (${test.length} positions)`,
    );
    folds.push(result);
  });
  const stats = { seed: options.seed ?? 1, iterations: options.iterations ?? 10_000 };
  const gain = {
    ...bootstrapMean(
      fittedHeldOut.map((x, i) => x - startHeldOut[i]!),
      stats,
    ),
    p: randomisationTest(startHeldOut, fittedHeldOut, stats),
    n: fittedHeldOut.length,
  };
  const all = new Set(ids);
  const { config } = fitWeights(objectiveOn(all), start, tunables, options.rounds);
  const changed = tunables
    .map((t) => ({ path: t.path, from: weightOf(start, t.path), to: weightOf(config, t.path) }))
    .filter((c) => c.from !== c.to);
  return { metric, folds, gain, config, changed };
}
