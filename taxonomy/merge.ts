/**
 * Merging imported taxonomies into the starter one.
 *
 * Crosswalk rule: an imported concept whose escoUri, onetCode or caseUri equals that of a concept
 * already in the merge (the starter first, then the imports in the order given) is not added as a
 * second concept: it is folded into the existing one, which keeps its id, label, type and source and
 * gains the imported label and aliases as aliases, a description when it had none, the crosswalk keys
 * it lacked, and the imported broader/related edges. Every reference to the folded id (other
 * concepts' broader/related, occupation profiles) is rewritten to the surviving id, so "Python" asked
 * as sw.python and "Python (computer programming)" held as ESCO evidence are the same concept.
 * Occupations crosswalk the same way on escoUri/onetCode; a curated (earlier) profile keeps its skill
 * lists and gains the imported aliases and labelled titles. The imported profiles' skill lists still feed co-occurrence.
 *
 * Concepts without a shared key (O*NET's technology examples have none; a starter concept may lack
 * an escoUri) crosswalk by name: an imported concept whose normalised label is the label or an alias
 * of exactly one concept from an earlier part folds into it the same way, so "PostgreSQL" from O*NET
 * is sw.postgresql, not a second PostgreSQL that makes every mention ambiguous. A name shared by two
 * earlier concepts is not evidence of identity and folds nothing; ambiguous aliases never match.
 */

import { linkOnetTitles } from "./import/onet-titles.ts";
import { distinctAliases, OccupationProfile, type OccupationProfileInput } from "./import/types.ts";
import { Concept, type ConceptInput } from "./model.ts";
import { normaliseText } from "./resolver/index.ts";

export interface TaxonomyPart {
  concepts: readonly ConceptInput[];
  occupations?: readonly OccupationProfileInput[];
}

export interface MergedTaxonomy {
  concepts: Concept[];
  occupations: OccupationProfile[];
  /** Every occupation's skill lists after id rewriting, merged or not: the input to co-occurrence. */
  occupationSkills: Pick<OccupationProfile, "essential" | "optional">[];
  /** folded imported concept id → surviving id */
  crosswalk: Map<string, string>;
}

const KEYS = ["escoUri", "onetCode", "caseUri"] as const;
const OCCUPATION_KEYS = ["escoUri", "onetCode"] as const;

const keyOf = (field: string, value: string) => `${field}\u0000${value}`;

export interface MergeOptions {
  /** Fold an imported concept into the one earlier concept named like it (default true). */
  crosswalkByName?: boolean;
}

export function mergeTaxonomies(parts: readonly TaxonomyPart[], options: MergeOptions = {}): MergedTaxonomy {
  const concepts = parts.map((p) => p.concepts.map((c) => Concept.parse(c)));
  const crosswalk = crosswalkConcepts(concepts, options.crosswalkByName ?? true);
  const target = (id: string) => crosswalk.get(id) ?? id;
  const byId = new Map<string, Concept>();
  for (const c of concepts.flat()) {
    const survivor = byId.get(target(c.id));
    if (!survivor) byId.set(c.id, rewrite(c, target));
    else if (survivor.id !== c.id) fold(survivor, rewrite(c, target));
  }
  const occupations = mergeOccupations(
    parts.flatMap((p) => (p.occupations ?? []).map((o) => OccupationProfile.parse(o))),
    target,
  );
  return {
    concepts: [...byId.values()],
    ...occupations,
    occupations: withOnetTitles(occupations.occupations),
    crosswalk,
  };
}

/**
 * An ESCO occupation also answers to the titles of the O*NET occupations linked to it by name
 * (import/onet-titles.ts): when both are merged, "Developers, Software" lends its alternate titles
 * to *software developer*. Occupations of neither source are returned as they are.
 */
function withOnetTitles(occupations: readonly OccupationProfile[]): OccupationProfile[] {
  const esco = occupations.filter((o) => o.escoUri);
  const soc = occupations.filter((o) => o.onetCode && !o.escoUri);
  if (!esco.length || !soc.length) return [...occupations];
  const linked = linkOnetTitles(esco, soc);
  return occupations.map((o) => {
    const titles = linked.get(o.id);
    return titles?.length ? { ...o, titles: [...new Set([...(o.titles ?? []), ...titles])] } : o;
  });
}

