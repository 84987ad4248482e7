/**
 * Skill extraction from free text (a CV line, a vacancy sentence): ranked concepts with where they
 * were found. Combines names found verbatim/normalised/stemmed in the text (longest first) with
 * BM25 retrieval over each concept's names and, at lower weight, its description; then how much of
 * a candidate's best name the text covers (rare words count more, a bracketed qualifier is optional,
 * one-word names count less), an optional per-concept prior, and an optional re-rank of the top
 * candidates by related skills that also scored (occupation co-occurrence or ESCO's skill ↔ skill
 * relations). Weights are data; the free ones are chosen by k-fold cross-validation on the
 * validation sets (benchmarks/extraction.ts, docs/extraction.md).
 */
import type { Concept, Taxonomy } from "../model.ts";
import { priorsFromOccupations } from "../priors.ts";
import { buildConceptIndex, type ConceptIndex, closedCompound, contentStems } from "./concept-index.ts";
import { createFieldIndex, type FieldIndex } from "./field-index.ts";
import { type ContextOccupation, createOccupationContext } from "./occupation-context.ts";
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
  /** share of a candidate's best name whose words are in the text, raised to coveragePower */
  coverage: number;
  coveragePower: number;
  /** 1: words count by their rarity across names (idf); 0: every word counts the same */
  coverageIdf: number;
  /** multiplier for coverage by a one-word name ("statistics", "knowledge"): whole, but rarely the point */
  coverageSingle: number;
  /** × the share of the sentence's occupations that ask for the skill (occupation-context.ts) */
  context: number;
  /** occupations read per sentence for the context */
  contextDepth: number;
  /** co-occurrence re-rank: Σ cosine × neighbour's first-pass score over the top `graphDepth` */
  graph: number;
  graphDepth: number;
  k1: number;
  b: number;
  /** candidates scored from each BM25 list */
  depth: number;
}

/**
 * description, prior and graph are the free weights `bench:extraction` cross-validates; the others
 * were fitted to the Decorte HOUSE and TECH validation splits earlier and are kept fixed (see
 * docs/extraction.md for what that means for the figures). depth is a speed setting.
 */
export const DEFAULT_EXTRACTION_WEIGHTS: ExtractionWeights = {
  phrase: 3,
  stemmedPhrase: 0.8,
  singleWord: 0.1,
  names: 1.5,
  description: 0.1,
  prior: 0.5,
  context: 2,
  contextDepth: 20,
  coverage: 2,
  coveragePower: 1.5,
  coverageIdf: 1,
  coverageSingle: 0.85,
  graph: 0.01,
  graphDepth: 50,
  k1: 0.6,
  b: 0.9,
  depth: 150,
};

export interface ExtractorOptions {
  weights?: Partial<ExtractionWeights>;
  /** concept id → prior in 0…1 (e.g. how often the skill is asked for) */
  priors?: ReadonlyMap<string, number>;
  /** only these concepts are candidates (e.g. ESCO skills, not occupations or groups) */
  filter?: (c: Concept) => boolean;
  /** concept id → (concept id → similarity), e.g. cooccurrenceFromOccupations over ESCO */
  cooccurrence?: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /**
   * "field": a concept's names are one BM25 document; "best": each name is its own document and
   * the concept scores as its best name, so many aliases neither lengthen nor repeat its words
   */
  nameField?: "field" | "best";
  /** occupations with the skills they ask for: the sentence's occupation context */
  occupations?: readonly ContextOccupation[];
}

export interface Extractor {
  /** `weights` overrides the extractor's own for this call, except k1 and b (fixed when built) */
  extract(text: string, k: number, weights?: Partial<ExtractionWeights>): ExtractedConcept[];
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
  const nameLists = pool.map((c) =>
    distinctNames(
      [c.label, ...c.aliases].flatMap(withoutQualifier).flatMap(closedCompound).map(contentStems),
    ),
  );
  const nameStems = nameLists.map((l) => l.flat());
  const nameSets = nameStems.map((s) => new Set(s));
  const coverages = nameCoverage(nameLists, stemRarity(nameSets, w.coverageIdf));
  const names: FieldIndex =
    options.nameField === "best"
      ? bestNameIndex(nameLists, { k1: w.k1, b: w.b })
      : createFieldIndex(nameStems, { k1: w.k1, b: w.b });
  const descriptions: FieldIndex = createFieldIndex(
    pool.map((c) => contentStems(c.description ?? "")),
    { k1: w.k1, b: w.b },
  );
  const position = new Map(pool.map((c, i) => [c.id, i]));
  const { priors } = options;
  const priorOf = priors && Float64Array.from(pool, (c) => priors.get(c.id) ?? 0);

