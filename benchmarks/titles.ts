/**
 * bench:titles — JobBERT validation vacancy titles → ESCO occupations, 5-fold cross-validated.
 * Accuracy@1, MRR (rank within the top 100, else 0) and Recall@10 for matchTitles beside a BM25
 * baseline over each occupation's preferred + alternative labels, both computed in this run. The
 * matcher's free weight (how much a qualifier word counts) is chosen per fold on the other four folds from a
 * small grid; each fold's figure is measured on titles that took no part in choosing. The
 * occupations are what production loads: the ESCO and O*NET imports merged (taxonomy/merge.ts),
 * where an ESCO occupation carries the alternate and reported titles of the O*NET occupations
 * linked to it by name; only the ESCO ones, the benchmark's label space, are ranked. Throughput is
 * titles per CPU second (one core, load-independent).
 */

import { createBm25 } from "../src/text/bm25.ts";
import { readCsvRows } from "../taxonomy/import/csv.ts";
import { importEsco } from "../taxonomy/import/esco.ts";
import { importOnet } from "../taxonomy/import/onet.ts";
import { mergeTaxonomies } from "../taxonomy/merge.ts";
import { porterContentStems } from "../taxonomy/resolver/concept-index.ts";
import { matchTitles, type TitleOccupation, type TitleWeights } from "../taxonomy/titles.ts";
import { crossValidate, fmtSpread, foldsOf, perFold, spreadOf } from "./lib/kfold.ts";

const DATA = new URL("../../shared/data/", import.meta.url).pathname;
const DEPTH = 100;
const FOLDS = 5;

/** The settings cross-validation chooses between: few, on purpose. */
const GRID: Partial<TitleWeights>[] = [0.3, 0.6].map((qualifier) => ({ qualifier }));

interface Row {
  title: string;
  uri: string;
}

/** Per title: [hit at 1, reciprocal rank, hit in top 10]; and titles per CPU second. */
function score(rows: readonly Row[], rank: (title: string) => string[]) {
  const acc1: number[] = [];
  const mrr: number[] = [];
  const r10: number[] = [];
  const c0 = process.cpuUsage();
  for (const row of rows) {
    const i = rank(row.title).indexOf(row.uri);
    acc1.push(i === 0 ? 1 : 0);
    mrr.push(i >= 0 ? 1 / (i + 1) : 0);
    r10.push(i >= 0 && i < 10 ? 1 : 0);
  }
  const cpu = process.cpuUsage(c0);
  return { acc1, mrr, r10, perSecond: rows.length / ((cpu.user + cpu.system) / 1e6) };
}

function bm25Baseline(occupations: readonly TitleOccupation[]): (title: string) => string[] {
  const docs = occupations.map((o) => [o.label, ...(o.aliases ?? [])].flatMap(porterContentStems));
  const index = createBm25(docs);
  return (title) =>
    index.search(porterContentStems(title), DEPTH).map((h) => occupations[h.doc]?.escoUri ?? "");
}

function main(): void {
  const esco = importEsco(`${DATA}esco-v1.1.1`);
  const { occupations } = esco;
  const t0 = performance.now();
  const merged = mergeTaxonomies([esco, importOnet(`${DATA}onet-29.2`)]);
  const mergeMs = performance.now() - t0;
  const withOnet = merged.occupations.filter((o) => o.escoUri);
  const rows: Row[] = [...readCsvRows(`${DATA}jobbert-titles/titles.validation.csv`)].map((r) => ({
    title: r.vacancyTitle ?? "",
    uri: r.conceptUri ?? "",
  }));
  const folds = foldsOf(rows.length, FOLDS);
  const bm25 = score(rows, bm25Baseline(occupations));
  const settings = GRID.map((w) =>
    score(rows, (t) => matchTitles(t, withOnet, DEPTH, w).map((m) => m.uri ?? "")),
  );
  const chosenBy = crossValidate(
    settings.map((s) => s.mrr),
    folds,
  );
  const ours = (metric: "acc1" | "mrr" | "r10") =>
    chosenBy.map((c, f) => perFold(settings[c.chosen]?.[metric] ?? [], [folds[f] ?? []])[0] ?? 0);
  const linked = withOnet.reduce((n, o) => n + (o.titles?.length ?? 0), 0);
  const carrying = withOnet.filter((o) => o.titles?.length).length;
  console.log(
    `JobBERT validation titles: ${rows.length}; ESCO occupations: ${withOnet.length}; O*NET titles linked: ${linked} on ${carrying} occupations (ESCO + O*NET merged in ${Math.round(mergeMs)} ms)`,
  );
  console.log(`${FOLDS}-fold cross-validation; mean (lowest–highest fold)`);
  console.log("| system | acc@1 | MRR | R@10 | titles/s (CPU) |\n|---|---|---|---|---|");
  const row = (name: string, acc1: number[], mrr: number[], r10: number[], perSecond: number) =>
    console.log(
      `| ${name} | ${fmtSpread(spreadOf(acc1))} | ${fmtSpread(spreadOf(mrr))} | ${fmtSpread(spreadOf(r10))} | ${Math.round(perSecond)} |`,
    );
  row(
    "BM25 (labels + alt labels)",
    perFold(bm25.acc1, folds),
    perFold(bm25.mrr, folds),
    perFold(bm25.r10, folds),
    bm25.perSecond,
  );
  const speed = settings.reduce((s, x) => s + x.perSecond, 0) / settings.length;
  row("ler-match matchTitles (CV)", ours("acc1"), ours("mrr"), ours("r10"), speed);
  const margins = ours("mrr").map((m, f) => m - (perFold(bm25.mrr, folds)[f] ?? 0));
  console.log(
    `\nMRR margin over BM25 per fold: ${margins.map((m) => m.toFixed(3)).join(", ")}; chosen per fold: ${chosenBy.map((c) => JSON.stringify(GRID[c.chosen])).join(" ")}`,
  );
}

main();
