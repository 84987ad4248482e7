/**
 * Picks between the concepts an ambiguous name could mean ("Go", "Excel", "Spring") from the
 * concepts and words around it: a candidate scores when the context names its relatives, its
 * parent's other children, its domain, or words from its own description.
 */
import type { ConceptIndex } from "./concept-index.ts";
import { contentStems } from "./concept-index.ts";
import { type ContextReading, emptyReading } from "./reading.ts";
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

const phraseKey = (s: string) => s.trim().toLowerCase();

/** Adds a piece of context to a reading (a long text can be read piece by piece). */
export function readInto(index: ConceptIndex, reading: ContextReading, text: string): void {
  for (const m of scanPhrases(index, text, { skipAmbiguousSingles: true })) {
    const only = m.entries[0];
    if (m.entries.length !== 1 || !only || only.kind === "ambiguous") continue;
    const phrases = reading.concepts.get(only.concept.id);
    if (phrases) phrases.add(phraseKey(m.phrase));
    else reading.concepts.set(only.concept.id, new Set([phraseKey(m.phrase)]));
  }
  for (const s of contentStems(text)) reading.stems.add(s);
  reading.scores.clear();
}

export function readContext(index: ConceptIndex, context: string): ContextReading {
  const reading = emptyReading();
  readInto(index, reading, context);
  return reading;
}

/** Named in the context other than by the name being settled ("Go" does not vouch for itself). */
const namedBesides = (phrases: ReadonlySet<string>, name: string) => phrases.size > 1 || !phrases.has(name);

/** How strongly the context points at this candidate for `name`; 0 when it says nothing about it. */
export function contextScore(
  index: ConceptIndex,
  candidate: string,
  reading: ContextReading,
  name: string,
): number {
  const excluded = phraseKey(name);
  const key = `${excluded}\u0000${candidate}`;
  const known = reading.scores.get(key);
  if (known !== undefined) return known;
  let score = 0;
  for (const [other, phrases] of reading.concepts)
    if (namedBesides(phrases, excluded)) score += affinity(index, candidate, other);
  const own = new Set(contentStems(name));
  let words = 0;
  for (const s of index.profile(candidate) ?? []) if (reading.stems.has(s) && !own.has(s)) words++;
  const total = score + Math.min(words, AFFINITY.maxWords / AFFINITY.word) * AFFINITY.word;
  reading.scores.set(key, total);
  return total;
}
