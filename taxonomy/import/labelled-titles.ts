/**
 * Vacancy titles already labelled with an ESCO occupation (the JobBERT evaluation set's CSV:
 * `vacancyTitle,conceptUri`, one row per posting). Read at import; the title matcher learns from
 * them (taxonomy/titles.ts: the labelled titles most like a new one vote, and how often an
 * occupation is the answer is its prior). Repeats are kept: a title labelled twice counts twice.
 */
import { existsSync } from "node:fs";
import { LerError } from "../../src/domain/errors.ts";
import { readCsvRows } from "./csv.ts";

const TITLE = "vacancyTitle";
const URI = "conceptUri";

/** Occupation URI → the vacancy titles labelled with it, from every file given, in order. */
export function readLabelledTitles(paths: readonly string[]): Map<string, string[]> {
  const byUri = new Map<string, string[]>();
  for (const path of paths) {
    if (!existsSync(path)) throw new LerError("invalid_input", `no labelled-title file at ${path}`);
    let checked = false;
    for (const row of readCsvRows(path)) {
      if (!checked && !(TITLE in row && URI in row))
        throw new LerError("invalid_input", `${path} has no ${TITLE} and ${URI} columns`);
      checked = true;
      const title = row[TITLE]?.trim();
      const uri = row[URI]?.trim();
      if (!title || !uri) continue;
      const list = byUri.get(uri) ?? [];
      list.push(title);
      byUri.set(uri, list);
    }
  }
  return byUri;
}
