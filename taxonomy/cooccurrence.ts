/**
 * Co-occurrence similarity: two skills that the same occupations ask for are related even when no
 * taxonomy edge says so (PostgreSQL ↔ MySQL). Each concept is a sparse vector over occupations
 * (essential 1, optional 0.5, each occupation weighted by how selective it is), and concepts are
 * compared by cosine. The dot products are accumulated through the occupation → concepts postings,
 * so only pairs that share an occupation are ever touched: ESCO's 13k skills × 3k occupations take
 * well under a second where all-pairs dense cosine would take minutes.
 */
import type { OccupationProfile } from "./import/types.ts";

export type CooccurrenceMap = Map<string, Map<string, number>>;

export type OccupationSkills = Pick<OccupationProfile, "essential" | "optional">;

export interface CooccurrenceOptions {
  /** Neighbours kept per concept, best first. */
  topN?: number;
  /** Cosines at or below this are dropped. */
  threshold?: number;
  essentialWeight?: number;
  optionalWeight?: number;
  /**
   * "idf": an occupation that lists few skills says more about each of them (log(1 + C / size));
   * "none": every occupation counts the same.
   */
  weighting?: "idf" | "none";
}

export const COOCCURRENCE_DEFAULTS: Required<CooccurrenceOptions> = {
  topN: 20,
  threshold: 0.1,
  essentialWeight: 1,
  optionalWeight: 0.5,
  weighting: "idf",
};

interface Postings {
  ids: string[];
  /** occupation → [(concept index, weight)] */
  byOccupation: { concept: number; weight: number }[][];
  norms: Float64Array;
}

/** The sparse concept × occupation matrix, stored by occupation. */
export function occupationPostings(
  occupations: readonly OccupationSkills[],
  options: CooccurrenceOptions = {},
): Postings {
  const o = { ...COOCCURRENCE_DEFAULTS, ...options };
  const index = new Map<string, number>();
  const ids: string[] = [];
  const indexOf = (id: string) => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      ids.push(id);
      index.set(id, i);
    }
    return i;
  };
  const rows = occupations.map((occ) => {
    const weights = new Map<number, number>();
    for (const id of occ.optional) weights.set(indexOf(id), o.optionalWeight);
    for (const id of occ.essential) weights.set(indexOf(id), o.essentialWeight); // essential wins a double listing
    return weights;
  });
  const norms2 = new Float64Array(ids.length);
  const byOccupation = rows.map((weights) => {
    const occWeight = o.weighting === "idf" ? Math.log(1 + ids.length / Math.max(1, weights.size)) : 1;
    return [...weights].map(([concept, w]) => {
      const weight = w * occWeight;
      norms2[concept] = (norms2[concept] ?? 0) + weight * weight;
      return { concept, weight };
    });
  });
  return { ids, byOccupation, norms: norms2.map(Math.sqrt) };
}

/** conceptId → (conceptId → cosine), top-N per concept above the threshold; pass to buildTaxonomy. */
export function cooccurrenceFromOccupations(
  occupations: readonly OccupationSkills[],
  options: CooccurrenceOptions = {},
): CooccurrenceMap {
  const o = { ...COOCCURRENCE_DEFAULTS, ...options };
  const { ids, byOccupation, norms } = occupationPostings(occupations, o);
  const occupationsOf: { occupation: number; weight: number }[][] = ids.map(() => []);
  byOccupation.forEach((entries, occupation) => {
    for (const { concept, weight } of entries) occupationsOf[concept]!.push({ occupation, weight });
  });
  const dots = new Float64Array(ids.length);
  const out: CooccurrenceMap = new Map();
  for (let a = 0; a < ids.length; a++) {
    const touched: number[] = [];
    for (const { occupation, weight } of occupationsOf[a]!)
      for (const { concept: b, weight: wb } of byOccupation[occupation]!) {
        if (b === a) continue;
        if (dots[b] === 0) touched.push(b);
        dots[b]! += weight * wb;
      }
    const scored: [number, number][] = [];
    for (const b of touched) {
      const cosine = dots[b]! / (norms[a]! * norms[b]!);
      dots[b] = 0;
      if (cosine > o.threshold) scored.push([b, cosine]);
    }
    if (!scored.length) continue;
    scored.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    out.set(ids[a]!, new Map(scored.slice(0, o.topN).map(([b, c]) => [ids[b]!, Math.min(1, c)])));
  }
  return out;
}

/**
 * ESCO's skill ↔ skill relations (each concept's `related`) as a graph of the same shape as
 * co-occurrence, every edge both ways at `strength`: a second, curated reading of "these go together".
 */
export function relatedGraph(
  concepts: readonly { id: string; related: readonly string[] }[],
  strength = 1,
): CooccurrenceMap {
  const ids = new Set(concepts.map((c) => c.id));
  const out: CooccurrenceMap = new Map();
  const link = (a: string, b: string) => {
    const edges = out.get(a) ?? new Map<string, number>();
    edges.set(b, strength);
    out.set(a, edges);
  };
  for (const c of concepts)
    for (const r of c.related)
      if (ids.has(r) && r !== c.id) {
        link(c.id, r);
        link(r, c.id);
      }
  return out;
}
