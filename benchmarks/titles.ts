/**
 * bench:titles — JobBERT validation vacancy titles → ESCO occupations, 5-fold cross-validated.
 * Accuracy@1, MRR (rank within the top 100, else 0) and Recall@10 for matchTitles beside two
 * baselines computed in this run: BM25 over each occupation's preferred + alternative labels, and
 * the strongest cheap one, BM25 over the labels plus the training folds' labelled titles.
 *
 * The occupations are what production loads: the ESCO and O*NET imports merged (taxonomy/merge.ts);
 * only the ESCO ones, the benchmark's label space, are ranked. For each fold, the labelled titles
 * of the other four folds are the occupations' `examples` (the knowledge the matcher learns from);
 * the fold's own titles never are. The blend's weights (vote, neighbours, prior, exact) are chosen
 * per fold by nested cross-validation on the other four folds alone: each of those is scored with
 * the labelled titles of the remaining three voting, and the setting best on average is the one
 * the fold is measured with. Throughput is titles per CPU second (one core, load-independent).
 */

import { createBm25 } from "../src/text/bm25.ts";
import { readCsvRows } from "../taxonomy/import/csv.ts";
import { importEsco } from "../taxonomy/import/esco.ts";
import { importOnet } from "../taxonomy/import/onet.ts";
import { mergeTaxonomies } from "../taxonomy/merge.ts";
import { porterContentStems } from "../taxonomy/resolver/concept-index.ts";
import {
  blendedScore,
  buildTitleIndex,
  type EvidenceTable,
  evidenceTable,
  type Neighbour,
  priorOf,
  TITLE_WEIGHTS,
  type TitleEvidence,
  type TitleOccupation,
  type TitleWeights,
  titleEvidence,
} from "../taxonomy/titles.ts";
import { fmtSpread, foldsOf, perFold, spreadOf } from "./lib/kfold.ts";

const DATA = new URL("../../shared/data/", import.meta.url).pathname;
const DEPTH = 100;
const FOLDS = 5;
/** Weights are chosen on every SELECT_EVERY-th training title (a third: thousands per fold), to keep the run short. */
const SELECT_EVERY = 3;

/** The settings nested cross-validation chooses between. */
const NEIGHBOURS = [10, 25, 50];
const GRID: TitleWeights[] = [0, 1, 2, 4].flatMap((vote) =>
  NEIGHBOURS.flatMap((neighbours) =>
    [0, 0.1, 0.2, 0.4].flatMap((prior) =>
      [1, 0].map((exact) => ({ ...TITLE_WEIGHTS, vote, neighbours, prior, exact })),
    ),
  ),
);
/** The matcher before it learnt from labelled titles: names alone. */
const NAMES_ALONE = GRID.findIndex((w) => w.vote === 0 && w.prior === 0 && w.exact === 1);

interface Row {
  title: string;
  uri: string;
}

interface Scores {
  acc1: number[];
  mrr: number[];
  r10: number[];
}

const emptyScores = (n: number): Scores => ({
  acc1: new Array(n).fill(0),
  mrr: new Array(n).fill(0),
  r10: new Array(n).fill(0),
});

function record(s: Scores, row: number, rank: number | undefined): void {
  const r = rank !== undefined && rank <= DEPTH ? rank : undefined;
  s.acc1[row] = r === 1 ? 1 : 0;
  s.mrr[row] = r ? 1 / r : 0;
  s.r10[row] = r !== undefined && r <= 10 ? 1 : 0;
}

/** 1-based rank of `gold` as matchTitles ranks (ties: lower position first); none below minScore. */
function rankOf(t: EvidenceTable, gold: number, w: TitleWeights): number | undefined {
  const at = t.occ.indexOf(gold);
  if (at < 0) return undefined;
  const g = blendedScore(t, at, w);
  if (g < w.minScore) return undefined;
  let rank = 1;
  for (let i = 0; i < t.occ.length; i++) {
    const s = blendedScore(t, i, w);
    if (s > g || (s === g && (t.occ[i] ?? 0) < gold)) rank++;
  }
  return rank;
}

