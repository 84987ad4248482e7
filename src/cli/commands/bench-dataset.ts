/** What every `bench` command over a generated dataset shares: its options and how it reads the dataset. */
import type { Command } from "commander";
import type { Taxonomy } from "../../../taxonomy/model.ts";
import { loadStarterTaxonomy } from "../../../taxonomy/starter.ts";
import { escoSource } from "../../generate/esco.ts";
import type { Dataset } from "../../quality/dataset.ts";
import { readDatasetOrReject } from "../bench-args.ts";
import { reportError } from "../exit.ts";

export interface DatasetOptions {
  dataset: string;
  esco: string;
  json?: boolean;
}

/** The taxonomy the dataset was generated from: ESCO's, read from `escoDir`, or the starter one. */
const taxonomyOf = (dataset: Dataset, escoDir: string): Taxonomy =>
  dataset.manifest.taxonomy === "esco" ? escoSource(escoDir, 0, 1).taxonomy : loadStarterTaxonomy();

/**
 * Adds `--esco` and `--json` (described by `jsonHelp`) and the action: `work` runs on the dataset
 * and its taxonomy, unless the dataset has errors (reported, exit code "rejected"); a failure is
 * reported as every command reports it, as JSON with `--json`.
 */
export function onDataset<O extends DatasetOptions>(
  command: Command,
  jsonHelp: string,
  work: (o: O, dataset: Dataset, taxonomy: Taxonomy) => Promise<void>,
): Command {
  return command
    .option("--esco <dir>", "ESCO CSVs, for datasets generated with --esco", "../shared/data/esco-v1.1.1")
    .option("--json", jsonHelp)
    .action(async (o: O) => {
      try {
        const dataset = readDatasetOrReject(o.dataset);
        if (dataset) await work(o, dataset, taxonomyOf(dataset, o.esco));
      } catch (e) {
        reportError(e, !!o.json);
      }
    });
}
