/**
 * Picks between the concepts an ambiguous name could mean ("Go", "Excel", "Spring") from the
 * concepts and words around it: a candidate scores when the context names its relatives, its
 * parent's other children, its domain, or words from its own description.
 */
import type { ConceptIndex } from "./concept-index.ts";
import { contentStems } from "./concept-index.ts";
import { scanPhrases } from "./scan.ts";

/** Top-level domains that share vocabulary: a cloud tool in the context points at a language. */
export const DOMAIN_GROUPS: readonly (readonly string[])[] = [
  ["sw", "cloud", "data", "sec"],
  ["biz", "fin", "sales"],
  ["hc"],
  ["trades", "mfg"],
  ["edu"],
  ["lang"],
  ["tv"],
];

export const AFFINITY = { relative: 3, sibling: 2, domain: 1, group: 0.5, word: 0.5, maxWords: 2 } as const;

const domainOf = (index: ConceptIndex, id: string): string => {
  const ancestors = index.ancestors(id);
  return ancestors[ancestors.length - 1] ?? id.split(".")[0] ?? id;
};
const groupOf = (domain: string): number => DOMAIN_GROUPS.findIndex((g) => g.includes(domain));

function affinity(index: ConceptIndex, candidate: string, other: string): number {
  if (candidate === other) return 0;
  const ca = index.ancestors(candidate);
  const oa = index.ancestors(other);
  if (index.related.get(candidate)?.has(other) || ca.includes(other) || oa.includes(candidate))
    return AFFINITY.relative;
  const parents = index.byId.get(candidate)?.broader ?? [];
  if (parents.some((p) => index.byId.get(other)?.broader.includes(p))) return AFFINITY.sibling;
  const d = domainOf(index, candidate);
  const od = domainOf(index, other);
  if (d === od) return AFFINITY.domain;
  const g = groupOf(d);
  return g >= 0 && g === groupOf(od) ? AFFINITY.group : 0;
}

export interface ContextEvidence {
  /** concepts named unambiguously in the context */
  concepts: string[];
  stems: Set<string>;
}

export function readContext(index: ConceptIndex, context: string, exclude: string): ContextEvidence {
  const concepts = new Set<string>();
  for (const m of scanPhrases(index, context, { skipAmbiguousSingles: true })) {
    if (m.entries.length !== 1 || normalisedEq(m.phrase, exclude)) continue;
    const only = m.entries[0];
    if (only && only.kind !== "ambiguous") concepts.add(only.concept.id);
  }
  const excluded = new Set(contentStems(exclude));
  return { concepts: [...concepts], stems: new Set(contentStems(context).filter((s) => !excluded.has(s))) };
}

const normalisedEq = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** How strongly the context points at this candidate; 0 when it says nothing about it. */
export function contextScore(index: ConceptIndex, candidate: string, evidence: ContextEvidence): number {
  let score = 0;
  for (const other of evidence.concepts) score += affinity(index, candidate, other);
  const profile = index.profile(candidate);
  let words = 0;
  if (profile) for (const s of evidence.stems) if (profile.has(s)) words++;
  return score + Math.min(words, AFFINITY.maxWords / AFFINITY.word) * AFFINITY.word;
}
