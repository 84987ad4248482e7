/** `bench fairness`: the bias audit of the ranking over a labelled dataset and the employer's groups.csv. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { LerError } from "../../domain/errors.ts";
import { parseGroups } from "../../quality/fairness.ts";
import { formatFairnessTable, renderFairnessHtml } from "../../quality/fairness-report.ts";
import { runFairness } from "../../quality/fairness-run.ts";
import { resolveScoring } from "../../quality/runner.ts";
import { DEFAULT_SCORING } from "../../scoring/config.ts";
import { int, readConfig } from "../bench-args.ts";
import { type DatasetOptions, onDataset } from "./bench-dataset.ts";

interface FairnessOptions extends DatasetOptions {
  groups: string;
  k: string;
  out: string;
  config?: string;
}

export function registerFairness(bench: Command): void {
  const command = bench
    .command("fairness")
    .description("bias audit: selection rates and impact ratios at the top k per group (NYC Local Law 144)")
    .requiredOption("--dataset <dir>", "dataset folder (bench generate)")
    .requiredOption(
      "--groups <file>",
      "groups.csv: person,<category>[,<category>…] — labels the employer holds",
    )
    .option("--k <n>", "candidates selected per position", "10")
    .option("--out <dir>", "output folder for report.html and fairness.json", "fairness-out")
    .option("--config <file>", "a scoring configuration (default: the shipped model)");
  onDataset(
    command,
    "print fairness.json instead of the table",
    async (o: FairnessOptions, dataset, taxonomy) => {
      const groups = parseGroups(readText(o.groups));
      const config = o.config ? resolveScoring(readConfig(o.config).scoring) : DEFAULT_SCORING;
      const audit = await runFairness(dataset, groups, { k: int("k", o.k, 1), taxonomy, config });
      mkdirSync(o.out, { recursive: true });
      writeFileSync(join(o.out, "fairness.json"), `${JSON.stringify(audit, null, 2)}\n`);
      writeFileSync(join(o.out, "report.html"), renderFairnessHtml(audit, dataset.manifest.name));
      process.stdout.write(
        o.json
          ? `${JSON.stringify(audit)}\n`
          : `${formatFairnessTable(audit)}\n\nreport: ${join(o.out, "report.html")}\n`,
      );
    },
  );
}

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (cause) {
    throw new LerError("invalid_input", `cannot read ${path}`, { cause });
  }
}