/**
 * Imported id → the surviving id: the first concept sharing one of its crosswalk keys, else (by name)
 * the one concept of an earlier part whose label or alias is the imported label.
 */
function crosswalkConcepts(parts: readonly Concept[][], byName: boolean): Map<string, string> {
  const owner = new Map<string, string>();
  const named = new Map<string, Set<string>>();
  const crosswalk = new Map<string, string>();
  const seen = new Set<string>();
  for (const part of parts) {
    const partNames: [string, string][] = [];
    for (const c of part) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      const keys = KEYS.flatMap((k) => (c[k] ? [keyOf(k, c[k])] : []));
      const byKey = keys.map((k) => owner.get(k)).find((id) => id !== undefined);
      const sameName = named.get(normaliseText(c.label));
      const first = byKey ?? (byName && sameName?.size === 1 ? [...sameName][0] : undefined);
      if (first !== undefined) crosswalk.set(c.id, first);
      for (const k of keys) if (!owner.has(k)) owner.set(k, first ?? c.id);
      for (const name of [c.label, ...c.aliases]) partNames.push([normaliseText(name), first ?? c.id]);
    }
    // Names become matchable only after their part: a source never folds its own concepts by name.
    for (const [name, id] of partNames) if (name) named.set(name, (named.get(name) ?? new Set()).add(id));
  }
  return crosswalk;
}

const distinct = (ids: readonly string[], self: string) => [...new Set(ids)].filter((id) => id !== self);

function rewrite(c: Concept, target: (id: string) => string): Concept {
  return {
    ...c,
    broader: distinct(c.broader.map(target), target(c.id)),
    related: distinct(c.related.map(target), target(c.id)),
  };
}

/** Folds `other` into `into` in place (into is a copy owned by the merge). */
function fold(into: Concept, other: Concept): void {
  into.aliases = distinctAliases(into.label, [...into.aliases, other.label, ...other.aliases]);
  into.ambiguousAliases = [...new Set([...into.ambiguousAliases, ...other.ambiguousAliases])];
  into.broader = distinct([...into.broader, ...other.broader], into.id);
  into.related = distinct([...into.related, ...other.related], into.id);
  if (into.description === undefined && other.description !== undefined) into.description = other.description;
  for (const k of KEYS) if (into[k] === undefined && other[k] !== undefined) into[k] = other[k];
}

function mergeOccupations(
  all: readonly OccupationProfile[],
  target: (id: string) => string,
): Pick<MergedTaxonomy, "occupations" | "occupationSkills"> {
  const owner = new Map<string, OccupationProfile>();
  const byId = new Map<string, OccupationProfile>();
  const occupationSkills: MergedTaxonomy["occupationSkills"] = [];
  for (const raw of all) {
    if (byId.has(raw.id)) continue;
    const essential = [...new Set(raw.essential.map(target))];
    const optional = [...new Set(raw.optional.map(target))].filter((id) => !essential.includes(id));
    occupationSkills.push({ essential, optional });
    const keys = OCCUPATION_KEYS.flatMap((k) => (raw[k] ? [keyOf(k, raw[k])] : []));
    const existing = keys.map((k) => owner.get(k)).find(Boolean);
    if (existing) {
      existing.aliases = distinctAliases(existing.label, [...existing.aliases, raw.label, ...raw.aliases]);
      if (raw.examples?.length) existing.examples = [...(existing.examples ?? []), ...raw.examples];
      if (existing.description === undefined && raw.description !== undefined)
        existing.description = raw.description;
      for (const k of OCCUPATION_KEYS)
        if (existing[k] === undefined && raw[k] !== undefined) existing[k] = raw[k];
      continue;
    }
    const ratings =
      raw.ratings && Object.fromEntries(Object.entries(raw.ratings).map(([k, v]) => [target(k), v]));
    const occupation = { ...raw, essential, optional, ...(ratings ? { ratings } : {}) };
    byId.set(raw.id, occupation);
    for (const k of keys) if (!owner.has(k)) owner.set(k, occupation);
  }
  return { occupations: [...byId.values()], occupationSkills };
}
