/**
 * Seeded synthetic data for the query benchmark: a 3-level skill hierarchy of ~14,000 concepts,
 * candidates with ~20 assertions each (Zipf-like skill popularity, mixed sources, levels and
 * dates, some expired or revoked), and positions of 8–15 requirements. Populations are held in
 * columns so a million candidates fit in memory; rows are materialised on demand, as a store would.
 */

import { DAY_MS, YEAR_MS } from "../src/domain/dates.ts";
import type { EvidenceRow } from "../src/domain/evidence.ts";
import { type Requirement, SourceKind } from "../src/domain/schemas.ts";
import type { ConceptInput } from "../taxonomy/model.ts";
import { intBetween, type Rng, seeded, zipf } from "./lib/rng.ts";

export const BENCH_NOW = Date.UTC(2026, 0, 1);

export interface SyntheticTaxonomy {
  concepts: ConceptInput[];
  /** The most specific concepts, in popularity order (index 0 is the most popular). */
  leaves: string[];
  /** Mid-level concepts, in popularity order. */
  mids: string[];
}

/** roots × mids × leaves; defaults give 20 + 500 + 13,500 = 14,020 concepts. */
export function syntheticTaxonomy(
  seed = 1,
  roots = 20,
  midsPerRoot = 25,
  leavesPerMid = 27,
): SyntheticTaxonomy {
  const rng = seeded(seed);
  const concepts: ConceptInput[] = [];
  const leaves: string[] = [];
  const mids: string[] = [];
  for (let r = 0; r < roots; r++) {
    const root = `s${r}`;
    concepts.push({ id: root, label: `Area ${r}`, type: "skill" });
    for (let m = 0; m < midsPerRoot; m++) {
      const mid = `${root}.${m}`;
      mids.push(mid);
      concepts.push({ id: mid, label: `Skill group ${r}.${m}`, type: "skill", broader: [root] });
      for (let l = 0; l < leavesPerMid; l++) leaves.push(`${mid}.${l}`);
    }
  }
  shuffle(rng, leaves);
  shuffle(rng, mids);
  for (const id of leaves) {
    const related = rng() < 0.05 ? [leaves[Math.floor(rng() * leaves.length)]!].filter((x) => x !== id) : [];
    concepts.push({
      id,
      label: `Skill ${id.slice(1)}`,
      type: "skill",
      broader: [id.slice(0, id.lastIndexOf("."))],
      related,
    });
  }
  return { concepts, leaves, mids };
}

const KINDS = SourceKind.options;
const KIND_WEIGHTS = [0.15, 0.25, 0.25, 0.1, 0.25];
export const FLAG_VERIFIED = 1;
export const FLAG_REVOKED = 2;
const FLAG_LAST_PRACTICED = 4;

/** Candidates as columns: assertion i of candidate c is at offsets[c] ≤ i < offsets[c+1]. */
export interface SyntheticPopulation {
  size: number;
  conceptIds: string[];
  offsets: Int32Array;
  concept: Int32Array;
  level: Float64Array;
  kind: Uint8Array;
  dateMs: Float64Array;
  validUntilMs: Float64Array;
  flags: Uint8Array;
}

export const candidateId = (ordinal: number): string => `c${String(ordinal).padStart(7, "0")}`;
export const ordinalOf = (id: string): number => Number(id.slice(1));

export function syntheticPopulation(tax: SyntheticTaxonomy, size: number, seed = 2): SyntheticPopulation {
  const rng = seeded(seed);
  const conceptIds = [...tax.leaves, ...tax.mids];
  const leafOf = zipf(tax.leaves.length, 1);
  const midOf = zipf(tax.mids.length, 1);
  const counts = Array.from({ length: size }, () => intBetween(rng, 15, 25));
  const total = counts.reduce((a, b) => a + b, 0);
  const pop: SyntheticPopulation = {
    size,
    conceptIds,
    offsets: new Int32Array(size + 1),
    concept: new Int32Array(total),
    level: new Float64Array(total),
    kind: new Uint8Array(total),
    dateMs: new Float64Array(total),
    validUntilMs: new Float64Array(total),
    flags: new Uint8Array(total),
  };
  let i = 0;
  for (let c = 0; c < size; c++) {
    pop.offsets[c] = i;
    for (let a = 0; a < counts[c]!; a++, i++)
      fillAssertion(pop, i, rng, () => (rng() < 0.1 ? tax.leaves.length + midOf(rng) : leafOf(rng)));
  }
  pop.offsets[size] = i;
  return pop;
}

