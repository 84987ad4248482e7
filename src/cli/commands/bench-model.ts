/**
 * `ler-match bench matrix` — the default configuration against BM25 and skill overlap over seeds
 * and noise worlds — and `ler-match bench tune` — the model's weights fitted to a labelled dataset
 * by cross-validation, with the held-out gain and its interval.
 */
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { loadStarterOccupations, loadStarterTaxonomy } from "../../../taxonomy/starter.ts";
import { WORLDS, worldNamed } from "../../generate/worlds.ts";
import { MATRIX_HEADER, runMatrix, winsEverywhere } from "../../quality/matrix.ts";
import { snapshotOf } from "../../quality/offline.ts";
import { resolveScoring } from "../../quality/runner.ts";
import { crossValidate, type TuneReport } from "../../quality/tune.ts";
import { DEFAULT_SCORING } from "../../scoring/config.ts";
import { int, ints, readConfig } from "../bench-args.ts";
import { reportError } from "../exit.ts";
import { type DatasetOptions, onDataset } from "./bench-dataset.ts";

interface MatrixOptions {
  seeds: string;
  worlds: string;
  people: string;
  positions: string;
  config?: string;
  iterations: string;
  alpha: string;
  json?: boolean;
}

export function registerMatrix(bench: Command): void {
  bench
    .command("matrix")
    .description("nDCG@10 of a configuration vs BM25 and skill overlap on generated data, per seed and world")
    .option("--seeds <list>", "generator seeds", "7,42,1234")
    .option(
      "--worlds <list>",
      `noise worlds: ${Object.keys(WORLDS).join(", ")}`,
      Object.keys(WORLDS).join(","),
    )
    .option("--people <n>", "people per dataset", "1000")
    .option("--positions <n>", "positions per dataset", "100")
    .option("--config <file>", "scoring configuration JSON (default: the built-in defaults)")
    .option("--iterations <n>", "permutations of the randomisation test", "10000")
    .option("--alpha <p>", "significance every cell must reach", "0.01")
    .option("--json", "machine-readable JSON output")
    .action(async (o: MatrixOptions) => {
      try {
        const config = o.config ? resolveScoring(readConfig(o.config).scoring) : DEFAULT_SCORING;
        if (!o.json) process.stdout.write(`${MATRIX_HEADER}\n`);
        const cells = await runMatrix({
          seeds: ints("seeds", o.seeds),
          worlds: o.worlds.split(",").map((w) => worldNamed(w.trim())),
          people: int("people", o.people, 1),
          positions: int("positions", o.positions, 2),
          config,
          taxonomy: loadStarterTaxonomy(),
          occupations: loadStarterOccupations(),
          iterations: int("iterations", o.iterations, 1),
          ...(o.json ? {} : { log: (line: string) => process.stdout.write(`${line}\n`) }),
        });
        const alpha = Number(o.alpha);
        const wins = winsEverywhere(cells, alpha);
        if (o.json) process.stdout.write(`${JSON.stringify({ alpha, wins, cells })}\n`);
        else
          process.stdout.write(
            `\n${wins ? "wins" : "does NOT win"} over both baselines in every cell at p < ${alpha}\n`,
          );
      } catch (e) {
        reportError(e, !!o.json);
      }
    });
}

interface TuneOptions extends DatasetOptions {
  folds: string;
  config?: string;
  seed: string;
  rounds: string;
  iterations: string;
  out?: string;
}

function formatTune(r: TuneReport, folds: number): string {
  const f3 = (x: number) => x.toFixed(3);
  const lines = [
    `${r.metric}, ${folds}-fold cross-validation over positions (weights fitted on the other folds):`,
    ...r.folds.map((f) => `  fold ${f.fold}  ${f3(f.start)} → ${f3(f.fitted)}  (${f.positions} positions)`),
    `held-out gain ${r.gain.mean >= 0 ? "+" : ""}${f3(r.gain.mean)}  95% CI [${f3(r.gain.low)}, ${f3(r.gain.high)}]  p ${r.gain.p.toFixed(3)}  (n = ${r.gain.n})`,
    "",
    r.changed.length
      ? "weights fitted on every position:"
      : "the starting weights are already the best found",
    ...r.changed.map((c) => `  ${c.path}: ${c.from} → ${c.to}`),
  ];
  return lines.join("\n");
}

export function registerTune(bench: Command): void {
  const command = bench
    .command("tune")
    .description("fit the model's weights to a labelled dataset by cross-validated search")
    .requiredOption("--dataset <dir>", "dataset folder (corpus, positions, qrels)")
    .option("--folds <k>", "cross-validation folds", "5")
    .option("--config <file>", "starting configuration (default: the built-in defaults)")
    .option("--seed <n>", "seed of the fold split and the significance tests", "1")
    .option("--rounds <n>", "coordinate-ascent rounds", "2")
    .option("--iterations <n>", "permutations / bootstrap resamples", "10000")
    .option("--out <file>", "write the fitted configuration here (JSON, usable as --config)");
  onDataset(command, "machine-readable JSON output", async (o: TuneOptions, dataset, taxonomy) => {
    const start = o.config ? resolveScoring(readConfig(o.config).scoring) : DEFAULT_SCORING;
    const folds = int("folds", o.folds, 2);
    const report = crossValidate(await snapshotOf(dataset, taxonomy), start, {
      folds,
      seed: int("seed", o.seed),
      rounds: int("rounds", o.rounds, 1),
      iterations: int("iterations", o.iterations, 1),
      log: (line) => process.stderr.write(`${line}\n`),
    });
    if (o.out) writeFileSync(o.out, `${JSON.stringify(report.config, null, 2)}\n`);
    process.stdout.write(o.json ? `${JSON.stringify(report)}\n` : `${formatTune(report, folds)}\n`);
  });
}
