/**
 * An in-memory taxonomy over a list of concepts: the hierarchy, relations and resolution.
 */
import type { Relation } from "../src/domain/match.ts";
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
    const out: string[] = [];
    const seen = new Set([id]);
    let frontier = [id];
    while (frontier.length) {
      const next: string[] = [];
      for (const f of frontier)
        for (const b of byId.get(f)?.broader ?? [])
          if (!seen.has(b) && byId.has(b)) {
            seen.add(b);
            out.push(b);
            next.push(b);
          }
      frontier = next;
    }
    ancestorCache.set(id, out);
    return out;
  };
  const isRelated = (a: string, b: string) =>
    (byId.get(a)?.related.includes(b) ?? false) || (byId.get(b)?.related.includes(a) ?? false);
  const relation = (asked: string, held: string): SimilarityResult => {
    const rel = (r: Relation, strength = 1): SimilarityResult => ({ relation: r, strength });
    if (asked === held) return rel("same");
    if (ancestors(held).includes(asked)) return rel("narrower");
    if (ancestors(asked).includes(held)) return rel("broader");
    const pa = byId.get(asked)?.broader ?? [];
    if (pa.length && (byId.get(held)?.broader ?? []).some((b) => pa.includes(b))) return rel("sibling");
    if (isRelated(asked, held)) return rel("related");
    const co = options.cooccurrence?.get(asked)?.get(held);
    if (co !== undefined && co > 0) return rel("cooccurrence", co);
    return rel("none", 0);
  };
  const neighbourhood = (asked: string): string[] => {
    const out = new Set<string>([asked]);
    const walkDown = (id: string) => {
      for (const c of children.get(id) ?? [])
        if (!out.has(c)) {
          out.add(c);
          walkDown(c);
        }
    };
    walkDown(asked);
    const concept = byId.get(asked);
    for (const b of concept?.broader ?? []) {
      out.add(b);
      for (const s of children.get(b) ?? []) out.add(s);
    }
    for (const a of ancestors(asked)) out.add(a);
    for (const r of concept?.related ?? []) out.add(r);
    for (const c of concepts) if (c.related.includes(asked)) out.add(c.id);
    for (const [id] of options.cooccurrence?.get(asked) ?? []) out.add(id);
    return [...out].filter((id) => byId.has(id));
  };
  const resolver = createResolver(concepts);
  const suggest = (query: string, limit: number) => {
    const q = normaliseText(query);
    if (!q) return [];
    const scored: { c: Concept; s: number }[] = [];
    for (const c of concepts) {
      const names = [c.label, ...c.aliases].map(normaliseText);
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
    resolve: (text, opts) => resolver(text, opts),
    suggest,
  };
}