function fillAssertion(pop: SyntheticPopulation, i: number, rng: Rng, concept: () => number): void {
  pop.concept[i] = concept();
  const l = rng();
  pop.level[i] = l < 0.15 ? Number.NaN : l < 0.75 ? intBetween(rng, 1, 5) : Math.round(rng() * 50) / 10;
  const kind = weighted(rng, KIND_WEIGHTS);
  pop.kind[i] = kind;
  const dated = rng() < 0.9;
  pop.dateMs[i] = dated ? BENCH_NOW - Math.floor((rng() * 25 * YEAR_MS) / DAY_MS) * DAY_MS : Number.NaN;
  const v = rng();
  pop.validUntilMs[i] =
    v < 0.04
      ? BENCH_NOW - intBetween(rng, 1, 2000) * DAY_MS
      : v < 0.08
        ? BENCH_NOW + intBetween(rng, 1, 2000) * DAY_MS
        : Number.NaN;
  pop.flags[i] =
    (KINDS[kind] === "verified-credential" || rng() < 0.1 ? FLAG_VERIFIED : 0) |
    (rng() < 0.01 ? FLAG_REVOKED : 0) |
    (rng() < 0.6 ? FLAG_LAST_PRACTICED : 0);
}

const isoDay = (ms: number): string | null =>
  Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);

/**
 * The candidate's evidence rows, as the store would return them: only those on `concepts` when
 * given, as the store's read restricted to the concepts a position bears on selects them.
 */
export function rowsOf(
  pop: SyntheticPopulation,
  ordinal: number,
  concepts?: ReadonlySet<string>,
): EvidenceRow[] {
  const rows: EvidenceRow[] = [];
  const id = candidateId(ordinal);
  for (let i = pop.offsets[ordinal]!; i < pop.offsets[ordinal + 1]!; i++) {
    const conceptId = pop.conceptIds[pop.concept[i]!]!;
    if (concepts && !concepts.has(conceptId)) continue;
    const level = pop.level[i]!;
    const date = isoDay(pop.dateMs[i]!);
    const lastPracticed = (pop.flags[i]! & FLAG_LAST_PRACTICED) !== 0;
    rows.push({
      id: `${id}-${i - pop.offsets[ordinal]!}`,
      candidateId: id,
      documentId: `${id}-doc`,
      conceptId,
      skillText: conceptId,
      resolution: { method: "exact", confidence: 1 },
      rawLevel: Number.isNaN(level) ? null : String(level),
      scale: Number.isNaN(level) ? null : "canonical",
      level: Number.isNaN(level) ? null : level,
      sourceKind: KINDS[pop.kind[i]!]!,
      issuer: null,
      issuedAt: lastPracticed ? null : date,
      lastPracticedAt: lastPracticed ? date : null,
      validUntil: isoDay(pop.validUntilMs[i]!),
      wherePracticed: null,
      sourcePath: `$.skills[${i - pop.offsets[ordinal]!}]`,
      verified: (pop.flags[i]! & FLAG_VERIFIED) !== 0,
      revoked: (pop.flags[i]! & FLAG_REVOKED) !== 0,
      documentTitle: null,
      documentFormat: "native",
    });
  }
  return rows;
}

/** Positions of 8–15 requirements; popular skills are asked for more often. */
export function syntheticPositions(tax: SyntheticTaxonomy, count: number, seed = 3): Requirement[][] {
  const rng = seeded(seed);
  const leafOf = zipf(tax.leaves.length, 0.8);
  const positions: Requirement[][] = [];
  for (let p = 0; p < count; p++) {
    const seen = new Set<string>();
    const reqs: Requirement[] = [];
    const n = intBetween(rng, 8, 15);
    while (reqs.length < n) {
      const conceptId =
        rng() < 0.1 ? tax.mids[Math.floor(rng() * tax.mids.length)]! : tax.leaves[leafOf(rng)]!;
      if (seen.has(conceptId)) continue;
      seen.add(conceptId);
      reqs.push({
        conceptId,
        label: conceptId,
        minLevel: rng() < 0.3 ? null : intBetween(rng, 2, 5),
        weight: intBetween(rng, 1, 3),
        required: rng() < 0.15,
      });
    }
    positions.push(reqs);
  }
  return positions;
}

function weighted(rng: Rng, weights: readonly number[]): number {
  let x = rng();
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

function shuffle<T>(rng: Rng, items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
