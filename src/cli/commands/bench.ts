/**
 * `ler-match bench …`: generate a labelled dataset, measure match quality of scoring
 * configurations against baselines, and score the external title-matching tasks.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { LerError } from "../../domain/errors.ts";
import { generateBenchSet } from "../../generate/benchset.ts";
import { escoSource } from "../../generate/esco.ts";
import { drawGroups, groupsCsv, plantProxy } from "../../generate/fairness.ts";
import { WORLDS, worldNamed } from "../../generate/worlds.ts";
import { writeDataset } from "../../quality/dataset.ts";
import { type ExternalResult, evaluateJobbert, evaluateTalentClef } from "../../quality/external.ts";
import { formatRun } from "../../quality/metrics.ts";
import { formatTable, metricsJson, renderHtml } from "../../quality/report.ts";
import { type QualityReport, runQuality } from "../../quality/runner.ts";
import { collect, int, readConfig } from "../bench-args.ts";
import { reportError } from "../exit.ts";
import { type DatasetOptions, onDataset } from "./bench-dataset.ts";
import { registerFairness } from "./bench-fairness.ts";
import { registerMatrix, registerTune } from "./bench-model.ts";

const runFileName = (system: string) => `${system.replace(/[^A-Za-z0-9._-]+/g, ".")}.run`;

export function writeQualityOutputs(out: string, report: QualityReport): void {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "metrics.json"), `${JSON.stringify(metricsJson(report), null, 2)}\n`);
  for (const s of report.systems)
    writeFileSync(join(out, runFileName(s.name)), formatRun(s.run, s.name.replace(/\s+/g, "_")));
  writeFileSync(join(out, "report.html"), renderHtml(report));
}

interface GenerateOptions {
  out: string;
  people: string;
  positions: string;
  seed: string;
  esco?: string;
  occupations: string;
  world: string;
  groups?: boolean;
  plantProxy?: boolean;
  json?: boolean;
}

function registerGenerate(bench: Command): void {
  bench
    .command("generate")
    .description("write a generated labelled dataset: corpus/, positions.json, qrels, truth.json")
    .requiredOption("--out <dir>", "dataset folder to write")
    .option("--people <n>", "people in the population", "2000")
    .option("--positions <n>", "positions to judge", "30")
    .option("--seed <n>", "generator seed", "42")
    .option("--esco <dir>", "draw occupations and skills from ESCO CSVs instead of the starter taxonomy")
    .option("--occupations <n>", "ESCO occupations to sample (with --esco)", "40")
    .option("--world <name>", `noise model: ${Object.keys(WORLDS).join(", ")}`, "baseline")
    .option("--groups", "also write groups.csv: a group label per person, drawn independently of skills")
    .option(
      "--plant-proxy",
      "plant a skill held mostly by one group that every position over-weights (implies --groups)",
    )
    .option("--json", "machine-readable JSON output")
    .action((o: GenerateOptions) => {
      try {
        const seed = int("seed", o.seed);
        const esco = o.esco ? escoSource(o.esco, seed, int("occupations", o.occupations, 1)) : null;
        const generated = generateBenchSet({
          people: int("people", o.people, 1),
          positions: int("positions", o.positions, 1),
          seed,
          world: worldNamed(o.world),
          ...(esco ? { concepts: esco.concepts, occupations: esco.occupations, taxonomy: "esco" } : {}),
        });
        const groups = o.groups || o.plantProxy ? drawGroups(generated, seed) : null;
        const content = groups && o.plantProxy ? plantProxy(generated, groups, seed) : generated;
        writeDataset(o.out, content);
        if (groups) writeFileSync(join(o.out, "groups.csv"), groupsCsv(groups));
        const judged = [...content.qrels.values()].reduce((s, j) => s + j.size, 0);
        const summary = {
          out: o.out,
          documents: content.documents.length,
          positions: content.positions.length,
          judged,
        };
        process.stdout.write(
          o.json
            ? `${JSON.stringify(summary)}\n`
            : `wrote ${summary.documents} documents, ${summary.positions} positions, ${judged} relevant judgements to ${o.out}\n`,
        );
      } catch (e) {
        reportError(e, !!o.json);
      }
    });
}

interface QualityOptions extends DatasetOptions {
  config: string[];
  out: string;
  depth: string;
  iterations: string;
  seed: string;
  ablations: boolean;
  baselines: boolean;
  jdText: boolean;
}

function registerQuality(bench: Command): void {
  const command = bench
    .command("quality")
    .description(
      "rank every position with each configuration, ablations and baselines; write metrics and a report",
    )
    .requiredOption("--dataset <dir>", "dataset folder (see bench generate)")
    .option(
      "--config <file>",
      "scoring configuration JSON (repeatable; default: the built-in defaults)",
      collect,
      [],
    )
    .option("--out <dir>", "output folder", "bench-out")
    .option("--depth <n>", "ranked candidates kept per position", "1000")
    .option("--iterations <n>", "permutations / bootstrap resamples", "10000")
    .option("--seed <n>", "seed of the significance tests", "1")
    .option("--no-ablations", "skip the one-factor-off ablations")
    .option("--no-baselines", "skip BM25 and skill-overlap")
    .option("--no-jd-text", "skip ranking from the positions' job-description texts");
  onDataset(
    command,
    "print metrics.json instead of the table",
    async (o: QualityOptions, dataset, taxonomy) => {
      const report = await runQuality(dataset, {
        configs: o.config.map(readConfig),
        ablations: o.ablations,
        baselines: o.baselines,
        jdText: o.jdText,
        depth: int("depth", o.depth, 1),
        iterations: int("iterations", o.iterations, 1),
        seed: int("seed", o.seed),
        taxonomy,
        log: (line) => process.stderr.write(`${line}\n`),
      });
      writeQualityOutputs(o.out, report);
      process.stdout.write(
        o.json
          ? `${JSON.stringify(metricsJson(report))}\n`
          : `${formatTable(report)}\n\nwrote ${o.out}/report.html\n`,
      );
    },
  );
}

function formatExternal(r: ExternalResult): string {
  const metrics = Object.entries(r.metrics).map(([k, v]) => `${k} ${v.toFixed(3)}`);
  const published = Object.entries(r.published ?? {}).map(([k, v]) => `${k} ${v.toFixed(3)}`);
  return `${r.task} — ${r.queries} queries, matcher ${r.matcher}\n  ${metrics.join("  ")}${published.length ? `\n  published: ${published.join("  ")}` : ""}`;
}

function registerExternal(bench: Command): void {
  bench
    .command("external")
    .description("score title matching on JobBERT (→ ESCO occupations) and TalentCLEF 2025 Task A (English)")
    .option("--data <dir>", "reference data folder", "../shared/data")
    .option("--task <task>", "jobbert, talentclef or all", "all")
    .option("--json", "machine-readable JSON output")
    .action((o: { data: string; task: string; json?: boolean }) => {
      try {
        const tasks: Record<string, () => ExternalResult[]> = {
          jobbert: () => evaluateJobbert(o.data),
          talentclef: () => evaluateTalentClef(o.data),
        };
        const chosen = o.task === "all" ? Object.keys(tasks) : [o.task];
        const results = chosen.flatMap((t) => {
          const run = tasks[t];
          if (!run) throw new LerError("invalid_input", `unknown task ${t}: use jobbert, talentclef or all`);
          return run();
        });
        process.stdout.write(
          o.json ? `${JSON.stringify(results)}\n` : `${results.map(formatExternal).join("\n")}\n`,
        );
      } catch (e) {
        reportError(e, !!o.json);
      }
    });
}

export function registerBenchCommands(program: Command): void {
  const bench = program.command("bench").description("match-quality benchmarks: datasets, metrics, reports");
  registerGenerate(bench);
  registerQuality(bench);
  registerMatrix(bench);
  registerTune(bench);
  registerExternal(bench);
  registerFairness(bench);
}