/** Occupations with the labelled titles of `rows` as examples, and which row each example is. */
function withExamples(
  occupations: readonly TitleOccupation[],
  rows: readonly Row[],
  train: readonly number[],
): { occupations: TitleOccupation[]; rowOf: number[][] } {
  const position = new Map(occupations.map((o, i) => [o.escoUri ?? "", i]));
  const examples = occupations.map((): string[] => []);
  const rowOf = occupations.map((): number[] => []);
  for (const r of train) {
    const row = rows[r];
    const occ = row && position.get(row.uri);
    if (row && occ !== undefined) {
      examples[occ]?.push(row.title);
      rowOf[occ]?.push(r);
    }
  }
  return { occupations: occupations.map((o, i) => ({ ...o, examples: examples[i] ?? [] })), rowOf };
}

function bm25Ranker(docs: string[][], occupations: readonly TitleOccupation[]) {
  const index = createBm25(docs);
  return (title: string) =>
    index.search(porterContentStems(title), DEPTH).map((h) => occupations[h.doc]?.escoUri ?? "");
}

const namesOf = (o: TitleOccupation) => [o.label, ...(o.aliases ?? [])].flatMap(porterContentStems);

/** Ranks the titles of `items` into `s`; returns the CPU microseconds it took. */
function scoreRanker(
  s: Scores,
  rows: readonly Row[],
  items: readonly number[],
  rank: (t: string) => string[],
): number {
  const c0 = process.cpuUsage();
  for (const r of items) {
    const row = rows[r];
    if (!row) continue;
    const i = rank(row.title).indexOf(row.uri);
    record(s, r, i >= 0 ? i + 1 : undefined);
  }
  const cpu = process.cpuUsage(c0);
  return cpu.user + cpu.system;
}

