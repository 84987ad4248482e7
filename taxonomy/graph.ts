/**
 * An in-memory taxonomy over a list of concepts: the hierarchy, relations and resolution.
 */
import type { Relation } from "../src/domain/match.ts";
import { ancestorsOf } from "./hierarchy.ts";
import { Concept, type ConceptInput, type SimilarityResult, type Taxonomy } from "./model.ts";
import { createResolver, normaliseText } from "./resolver/index.ts";

export interface TaxonomyOptions {
  /** conceptId → [(conceptId, cosine)] from co-occurrence; optional */
  cooccurrence?: Map<string, Map<string, number>>;
}

export function buildTaxonomy(inputs: readonly ConceptInput[], options: TaxonomyOptions = {}): Taxonomy {
  const concepts = inputs.map((c) => Concept.parse(c));
  const byId = new Map(concepts.map((c) => [c.id, c]));
  const children = new Map<string, string[]>();
  for (const c of concepts)
    for (const b of c.broader) {
      if (!byId.has(b)) continue;
      const list = children.get(b) ?? [];
      list.push(c.id);
      children.set(b, list);
    }
  const ancestorCache = new Map<string, string[]>();
  const ancestors = (id: string): string[] => {
    const cached = ancestorCache.get(id);
    if (cached) return cached;
    const out = ancestorsOf(byId, id);
    ancestorCache.set(id, out);
    return out;
  };
  // `related` is stored one way; both directions are indexed once so look-ups stay O(1) on 15k concepts.
  const relatedTo = new Map<string, Set<string>>();
  const relatedFrom = new Map<string, string[]>();
  for (const c of concepts) {
    relatedTo.set(c.id, new Set(c.related));
    for (const r of c.related) {
      const list = relatedFrom.get(r) ?? [];
      list.push(c.id);
      relatedFrom.set(r, list);
    }
  }
  const isRelated = (a: string, b: string) =>
    (relatedTo.get(a)?.has(b) ?? false) || (relatedTo.get(b)?.has(a) ?? false);
  // Co-occurrence is kept as each concept's top neighbours, so a pair may be listed one way only.
  // It counts within one branch of the taxonomy only: jobs that ask for Zendesk and Spanish
  // together say nothing about whether a Zendesk user speaks Spanish.
  // (A concept with no broader one belongs to no branch and is not held to this.)
  const rootOf = (id: string) => ancestors(id).at(-1);
  const apart = (a: string, b: string) => {
    const [ra, rb] = [rootOf(a), rootOf(b)];
    return ra !== undefined && rb !== undefined && ra !== rb;
  };
  const cosine = (a: string, b: string) =>
    apart(a, b)
      ? 0
      : Math.max(options.cooccurrence?.get(a)?.get(b) ?? 0, options.cooccurrence?.get(b)?.get(a) ?? 0);
  const relation = (asked: string, held: string): SimilarityResult => {
    if (asked === held) return { relation: "same", strength: 1 };
    if (ancestors(held).includes(asked)) return { relation: "narrower", strength: 1 };
    const co = cosine(asked, held);
    const rel = (r: Relation): SimilarityResult => ({ relation: r, strength: co });
    if (ancestors(asked).includes(held)) return rel("broader");
    const pa = byId.get(asked)?.broader ?? [];
    if (pa.length && (byId.get(held)?.broader ?? []).some((b) => pa.includes(b))) return rel("sibling");
    if (isRelated(asked, held)) return rel("related");
    return co > 0 ? rel("cooccurrence") : rel("none");
  };
  const cooccurringFrom = new Map<string, string[]>();
  for (const [a, row] of options.cooccurrence ?? [])
    for (const b of row.keys()) {
      const list = cooccurringFrom.get(b) ?? [];
      list.push(a);
      cooccurringFrom.set(b, list);
    }
  // Retrieval asks for the same requirement concepts over and over: each neighbourhood is walked once.
  const neighbourhoodCache = new Map<string, string[]>();
  const neighbourhood = (asked: string): string[] => {
    let cached = neighbourhoodCache.get(asked);
    if (!cached) {
      cached = walkNeighbourhood(asked);
      neighbourhoodCache.set(asked, cached);
    }
    return [...cached];
  };
  const walkDown = (id: string, out: Set<string>) => {
    for (const c of children.get(id) ?? [])
      if (!out.has(c)) {
        out.add(c);
        walkDown(c, out);
      }
  };
  const walkNeighbourhood = (asked: string): string[] => {
    const out = new Set<string>([asked]);
    walkDown(asked, out);
    const concept = byId.get(asked);
    for (const b of concept?.broader ?? []) {
      out.add(b);
      for (const s of children.get(b) ?? []) out.add(s);
    }
    addTies(asked, out);
    return [...out].filter((id) => byId.has(id));
  };
  // Everything but the siblings: in ESCO a shared parent is ~2 in 3 neighbours, almost all unmeasured.
  const closeNeighbourhood = (asked: string): string[] => {
    const out = new Set<string>([asked]);
    walkDown(asked, out);
    for (const b of byId.get(asked)?.broader ?? []) out.add(b);
    addTies(asked, out);
    return [...out].filter((id) => byId.has(id));
  };
  /** Ancestors, related both ways and co-occurring both ways. */
  const addTies = (asked: string, out: Set<string>) => {
    const concept = byId.get(asked);
    for (const a of ancestors(asked)) out.add(a);
    for (const r of concept?.related ?? []) out.add(r);
    for (const id of relatedFrom.get(asked) ?? []) out.add(id);
    for (const [id] of options.cooccurrence?.get(asked) ?? []) out.add(id);
    for (const id of cooccurringFrom.get(asked) ?? []) out.add(id);
  };
  const resolver = createResolver(concepts);
  // Normalised names for suggest(), built on first use: most taxonomies are built and never asked.
  let suggestNames: { c: Concept; names: string[] }[] | undefined;
  const suggest = (query: string, limit: number) => {
    const q = normaliseText(query);
    if (!q) return [];
    const scored: { c: Concept; s: number }[] = [];
    suggestNames ??= concepts.map((c) => ({ c, names: [c.label, ...c.aliases].map(normaliseText) }));
    for (const { c, names } of suggestNames) {
      const s = names.some((n) => n === q)
        ? 0
        : names.some((n) => n.startsWith(q))
          ? 1
          : names.some((n) => n.includes(q))
            ? 2
            : -1;
      if (s >= 0) scored.push({ c, s });
    }
    scored.sort(
      (a, b) => a.s - b.s || a.c.label.length - b.c.label.length || a.c.label.localeCompare(b.c.label),
    );
    return scored.slice(0, limit).map((x) => x.c);
  };
  return {
    size: concepts.length,
    get: (id) => byId.get(id),
    all: () => concepts,
    ancestors,
    narrower: (id) => children.get(id) ?? [],
    relation,
    neighbourhood,
    closeNeighbourhood,
    resolve: (text, opts) => resolver(text, opts),
    suggest,
  };
}
