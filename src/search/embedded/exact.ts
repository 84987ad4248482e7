/**
 * The evidence model's score of one candidate (weighRequirement + aggregate in src/scoring), worked
 * out over the forward store's columns (forward.ts) and reused typed scratch instead of Piece
 * objects, Maps and sorted copies: the embedded index calls it for every candidate whose bound
 * could still reach the top k, so it must not allocate. Every quantity is computed with the
 * model's own factor functions, in the model's own order (voices in assertion-id order, which is
 * the forward store's order within a candidate; requirements in position order), so the
 * floating-point result is bit for bit scoreCandidate's — the property tests in test/search pin that.
 */

import type { RetrievalFilters } from "../../domain/evidence.ts";
import type { Requirement } from "../../domain/schemas.ts";
import type { ScoringConfig } from "../../scoring/config.ts";
import {
  contribution,
  exclusionOf,
  levelForEstimate,
  levelSurplus,
  meetsProbability,
  recency,
  totalWeight,
  trust,
} from "../../scoring/factors.ts";
import { columnsOf } from "./columns.ts";
import { FLAG_REVOKED, FLAG_VERIFIED, type ForwardStore, SOURCE_KINDS } from "./forward.ts";

/** How evidence on one held concept counts for one asked concept (relatedness > 0). */
export interface Relatedness {
  relatedness: number;
  direct: boolean;
  /** evidence here can pass recruiter search's exact filter (the skill itself, or narrower) */
  hardRelation: boolean;
}

/**
 * A query's neighbourhoods turned around: per held concept (ordinal), the requirements its
 * evidence counts for and how, as a chain of entries. Stamped per query, so nothing is cleared.
 */
export class RelatedTable extends columnsOf(
  [{ int32: ["requirement", "next"], float64: ["relatedness"], uint8: ["direct", "hard"] }],
  64,
) {
  private epoch = 0;
  private stamp = new Int32Array(0);
  private head = new Int32Array(0);
  private n = 0;

  /** Empties the table, for concept ordinals below `concepts`. */
  reset(concepts: number): void {
    if (this.stamp.length < concepts) {
      const size = Math.max(concepts, this.stamp.length * 2, 1024);
      this.stamp = new Int32Array(size);
      this.head = new Int32Array(size);
      this.epoch = 0;
    }
    if (this.epoch === 0x7fffffff) {
      this.stamp.fill(0);
      this.epoch = 0;
    }
    this.epoch++;
    this.n = 0;
  }

  add(concept: number, requirement: number, rel: Relatedness): void {
    if (this.n === this.next.length) this.resize(this.n * 2, true);
    const e = this.n++;
    this.requirement[e] = requirement;
    this.relatedness[e] = rel.relatedness;
    this.direct[e] = rel.direct ? 1 : 0;
    this.hard[e] = rel.hardRelation ? 1 : 0;
    this.next[e] = this.first(concept);
    this.stamp[concept] = this.epoch;
    this.head[concept] = e;
  }

  /** The first entry for a held concept, -1 when it counts for no requirement. */
  first(concept: number): number {
    return this.stamp[concept] === this.epoch ? this.head[concept]! : -1;
  }
}

export interface ExactQuery {
  requirements: readonly Requirement[];
  related: RelatedTable;
  filters: RetrievalFilters;
  nowMs: number;
  hardRequired: boolean;
}

export interface ExactScore {
  score: number;
  unmetRequired: number;
  levelSurplus: number;
  /** per requirement: 0 no evidence, 1 neighbours only, 2 direct (the estimate's basis) */
  basis: number[];
}

const NEG = Number.NEGATIVE_INFINITY;

/**
 * Per assertion of the candidate being scored: recency() by its position from the candidate's start
 * (recencyOf); per piece of the tier being weighed, its assertion (tier) and what the estimate reads.
 */
const CandidateColumns = columnsOf(
  [{ float64: ["recencyOf", "reliability", "meets", "strength", "date"], int32: ["tier"] }],
  64,
);

export class ExactScorer extends CandidateColumns {
  /** Per requirement r, its live pieces in assertion order: (assertion, table entry) at r·size + j. */
  private bucket = new Int32Array(0);
  private entry = new Int32Array(0);
  private count = new Int32Array(0);
  private size = 0;
  private readonly trustByKind: Float64Array;

  constructor(private readonly config: ScoringConfig) {
    super();
    this.trustByKind = Float64Array.from(SOURCE_KINDS, (k) => trust(k, config));
  }

  /** The model's score of the candidate whose assertions are [start, end) in `store`. */
  score(store: ForwardStore, start: number, end: number, q: ExactQuery, out: ExactScore): ExactScore {
    const { requirements, related, nowMs, filters } = q;
    const size = end - start;
    this.fit(size, requirements.length);
    const { flags, concept } = store;
    const { bucket, entry, count, recencyOf } = this;
    count.fill(0, 0, requirements.length);
    for (let f = start; f < end; f++) {
      let e = related.first(concept[f]!);
      if (e === -1) continue;
      const fl = flags[f]!;
      const dateMs = store.dateOf(f);
      if (
        exclusionOf(
          (fl & FLAG_REVOKED) !== 0,
          store.validUntilOf(f),
          (fl & FLAG_VERIFIED) !== 0,
          dateMs,
          nowMs,
          filters,
        ) !== null
      )
        continue;
      recencyOf[f - start] = recency(dateMs, nowMs, this.config);
      for (; e !== -1; e = related.next[e]!) {
        const r = related.requirement[e]!;
        const j = r * this.size + count[r]!++;
        bucket[j] = f;
        entry[j] = e;
      }
    }
    const weightSum = totalWeight(requirements);
    let score = 0;
    let unmet = 0;
    let surplus = 0;
    out.basis.length = 0;
    for (let r = 0; r < requirements.length; r++) {
      const req = requirements[r]!;
      const w = this.weigh(store, start, r * this.size, count[r]!, req, related);
      score += contribution(req.weight, w.estimate, weightSum);
      surplus += levelSurplus(w.level, req.minLevel);
      const passes = q.hardRequired ? w.hardOk : w.met;
      if (req.required && !passes) unmet++;
      out.basis.push(w.basis);
    }
    out.score = score;
    out.unmetRequired = unmet;
    out.levelSurplus = surplus;
    return out;
  }

