/**
 * External title-matching tasks, scored with the same metrics code as our own sets:
 * - JobBERT validation (Decorte et al. 2021): vacancy title → ESCO occupation among all 3,007;
 *   accuracy@1 (= P@1, one relevant occupation per title) and MRR;
 * - TalentCLEF 2025 Task A, English validation: job title → the corpus titles of the same job;
 *   MAP (the official metric) beside the published test-set figures.
 * Each task runs the title matcher (taxonomy/titles.ts `matchTitles`) and BM25 over the same
 * labels as a baseline measured in the same run.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readCsvRows } from "../../taxonomy/import/csv.ts";
import { matchTitles, type TitleOccupation } from "../../taxonomy/titles.ts";
import type { Qrels } from "../domain/bench-dataset.ts";
import { LerError } from "../domain/errors.ts";
import { buildBm25 } from "./bm25.ts";
import { evaluateRun, type MetricValues, type Run } from "./metrics.ts";

/** title → ranked candidate ids with scores, best first */
export type TitleMatcher = (title: string, k: number) => { id: string; score: number }[];

export interface ExternalResult {
  task: string;
  matcher: string;
  queries: number;
  metrics: MetricValues;
  /** published figures on the same task, for context */
  published?: Record<string, number>;
}

/** A named way of building a matcher from the occupations (or titles) to rank. */
export interface MatcherFactory {
  name: string;
  build(targets: readonly TitleOccupation[]): TitleMatcher;
}

export const TITLE_MATCHERS: readonly MatcherFactory[] = [
  {
    name: "matchTitles",
    build: (targets) => (title, k) =>
      matchTitles(title, targets, k).map((m) => ({ id: m.id, score: m.score })),
  },
  {
    name: "bm25",
    build: (targets) =>
      bm25Matcher(targets.map((t) => [t.id, [t.label, ...(t.aliases ?? [])].join("\n")] as const)),
  },
];

export function bm25Matcher(entries: Iterable<readonly [string, string]>): TitleMatcher {
  const index = buildBm25(entries);
  return (title, k) =>
    [...index.search(title)]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))
      .slice(0, k)
      .map(([id, score]) => ({ id, score }));
}

function need(path: string): string {
  if (!existsSync(path)) throw new LerError("invalid_input", `${path} is missing`);
  return path;
}

/** ESCO occupations keyed by URI, with their preferred and alternative labels. */
export function escoOccupations(escoDir: string): TitleOccupation[] {
  const out: TitleOccupation[] = [];
  for (const row of readCsvRows(need(join(escoDir, "occupations_en.csv"))))
    if (row.conceptUri && row.preferredLabel)
      out.push({
        id: row.conceptUri,
        label: row.preferredLabel,
        aliases: (row.altLabels ?? "")
          .split(/\r?\n/)
          .map((a) => a.trim())
          .filter(Boolean),
      });
  return out;
}

function runOf(queries: Iterable<readonly [string, string]>, matcher: TitleMatcher, depth: number): Run {
  const run: Run = new Map();
  for (const [id, title] of queries)
    run.set(id, new Map(matcher(title, depth).map((r, i, all) => [r.id, all.length - i])));
  return run;
}

export function evaluateJobbert(
  dataDir: string,
  matchers: readonly MatcherFactory[] = TITLE_MATCHERS,
): ExternalResult[] {
  const titles: [string, string][] = [];
  const qrels: Qrels = new Map();
  for (const row of readCsvRows(need(join(dataDir, "jobbert-titles", "titles.validation.csv")))) {
    const id = `t${titles.length}`;
    titles.push([id, row.vacancyTitle ?? ""]);
    qrels.set(id, new Map([[row.conceptUri ?? "", 1]]));
  }
  const occupations = escoOccupations(join(dataDir, "esco-v1.1.1"));
  return matchers.map((m) => {
    const { mean } = evaluateRun(qrels, runOf(titles, m.build(occupations), 100), [1, 5, 10]);
    return {
      task: "jobbert-titles (validation): title → ESCO occupation",
      matcher: m.name,
      queries: titles.length,
      metrics: {
        "acc@1": mean["p@1"] ?? 0,
        mrr: mean.mrr ?? 0,
        "r@5": mean["r@5"] ?? 0,
        "r@10": mean["r@10"] ?? 0,
      },
    };
  });
}

function readTsv(path: string): [string, string][] {
  return readFileSync(need(path), "utf8")
    .split("\n")
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => {
      const [id, ...rest] = l.split("\t");
      return [id ?? "", rest.join(" ").trim()];
    });
}

export function evaluateTalentClef(
  dataDir: string,
  matchers: readonly MatcherFactory[] = TITLE_MATCHERS,
): ExternalResult[] {
  const dir = join(dataDir, "talentclef2025", "validation", "english");
  const queries = readTsv(join(dir, "queries"));
  const corpus = readTsv(join(dir, "corpus_elements")).map(([id, label]) => ({ id, label }));
  const qrels: Qrels = new Map();
  for (const line of readFileSync(need(join(dir, "qrels.tsv")), "utf8").split("\n")) {
    const [q, , c, g] = line.trim().split(/\s+/);
    if (!q || !c) continue;
    const judged = qrels.get(q) ?? new Map<string, number>();
    judged.set(c, Number(g));
    qrels.set(q, judged);
  }
  return matchers.map((m) => {
    const { mean } = evaluateRun(qrels, runOf(queries, m.build(corpus), corpus.length), [1, 5, 10]);
    return {
      task: "TalentCLEF 2025 Task A, English (validation)",
      matcher: m.name,
      queries: qrels.size,
      metrics: {
        map: mean.map ?? 0,
        mrr: mean.mrr ?? 0,
        "p@1": mean["p@1"] ?? 0,
        "p@5": mean["p@5"] ?? 0,
        "p@10": mean["p@10"] ?? 0,
      },
      // test-set MAP (en-en) from official_results_taskA.tsv and the overview: zero-shot baseline, best run
      published: { "baseline map (test)": 0.408, "best map (test)": 0.563 },
    };
  });
}