  const built = w;
  // Scratch score per concept, zero again after every call (extraction is synchronous).
  const acc = new Float64Array(pool.length);
  const seen = new Uint8Array(pool.length);
  const share = new Float64Array(pool.length);
  const neighbours = options.cooccurrence && neighbourArrays(pool, position, options.cooccurrence);
  const occupationContext =
    options.occupations?.length &&
    createOccupationContext(options.occupations, position, pool.length, { k1: w.k1, b: w.b });
  const extract = (text: string, k: number, override?: Partial<ExtractionWeights>): ExtractedConcept[] => {
    const w = override ? { ...built, ...override } : built;
    const spans = new Map<number, Span>();
    const touched: number[] = [];
    const add = (doc: number, s: number) => {
      if (!seen[doc]) {
        seen[doc] = 1;
        touched.push(doc);
      }
      acc[doc] = (acc[doc] ?? 0) + s;
    };
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
    if (w.coverage > 0)
      for (const [doc, share] of coverages.of(new Set(query), (doc) => seen[doc] === 1, w.coverageSingle))
        add(doc, w.coverage * share ** w.coveragePower);
    if (priorOf) for (const doc of touched) acc[doc] = (acc[doc] ?? 0) + w.prior * (priorOf[doc] ?? 0);
    if (occupationContext && w.context > 0) {
      const share = occupationContext.read(query, w.contextDepth);
      for (const doc of touched) acc[doc] = (acc[doc] ?? 0) + w.context * share(doc);
    }
    const ranked = touched
      .map((doc): [number, number] => {
        const score = acc[doc] ?? 0;
        acc[doc] = 0;
        seen[doc] = 0;
        return [doc, score];
      })
      .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const reranked = neighbours && w.graph > 0 ? graphRerank(ranked, neighbours, w) : ranked;
    return reranked.slice(0, k).flatMap(([doc, score]) => {
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

  /** Candidates whose co-occurring skills also scored rise: the sentence is about their field. */
  const graphRerank = (
    ranked: [number, number][],
    neighbours: readonly Neighbours[],
    w: ExtractionWeights,
  ): [number, number][] => {
    const top = ranked.slice(0, w.graphDepth);
    const best = top[0]?.[1] ?? 0;
    if (best <= 0) return ranked;
    for (const [doc, s] of top) share[doc] = s / best;
    const boosted = top.map(([doc, s]): [number, number] => {
      const n = neighbours[doc];
      let support = 0;
      if (n)
        for (let i = 0; i < n.docs.length; i++) support += (n.cosines[i] ?? 0) * (share[n.docs[i] ?? 0] ?? 0);
      return [doc, s + w.graph * best * support];
    });
    for (const [doc] of top) share[doc] = 0;
    boosted.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return [...boosted, ...ranked.slice(w.graphDepth)];
  };
  return { extract, index };
}

/** BM25 over every name as its own document, read back per concept as its best name. */
function bestNameIndex(nameLists: readonly string[][][], bm25: { k1: number; b: number }): FieldIndex {
  const owner = Int32Array.from(nameLists.flatMap((names, doc) => names.map(() => doc)));
  const index = createFieldIndex(nameLists.flat(), bm25);
  const perConcept = Math.max(1, Math.round(owner.length / Math.max(1, nameLists.length)));
  return {
    search(query, k) {
      const best = new Map<number, number>();
      for (const { doc: name, score } of index.search(query, k * perConcept * 2)) {
        const doc = owner[name] ?? 0;
        if (score > (best.get(doc) ?? 0)) best.set(doc, score);
      }
      return [...best]
        .map(([doc, score]) => ({ doc, score }))
        .sort((a, b) => b.score - a.score || a.doc - b.doc)
        .slice(0, k);
    },
  };
}

/** A concept's co-occurring concepts as pool positions and cosines. */
interface Neighbours {
  docs: Int32Array;
  cosines: Float64Array;
}

function neighbourArrays(
  pool: readonly Concept[],
  position: ReadonlyMap<string, number>,
  cooccurrence: ReadonlyMap<string, ReadonlyMap<string, number>>,
): Neighbours[] {
  return pool.map((c) => {
    const list = [...(cooccurrence.get(c.id) ?? [])].flatMap(([id, cosine]): [number, number][] => {
      const doc = position.get(id);
      return doc === undefined ? [] : [[doc, cosine]];
    });
    return { docs: Int32Array.from(list, ([d]) => d), cosines: Float64Array.from(list, ([, x]) => x) };
  });
}

/** "Java (computer programming)" is also just "Java": the qualifier tells siblings apart, texts omit it. */
const withoutQualifier = (name: string): string[] => {
  const head = name.replace(/\s*\([^)]*\)\s*$/, "");
  return head && head !== name ? [name, head] : [name];
};

function distinctNames(lists: string[][]): string[][] {
  const seen = new Set<string>();
  return lists.filter((l) => {
    const key = l.join(" ");
    if (!l.length || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** How much a word says: 1 + mix × (idf − 1) over the concepts' names, so mix 0 counts every word the same. */
function stemRarity(nameSets: readonly ReadonlySet<string>[], mix: number): (stem: string) => number {
  if (mix === 0) return () => 1;
  const df = new Map<string, number>();
  for (const set of nameSets) for (const s of set) df.set(s, (df.get(s) ?? 0) + 1);
  const n = nameSets.length;
  return (stem) => 1 + mix * (Math.log(1 + n / (df.get(stem) ?? 1)) - 1);
}

/**
 * The largest share of one name's words (weighted by rarity) found in the text, per candidate,
 * computed from the present words' postings over names rather than by walking every name of every
 * candidate: a skill like "computer programming" has hundreds of names.
 */
function nameCoverage(nameLists: readonly string[][][], rarity: (s: string) => number) {
  const owners: number[] = [];
  const totals: number[] = [];
  const singles: number[] = [];
  const lists = new Map<string, { name: number[]; weight: number[] }>();
  nameLists.forEach((names, doc) => {
    for (const stems of names) {
      const name = owners.length;
      owners.push(doc);
      singles.push(stems.length === 1 ? 1 : 0);
      const counts = new Map<string, number>();
      for (const s of stems) counts.set(s, (counts.get(s) ?? 0) + 1);
      let sum = 0;
      for (const [s, n] of counts) {
        sum += n * rarity(s);
        const list = lists.get(s) ?? { name: [], weight: [] };
        list.name.push(name);
        list.weight.push(n * rarity(s));
        lists.set(s, list);
      }
      totals.push(sum);
    }
  });
  // typed columns: the loop below reads them for every name a sentence's words touch
  const owner = Int32Array.from(owners);
  const total = Float64Array.from(totals);
  const single = Uint8Array.from(singles);
  const postings = new Map(
    [...lists].map(([s, l]) => [s, { name: Int32Array.from(l.name), weight: Float64Array.from(l.weight) }]),
  );
  const found = new Float64Array(owner.length);
  return {
    of(present: ReadonlySet<string>, isCandidate: (doc: number) => boolean, singleShare: number) {
      const touched: number[] = [];
      for (const s of present) {
        const list = postings.get(s);
        if (!list) continue;
        const { name: names, weight } = list;
        for (let i = 0; i < names.length; i++) {
          const name = names[i] ?? 0;
          if (!isCandidate(owner[name] ?? -1)) continue;
          if (found[name] === 0) touched.push(name);
          found[name] = (found[name] ?? 0) + (weight[i] ?? 0);
        }
      }
      const best = new Map<number, number>();
      for (const name of touched) {
        const doc = owner[name] ?? -1;
        const t = total[name] ?? 0;
        const share = t > 0 ? ((found[name] ?? 0) / t) * (single[name] ? singleShare : 1) : 0;
        found[name] = 0;
        if (share > (best.get(doc) ?? 0)) best.set(doc, share);
      }
      return best;
    },
  };
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

/**
 * The densest run of the text's words that appear in the concept's names (stop words between two
 * such words stay inside the run), first to last; -1 when none.
 */
function spanOfStems(
  tokens: readonly { start: number; end: number; stems: string[] }[],
  stems: Set<string>,
): Span {
  let best: Span & { hits: number } = { start: -1, end: -1, hits: 0 };
  let run: (Span & { hits: number }) | undefined;
  for (const t of tokens) {
    if (t.stems.some((s) => stems.has(s))) {
      run = run ? { ...run, end: t.end, hits: run.hits + 1 } : { start: t.start, end: t.end, hits: 1 };
      if (run.hits > best.hits) best = run;
    } else if (t.stems.length > 0) run = undefined;
  }
  return { start: best.start, end: best.end };
}

const extractors = new WeakMap<
  Taxonomy,
  { occupations?: readonly ContextOccupation[]; extractor: Extractor }
>();

/**
 * Ranked concepts in `text`, best first, at most k; the extractor is built once per taxonomy. With
 * the taxonomy's occupations, a skill is also weighed by how many occupations ask for it and by the
 * occupations the text describes (the setting best over both validation sets, docs/extraction.md).
 */
export function extractConcepts(
  text: string,
  taxonomy: Taxonomy,
  k: number,
  occupations?: readonly ContextOccupation[],
): ExtractedConcept[] {
  let built = extractors.get(taxonomy);
  if (!built || built.occupations !== occupations) {
    const skills = { filter: (c: Concept) => c.type !== "occupation" };
    const extractor = occupations?.length
      ? createExtractor([...taxonomy.all()], {
          ...skills,
          occupations,
          priors: priorsFromOccupations(
            occupations.map((o) => ({ essential: o.essential, optional: o.optional ?? [] })),
          ),
        })
      : createExtractor([...taxonomy.all()], skills);
    built = { ...(occupations ? { occupations } : {}), extractor };
    extractors.set(taxonomy, built);
  }
  return built.extractor.extract(text, k);
}