  private readonly weighed = {
    estimate: 0,
    level: null as number | null,
    met: false,
    hardOk: false,
    basis: 0,
  };

  /**
   * estimateRequirement over the live pieces bearing on `req` (bucket [from, from + m), in
   * assertion order); basis 0 none, 1 neighbours, 2 direct.
   */
  private weigh(
    store: ForwardStore,
    start: number,
    from: number,
    m: number,
    req: Requirement,
    related: RelatedTable,
  ) {
    const cfg = this.config;
    const { kind } = store;
    const { bucket, entry, tier, reliability, meets, strength, date, recencyOf, trustByKind } = this;
    const w = this.weighed;
    w.hardOk = false;
    let n = 0;
    let anyDirect = false;
    for (let j = from; j < from + m; j++) {
      const f = bucket[j]!;
      const e = entry[j]!;
      const direct = related.direct[e] === 1;
      const lvl = store.levelOf(f);
      if (related.hard[e] === 1 && (req.minLevel === null || (lvl !== null && lvl >= req.minLevel)))
        w.hardOk = true;
      if (anyDirect && !direct) continue;
      if (direct && !anyDirect) {
        anyDirect = true;
        n = 0; // direct evidence silences the neighbours
      }
      const k = kind[f]!;
      tier[n] = f;
      reliability[n] = related.relatedness[e]! * trustByKind[k]! * recencyOf[f - start]!;
      meets[n] = meetsProbability(lvl, req.minLevel, SOURCE_KINDS[k]!, cfg);
      strength[n] = reliability[n]! * meets[n]!;
      date[n] = store.dateOf(f) ?? NEG;
      n++;
    }
    if (n === 0) {
      w.basis = 0;
      w.estimate = 0;
      w.level = null;
      w.met = false;
      return w;
    }
    // the tier is in assertion order, so the voices that speak are summed in the model's order
    let doubt = 1;
    let reliabilitySum = 0;
    let meetsSum = 0;
    let levelSum = 0;
    for (let p = 0; p < n; p++) {
      if (!this.speaks(p, n, store)) continue;
      const r = reliability[p]!;
      doubt *= 1 - r;
      reliabilitySum += r;
      meetsSum += r * meets[p]!;
      levelSum += r * levelForEstimate(store.levelOf(tier[p]!), cfg);
    }
    const confidence = 1 - doubt;
    const q = reliabilitySum > 0 ? meetsSum / reliabilitySum : 0;
    const floor = cfg.directFloor;
    w.basis = anyDirect ? 2 : 1;
    w.estimate = anyDirect ? floor + (1 - floor) * confidence * q : floor * confidence * q;
    w.level = anyDirect && reliabilitySum > 0 ? levelSum / reliabilitySum : null;
    w.met = anyDirect && (req.minLevel === null || (w.level !== null && w.level >= req.minLevel - 1e-9));
    return w;
  }

  /**
   * Whether tier piece p is its voice's one counted piece: the newest of its concept within the
   * voice (else superseded), and the strongest of those newest (else same-source); an earlier
   * position is an earlier assertion id.
   */
  private speaks(p: number, n: number, store: ForwardStore): boolean {
    const { voice, concept } = store;
    const { tier, strength } = this;
    const fp = tier[p]!;
    if (!this.newestOfConcept(p, n, store)) return false;
    for (let o = 0; o < n; o++) {
      if (o === p) continue;
      const fo = tier[o]!;
      if (voice[fo] !== voice[fp]) continue;
      if (concept[fo] === concept[fp]) continue;
      if (!this.newestOfConcept(o, n, store)) continue;
      if (strength[o]! > strength[p]! || (strength[o] === strength[p] && fo < fp)) return false;
    }
    return true;
  }

  /** No other piece of the same voice and concept comes first in newer-first order. */
  private newestOfConcept(p: number, n: number, store: ForwardStore): boolean {
    const { voice, concept } = store;
    const { tier, strength, date } = this;
    const fp = tier[p]!;
    for (let o = 0; o < n; o++) {
      if (o === p) continue;
      const fo = tier[o]!;
      if (voice[fo] !== voice[fp] || concept[fo] !== concept[fp]) continue;
      if (date[o]! !== date[p]!) {
        if (date[o]! > date[p]!) return false;
        continue;
      }
      const byStrength = strength[o]! - strength[p]!;
      if (byStrength > 0) return false;
      if (byStrength === 0 && fo < fp) return false;
    }
    return true;
  }

  private fit(n: number, requirements: number): void {
    if (this.size < n || this.count.length < requirements) {
      this.size = Math.max(n, this.size);
      const cells = this.size * Math.max(requirements, this.count.length);
      if (this.bucket.length < cells) {
        this.bucket = new Int32Array(cells * 2);
        this.entry = new Int32Array(cells * 2);
      }
      if (this.count.length < requirements) this.count = new Int32Array(requirements * 2);
    }
    if (this.tier.length < n) this.resize(Math.max(n, this.tier.length * 2));
  }
}
