/** Arguments shared by the `ler-match bench …` commands. */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { LerError } from "../domain/errors.ts";
import { type Dataset, readDataset } from "../quality/dataset.ts";
import type { NamedConfig } from "../quality/runner.ts";
import { EXIT } from "./exit.ts";

export const int = (name: string, text: string, min = 0): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min)
    throw new LerError("invalid_input", `--${name} must be an integer ≥ ${min}`);
  return n;
};

export const ints = (name: string, text: string): number[] => text.split(",").map((t) => int(name, t.trim()));

export const collect = (value: string, previous: string[]) => [...previous, value];

export function readConfig(path: string): NamedConfig {
  try {
    return { name: basename(path).replace(/\.json$/i, ""), scoring: JSON.parse(readFileSync(path, "utf8")) };
  } catch (e) {
    throw new LerError("invalid_input", `cannot read configuration ${path}`, { cause: e });
  }
}

/** The dataset, its warnings printed; null (exit code set) when it has errors. */
export function readDatasetOrReject(dir: string): Dataset | null {
  const { dataset, issues } = readDataset(dir);
  for (const i of issues) process.stderr.write(`${i.severity} ${i.code} ${i.path}: ${i.message}\n`);
  if (!issues.some((i) => i.severity === "error")) return dataset;
  process.exitCode = EXIT.rejected;
  return null;
}
