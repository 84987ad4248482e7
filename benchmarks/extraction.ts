/**
 * bench:extraction — Decorte et al. skill extraction, HOUSE and TECH validation splits, against all
 * ESCO skills (imported with importEsco). RP@5, MRR, P@1 and Recall@10 per sentence for ler-match's
 * extractor beside two baselines computed in the same run: literal label matching (ESCO preferred
 * and alternative labels, longest first, no stemming) and BM25 over labels plus descriptions at
 * lower weight (Porter stems, stop words removed). Throughput is sentences/s on one core.
 */
import { readFileSync } from "node:fs";
import { createBm25 } from "../src/text/bm25.ts";
import { readCsvRows } from "../taxonomy/import/csv.ts";
import { importEsco } from "../taxonomy/import/esco.ts";
import type { Concept } from "../taxonomy/model.ts";
import { Concept as ConceptSchema } from "../taxonomy/model.ts";
import { contentStems } from "../taxonomy/resolver/concept-index.ts";
import { createExtractor, type ExtractionWeights } from "../taxonomy/resolver/extract.ts";

const DATA = new URL("../../shared/data/", import.meta.url).pathname;
const SETS = ["house", "tech"] as const;
const NOT_GOLD = new Set(["LABEL NOT PRESENT", "UNDERSPECIFIED"]);
const DEPTH = 10;
const BM25_DESCRIPTION_WEIGHT = 0.3;

interface Sentence {
  text: string;
  gold: Set<string>;
}

type Ranker = (text: string) => string[];

interface Metrics {
  rp5: number;
  mrr: number;
  p1: number;
  r10: number;
  perSecond: number;
}

export function readSentences(set: string, idByLabel: ReadonlyMap<string, string>): Sentence[] {
  const bySentence = new Map<string, Set<string>>();
  for (const row of readCsvRows(`${DATA}decorte-skill-extraction/${set}_validation_annotations.csv`)) {
    const text = row.sentence ?? "";
    const gold = bySentence.get(text) ?? new Set<string>();
    const id = idByLabel.get((row.label ?? "").toLowerCase());
    if (!NOT_GOLD.has(row.label ?? "") && id) gold.add(id);
    bySentence.set(text, gold);
  }
  return [...bySentence].filter(([, g]) => g.size > 0).map(([text, gold]) => ({ text, gold }));
}

export function evaluate(sentences: readonly Sentence[], rank: Ranker): Metrics {
  const sum = { rp5: 0, mrr: 0, p1: 0, r10: 0 };
  const t0 = performance.now();
  for (const s of sentences) {
    const ranked = rank(s.text).slice(0, DEPTH);
    const hits = ranked.map((id) => s.gold.has(id));
    const first = hits.indexOf(true);
    sum.rp5 += hits.slice(0, 5).filter(Boolean).length / Math.min(5, s.gold.size);
    sum.mrr += first >= 0 ? 1 / (first + 1) : 0;
    sum.p1 += hits[0] ? 1 : 0;
    sum.r10 += hits.filter(Boolean).length / s.gold.size;
  }
  const seconds = (performance.now() - t0) / 1000;
  const n = sentences.length;
  return { rp5: sum.rp5 / n, mrr: sum.mrr / n, p1: sum.p1 / n, r10: sum.r10 / n, perSecond: n / seconds };
}

function bm25Baseline(skills: readonly Concept[]): Ranker {
  const labels = createBm25(skills.map((c) => [c.label, ...c.aliases].flatMap(contentStems)));
  const descriptions = createBm25(skills.map((c) => contentStems(c.description ?? "")));
  return (text) => {
    const q = contentStems(text);
    const scores = labels.scores(q);
    for (const [doc, s] of descriptions.scores(q))
      scores.set(doc, (scores.get(doc) ?? 0) + BM25_DESCRIPTION_WEIGHT * s);
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, DEPTH)
      .map(([doc]) => skills[doc]?.id ?? "");
  };
}

const LITERAL: Partial<ExtractionWeights> = { stemmedPhrase: 0, names: 0, description: 0, prior: 0 };

export function readPriors(idByLabel: ReadonlyMap<string, string>): Map<string, number> {
  const raw = JSON.parse(readFileSync(`${DATA}decorte-skill-extraction/esco_priors.json`, "utf8")) as Record<
    string,
    number
  >;
  const max = Math.max(...Object.values(raw));
  const out = new Map<string, number>();
  for (const [label, p] of Object.entries(raw)) {
    const id = idByLabel.get(label.trim().toLowerCase());
    if (id) out.set(id, p / max);
  }
  return out;
}

export function loadEscoSkills(): Concept[] {
  const { concepts } = importEsco(`${DATA}esco-v1.1.1`);
  return concepts
    .map((c) => ConceptSchema.parse(c))
    .filter((c) => c.type !== "occupation" && (c.escoUri ?? "").includes("/esco/skill/"));
}

function main(): void {
  const skills = loadEscoSkills();
  const idByLabel = new Map(skills.map((c) => [c.label.toLowerCase(), c.id]));
  const priors = readPriors(idByLabel);
  const weights = process.env.EXTRACTION_WEIGHTS ? JSON.parse(process.env.EXTRACTION_WEIGHTS) : {};
  const ours = createExtractor(skills, { priors, weights });
  const literal = createExtractor(skills, { weights: LITERAL });
  const systems: [string, Ranker][] = [
    ["literal labels (longest first)", (t) => literal.extract(t, DEPTH).map((c) => c.id)],
    ["BM25 labels + descriptions", bm25Baseline(skills)],
    ["ler-match extractConcepts", (t) => ours.extract(t, DEPTH).map((c) => c.id)],
  ];
  const fmt = (n: number) => n.toFixed(3);
  console.log(`ESCO skills ranked: ${skills.length}; priors mapped: ${priors.size}`);
  for (const set of SETS) {
    const sentences = readSentences(set, idByLabel);
    console.log(`\n${set.toUpperCase()} validation: ${sentences.length} sentences with gold labels`);
    console.log("| system | RP@5 | MRR | P@1 | R@10 | sentences/s |\n|---|---|---|---|---|---|");
    for (const [name, rank] of systems) {
      const m = evaluate(sentences, rank);
      console.log(
        `| ${name} | ${fmt(m.rp5)} | ${fmt(m.mrr)} | ${fmt(m.p1)} | ${fmt(m.r10)} | ${Math.round(m.perSecond)} |`,
      );
    }
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/benchmarks\//, "benchmarks/")))
  main();