function main(): void {
  const esco = importEsco(`${DATA}esco-v1.1.1`);
  const merged = mergeTaxonomies([esco, importOnet(`${DATA}onet-29.2`)]);
  const occupations = merged.occupations.filter((o) => o.escoUri);
  const position = new Map(occupations.map((o, i) => [o.escoUri ?? "", i]));
  const rows: Row[] = [...readCsvRows(`${DATA}jobbert-titles/titles.validation.csv`)].map((r) => ({
    title: r.vacancyTitle ?? "",
    uri: r.conceptUri ?? "",
  }));
  const folds = foldsOf(rows.length, FOLDS);
  const foldOf = new Int32Array(rows.length);
  folds.forEach((f, i) => {
    for (const r of f) foldOf[r] = i;
  });

  const bm25 = emptyScores(rows.length);
  const bm25Micros = scoreRanker(
    bm25,
    rows,
    rows.map((_, r) => r),
    bm25Ranker(occupations.map(namesOf), occupations),
  );
  const bm25Titles = emptyScores(rows.length);
  const ours = emptyScores(rows.length);
  const namesAlone = emptyScores(rows.length);
  const chosen: TitleWeights[] = [];
  let cpuMicros = 0;
  let bm25TitlesMicros = 0;
  let measured = 0;

  folds.forEach((test, f) => {
    const train = rows.map((_, r) => r).filter((r) => foldOf[r] !== f);
    const known = withExamples(occupations, rows, train);
    // The strongest cheap baseline: BM25 whose documents also hold the training titles.
    const docs = known.occupations.map((o) => [
      ...namesOf(o),
      ...(o.examples ?? []).flatMap(porterContentStems),
    ]);
    bm25TitlesMicros += scoreRanker(bm25Titles, rows, test, bm25Ranker(docs, occupations));

    const index = buildTitleIndex(known.occupations, TITLE_WEIGHTS);
    const evidence = new Map<number, TitleEvidence>();
    const c0 = process.cpuUsage();
    for (const r of test) evidence.set(r, titleEvidence(index, rows[r]?.title ?? "", TITLE_WEIGHTS));
    const cpu = process.cpuUsage(c0);
    cpuMicros += cpu.user + cpu.system;
    measured += test.length;
    for (const r of train)
      if (r % SELECT_EVERY === 0) evidence.set(r, titleEvidence(index, rows[r]?.title ?? "", TITLE_WEIGHTS));

    // Nested: each other fold g is scored with the labelled titles of the remaining three voting.
    const mrrOnTrain = GRID.map(() => 0);
    for (let g = 0; g < FOLDS; g++) {
      if (g === f) continue;
      const counts = known.rowOf.map((list) => list.filter((r) => foldOf[r] !== g).length);
      const prior = priorOf(counts);
      const kept = (n: Neighbour) => foldOf[known.rowOf[n.occ]?.[n.nth] ?? 0] !== g;
      for (const r of folds[g] ?? []) {
        const gold = position.get(rows[r]?.uri ?? "");
        const e = evidence.get(r);
        if (gold === undefined || !e) continue;
        const tables = new Map(NEIGHBOURS.map((k) => [k, evidenceTable(e, prior, k, kept)]));
        GRID.forEach((w, i) => {
          const table = tables.get(w.neighbours);
          const rank = table && rankOf(table, gold, w);
          mrrOnTrain[i] = (mrrOnTrain[i] ?? 0) + (rank && rank <= DEPTH ? 1 / rank : 0);
        });
      }
    }
    const best = mrrOnTrain.indexOf(Math.max(...mrrOnTrain));
    const w = GRID[best] ?? TITLE_WEIGHTS;
    chosen.push(w);
    process.stderr.write(`fold ${f + 1}: chose ${JSON.stringify(w)}\n`);
    const prior = index.prior;
    for (const r of test) {
      const gold = position.get(rows[r]?.uri ?? "");
      const e = evidence.get(r);
      if (gold === undefined || !e) continue;
      record(ours, r, rankOf(evidenceTable(e, prior, w.neighbours), gold, w));
      const alone = GRID[NAMES_ALONE] ?? TITLE_WEIGHTS;
      record(namesAlone, r, rankOf(evidenceTable(e, prior, alone.neighbours), gold, alone));
    }
  });

  console.log(
    `JobBERT validation titles: ${rows.length}; ESCO occupations: ${occupations.length}; O*NET titles linked: ${occupations.reduce((n, o) => n + (o.titles?.length ?? 0), 0)}`,
  );
  console.log(`${FOLDS}-fold cross-validation; mean (lowest–highest fold)`);
  console.log("| system | acc@1 | MRR | R@10 | titles/s (CPU) |\n|---|---|---|---|---|");
  const row = (name: string, s: Scores, perSecond?: number) =>
    console.log(
      `| ${name} | ${fmtSpread(spreadOf(perFold(s.acc1, folds)))} | ${fmtSpread(spreadOf(perFold(s.mrr, folds)))} | ${fmtSpread(spreadOf(perFold(s.r10, folds)))} | ${perSecond ? Math.round(perSecond) : ""} |`,
    );
  const perSecond = (micros: number) => rows.length / (micros / 1e6);
  row("BM25 (labels + alt labels)", bm25, perSecond(bm25Micros));
  row("BM25 (labels + alt labels + training titles)", bm25Titles, perSecond(bm25TitlesMicros));
  row("ler-match, names alone (before)", namesAlone);
  row("ler-match matchTitles + labelled titles (nested CV)", ours, measured / (cpuMicros / 1e6));
  console.log(
    "\nPer fold (acc@1 / MRR / R@10):\n| fold | BM25 | BM25 + training titles | ler-match (nested CV) |\n|---|---|---|---|",
  );
  const cell = (s: Scores, f: number) =>
    [s.acc1, s.mrr, s.r10].map((xs) => (perFold(xs, folds)[f] ?? 0).toFixed(3)).join(" / ");
  for (let f = 0; f < FOLDS; f++)
    console.log(`| ${f + 1} | ${cell(bm25, f)} | ${cell(bm25Titles, f)} | ${cell(ours, f)} |`);
  console.log(
    `chosen per fold: ${chosen.map((w) => JSON.stringify({ vote: w.vote, neighbours: w.neighbours, prior: w.prior, exact: w.exact })).join(" ")}`,
  );
}

main();
