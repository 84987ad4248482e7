/**
 * bench:titles — JobBERT validation vacancy titles → ESCO occupations.
 * Accuracy@1, MRR (rank within the top 100, else 0) and Recall@10 for matchTitles beside a BM25
 * baseline over each occupation's preferred + alternative labels, both computed in this run.
 */

import { createBm25 } from "../src/text/bm25.ts";
import { readCsvRows } from "../taxonomy/import/csv.ts";
import { importEsco } from "../taxonomy/import/esco.ts";
import { contentStems } from "../taxonomy/resolver/concept-index.ts";
import { matchTitles, type TitleOccupation } from "../taxonomy/titles.ts";

const DATA = new URL("../../shared/data/", import.meta.url).pathname;
const DEPTH = 100;

interface Row {
  title: string;
  uri: string;
}

interface Scores {
  acc1: number;
  mrr: number;
  recall10: number;
  perSecond: number;
}

function evaluate(rows: readonly Row[], rank: (title: string) => string[]): Scores {
  let acc1 = 0;
  let mrr = 0;
  let recall10 = 0;
  const t0 = performance.now();
  for (const row of rows) {
    const i = rank(row.title).indexOf(row.uri);
    if (i === 0) acc1++;
    if (i >= 0) mrr += 1 / (i + 1);
    if (i >= 0 && i < 10) recall10++;
  }
  const seconds = (performance.now() - t0) / 1000;
  const n = rows.length;
  return { acc1: acc1 / n, mrr: mrr / n, recall10: recall10 / n, perSecond: n / seconds };
}

function bm25Baseline(occupations: readonly TitleOccupation[]): (title: string) => string[] {
  const docs = occupations.map((o) => [o.label, ...(o.aliases ?? [])].flatMap(contentStems));
  const index = createBm25(docs);
  return (title) => index.search(contentStems(title), DEPTH).map((h) => occupations[h.doc]?.escoUri ?? "");
}

function main(): void {
  const { occupations } = importEsco(`${DATA}esco-v1.1.1`);
  const rows: Row[] = [...readCsvRows(`${DATA}jobbert-titles/titles.validation.csv`)].map((r) => ({
    title: r.vacancyTitle ?? "",
    uri: r.conceptUri ?? "",
  }));
  const ours = evaluate(rows, (t) => matchTitles(t, occupations, DEPTH).map((m) => m.uri ?? ""));
  const bm25 = evaluate(rows, bm25Baseline(occupations));
  const fmt = (n: number) => n.toFixed(3);
  console.log(`JobBERT validation titles: ${rows.length}; ESCO occupations: ${occupations.length}`);
  console.log("| system | acc@1 | MRR | R@10 | titles/s |\n|---|---|---|---|---|");
  for (const [name, s] of [
    ["BM25 (labels + alt labels)", bm25],
    ["ler-match matchTitles", ours],
  ] as const)
    console.log(
      `| ${name} | ${fmt(s.acc1)} | ${fmt(s.mrr)} | ${fmt(s.recall10)} | ${Math.round(s.perSecond)} |`,
    );
}

main();
