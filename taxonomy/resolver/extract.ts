/**
 * Skill extraction from free text (a CV line, a vacancy sentence): ranked concepts with where they
 * were found. Combines names found verbatim/normalised/stemmed in the text (longest first) with
 * BM25 retrieval over each concept's names and, at lower weight, its description, plus an optional
 * per-concept prior. Weights are data, tuned on validation sets only (benchmarks/extraction.ts).
 */
import { type Bm25Index, createBm25 } from "../../src/text/bm25.ts";
import type { Concept, Taxonomy } from "../model.ts";
import { buildConceptIndex, type ConceptIndex, contentStems } from "./concept-index.ts";
import { scanPhrases, tokenize } from "./scan.ts";

export interface ExtractedConcept {
  id: string;
  uri?: string;
  label: string;
  score: number;
  /** character offsets of the words that named it; -1 when only its description matched */
  start: number;
  end: number;
}

export interface ExtractionWeights {
  /** a name found in the text */
  phrase: number;
  /** the same, reached through stemming */
  stemmedPhrase: number;
  /** multiplier for a name of one word ("java", "statistics"), which is often a looser fit */
  singleWord: number;
  /** BM25 over names, divided by the best name score in the text */
  names: number;
  /** BM25 over descriptions, divided by the best description score */
  description: number;
  /** prior × this */
  prior: number;
  k1: number;
  b: number;
  /** candidates scored from each BM25 list */
  depth: number;
}

export const DEFAULT_EXTRACTION_WEIGHTS: ExtractionWeights = {
  phrase: 1,
  stemmedPhrase: 0.8,
  singleWord: 0.3,
  names: 1,
  description: 0.1,
  prior: 0.5,
  k1: 1.2,
  b: 0.75,
  depth: 200,
};

export interface ExtractorOptions {
  weights?: Partial<ExtractionWeights>;
  /** concept id → prior in 0…1 (e.g. how often the skill is asked for) */
  priors?: ReadonlyMap<string, number>;
  /** only these concepts are candidates (e.g. ESCO skills, not occupations or groups) */
  filter?: (c: Concept) => boolean;
}

export interface Extractor {
  extract(text: string, k: number): ExtractedConcept[];
  readonly index: ConceptIndex;
}

interface Span {
  start: number;
  end: number;
}

export function createExtractor(concepts: readonly Concept[], options: ExtractorOptions = {}): Extractor {
  const w = { ...DEFAULT_EXTRACTION_WEIGHTS, ...options.weights };
  const pool = options.filter ? concepts.filter(options.filter) : [...concepts];
  const index = buildConceptIndex(pool);
  const nameStems = pool.map((c) => [c.label, ...c.aliases].flatMap(contentStems));
  const nameSets = nameStems.map((s) => new Set(s));
  const names: Bm25Index = createBm25(nameStems, { k1: w.k1, b: w.b });
  const descriptions: Bm25Index = createBm25(
    pool.map((c) => contentStems(c.description ?? "")),
    { k1: w.k1, b: w.b },
  );
  const position = new Map(pool.map((c, i) => [c.id, i]));

  const extract = (text: string, k: number): ExtractedConcept[] => {
    const scores = new Map<number, number>();
    const spans = new Map<number, Span>();
    const add = (doc: number, s: number) => scores.set(doc, (scores.get(doc) ?? 0) + s);
    for (const m of scanPhrases(index, text, { stemmed: w.stemmedPhrase > 0 })) {
      const tokens = m.phrase.split(/\s+/).length;
      for (const e of m.entries) {
        const doc = position.get(e.concept.id);
        if (doc === undefined) continue;
        const base = m.method === "stemmed" ? w.stemmedPhrase : w.phrase;
        const length = tokens === 1 ? w.singleWord : 1 + 0.1 * (tokens - 1);
        add(doc, (base * length) / m.entries.length);
        if (!spans.has(doc)) spans.set(doc, { start: m.start, end: m.end });
      }
    }
    const tokens = tokenize(text).map((t) => ({ ...t, stems: contentStems(t.text) }));
    const query = tokens.flatMap((t) => t.stems);
    addNormalised(names.search(query, w.depth), w.names, add);
    addNormalised(descriptions.search(query, w.depth), w.description, add);
    if (options.priors)
      for (const doc of scores.keys()) add(doc, w.prior * (options.priors.get(pool[doc]?.id ?? "") ?? 0));
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, k)
      .flatMap(([doc, score]) => {
        const c = pool[doc];
        if (!c) return [];
        const span = spans.get(doc) ?? spanOfStems(tokens, nameSets[doc] ?? new Set());
        return [
          {
            id: c.id,
            ...(c.escoUri ? { uri: c.escoUri } : {}),
            label: c.label,
            score: Math.round(score * 1000) / 1000,
            ...span,
          },
        ];
      });
  };
  return { extract, index };
}

function addNormalised(
  hits: { doc: number; score: number }[],
  weight: number,
  add: (d: number, s: number) => void,
) {
  const top = hits[0]?.score ?? 0;
  if (top <= 0 || weight === 0) return;
  for (const h of hits) add(h.doc, (weight * h.score) / top);
}

/** The words of the text that appear in the concept's names, first to last; -1 when none. */
function spanOfStems(
  tokens: readonly { start: number; end: number; stems: string[] }[],
  stems: Set<string>,
): Span {
  const hits = tokens.filter((t) => t.stems.some((s) => stems.has(s)));
  const first = hits[0];
  const last = hits[hits.length - 1];
  return first && last ? { start: first.start, end: last.end } : { start: -1, end: -1 };
}

const extractors = new WeakMap<Taxonomy, Extractor>();

/** Ranked concepts in `text`, best first, at most k; the extractor is built once per taxonomy. */
export function extractConcepts(text: string, taxonomy: Taxonomy, k: number): ExtractedConcept[] {
  let extractor = extractors.get(taxonomy);
  if (!extractor) {
    extractor = createExtractor([...taxonomy.all()], { filter: (c) => c.type !== "occupation" });
    extractors.set(taxonomy, extractor);
  }
  return extractor.extract(text, k);
}
