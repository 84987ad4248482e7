/**
 * The quality matrix: one scoring configuration against the strongest simple baselines (BM25
 * over the skills as written, a count of the position's skills held, and that count weighed by
 * each skill's best stated level against the minimum) on generated datasets over
 * several seeds and noise worlds — a default is only a default if it wins in every one of them.
 * Each cell: nDCG@10 of each system, the paired difference and its randomisation p-value; and the
 * other direction — occupations ranked for each person, MRR and acc@1 of their true occupation,
 * against ranking by skill overlap.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Taxonomy } from "../../taxonomy/model.ts";
import type { OccupationProfile } from "../../taxonomy/starter.ts";
import { generateBenchSet } from "../generate/benchset.ts";
import type { World } from "../generate/worlds.ts";
import type { ScoringConfig } from "../scoring/config.ts";
import { comparePaired, type PairedComparison } from "./compare.ts";
import { readDataset, writeDataset } from "./dataset.ts";
import {
  baselines,
  levelOverlapRun,
  mean,
  modelRun,
  perPosition,
  type Snapshot,
  snapshotOf,
} from "./offline.ts";
import { type RoleQuality, roleQuality } from "./roles.ts";

export interface MatrixOptions {
  seeds: readonly number[];
  worlds: readonly World[];
  people: number;
  positions: number;
  config: ScoringConfig;
  taxonomy: Taxonomy;
  metric?: string;
  iterations?: number;
  log?: (line: string) => void;
  /** the occupations people are generated from; their roles are ranked over these (roles.ts) */
  occupations?: readonly OccupationProfile[];
}

export interface MatrixCell {
  seed: number;
  world: string;
  positions: number;
  model: number;
  bm25: number;
  overlap: number;
  levelOverlap: number;
  vsBm25: PairedComparison;
  vsOverlap: PairedComparison;
  vsLevelOverlap: PairedComparison;
  /** ranking occupations for each person: MRR / acc@1 of their true occupation */
  roles: RoleQuality | null;
}

/** A generated dataset, written and read back through the same path as a user's dataset. */
export async function generatedSnapshot(
  seed: number,
  world: World,
  people: number,
  positions: number,
  taxonomy: Taxonomy,
): Promise<Snapshot> {
  const dir = mkdtempSync(join(tmpdir(), "ler-matrix-"));
  try {
    writeDataset(dir, generateBenchSet({ people, positions, seed, world }));
    const { dataset } = readDataset(dir);
    return await snapshotOf(dataset, taxonomy);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function scoreCell(snapshot: Snapshot, config: ScoringConfig, metric: string, iterations: number) {
  const model = perPosition(snapshot, modelRun(snapshot, config), metric);
  const { bm25, overlap } = baselines(snapshot);
  const b = perPosition(snapshot, bm25, metric);
  const o = perPosition(snapshot, overlap, metric);
  const l = perPosition(snapshot, levelOverlapRun(snapshot), metric);
  const stats = { iterations, seed: 1 };
  return {
    positions: model.length,
    model: mean(model),
    bm25: mean(b),
    overlap: mean(o),
    levelOverlap: mean(l),
    vsBm25: comparePaired(b, model, stats),
    vsOverlap: comparePaired(o, model, stats),
    vsLevelOverlap: comparePaired(l, model, stats),
  };
}

export async function runMatrix(options: MatrixOptions): Promise<MatrixCell[]> {
  const metric = options.metric ?? "ndcg@10";
  const cells: MatrixCell[] = [];
  for (const world of options.worlds)
    for (const seed of options.seeds) {
      const snapshot = await generatedSnapshot(
        seed,
        world,
        options.people,
        options.positions,
        options.taxonomy,
      );
      const iterations = options.iterations ?? 10_000;
      const cell = {
        seed,
        world: world.name,
        ...scoreCell(snapshot, options.config, metric, iterations),
        roles: options.occupations
          ? roleQuality(snapshot, options.occupations, options.config, iterations)
          : null,
      };
      options.log?.(formatCell(cell));
      cells.push(cell);
    }
  return cells;
}

const f3 = (x: number) => x.toFixed(3);
const fp = (p: number) => (p < 0.001 ? "<0.001" : p.toFixed(3));

export function formatCell(c: MatrixCell): string {
  return [
    c.world.padEnd(9),
    String(c.seed).padStart(5),
    String(c.positions).padStart(4),
    f3(c.model).padStart(7),
    f3(c.bm25).padStart(7),
    f3(c.overlap).padStart(8),
    f3(c.levelOverlap).padStart(9),
    `${c.vsBm25.mean >= 0 ? "+" : ""}${f3(c.vsBm25.mean)} p ${fp(c.vsBm25.p)}`.padStart(17),
    `${c.vsOverlap.mean >= 0 ? "+" : ""}${f3(c.vsOverlap.mean)} p ${fp(c.vsOverlap.p)}`.padStart(17),
    `${c.vsLevelOverlap.mean >= 0 ? "+" : ""}${f3(c.vsLevelOverlap.mean)} p ${fp(c.vsLevelOverlap.p)}`.padStart(
      17,
    ),
    ...(c.roles
      ? [
          `${f3(c.roles.model.mrr)}/${f3(c.roles.model.acc1)}`.padStart(13),
          `${f3(c.roles.overlap.mrr)}/${f3(c.roles.overlap.acc1)}`.padStart(13),
          `${c.roles.vsOverlap.mean >= 0 ? "+" : ""}${f3(c.roles.vsOverlap.mean)} p ${fp(c.roles.vsOverlap.p)}`.padStart(
            17,
          ),
        ]
      : []),
  ].join("  ");
}

export const MATRIX_HEADER = [
  "world".padEnd(9),
  "seed".padStart(5),
  "pos".padStart(4),
  "model".padStart(7),
  "bm25".padStart(7),
  "overlap".padStart(8),
  "lvl-ovlp".padStart(9),
  "vs bm25".padStart(17),
  "vs overlap".padStart(17),
  "vs lvl-ovlp".padStart(17),
  "roles mrr/@1".padStart(13),
  "ovlp mrr/@1".padStart(13),
  "roles vs ovlp".padStart(17),
].join("  ");

/** Wins over both baselines in every cell at the given significance. */
export const winsEverywhere = (cells: readonly MatrixCell[], alpha = 0.01): boolean =>
  cells.every(
    (c) => c.vsBm25.mean > 0 && c.vsBm25.p < alpha && c.vsOverlap.mean > 0 && c.vsOverlap.p < alpha,
  );
