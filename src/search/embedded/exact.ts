/**
 * The evidence model's score of one candidate (weighRequirement + aggregate in src/scoring), worked
 * out over reused typed scratch instead of Piece objects, Maps and sorted copies: the embedded
 * index calls it for every candidate whose bound could still reach the top k, so it must not
 * allocate. Every quantity is computed with the model's own factor functions, in the model's own
 * order (voices in assertion-id order, requirements in position order), so the floating-point
 * result is bit for bit scoreCandidate's — the property tests in test/search pin that.
 */

import type { IndexedAssertion, RetrievalFilters } from "../../domain/evidence.ts";
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

/** How evidence on one held concept counts for one asked concept (relatedness > 0). */
export interface Relatedness {
  relatedness: number;
  direct: boolean;
  /** evidence here can pass recruiter search's exact filter (the skill itself, or narrower) */
  hardRelation: boolean;
}

/**
 * A candidate's assertions with the voice of each fixed at index time: assertion i speaks as
 * voices[start + i]. The voices of every candidate share one array, so a candidate costs no typed
 * array of its own; voices are only ever compared within one candidate.
 */
export interface Held {
  assertions: readonly IndexedAssertion[];
  voices: Int32Array;
  start: number;
}

export interface ExactQuery {
  requirements: readonly Requirement[];
  /** per requirement: held concept → how it counts */
  related: readonly ReadonlyMap<string, Relatedness>[];
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

export class ExactScorer {
  private live = new Int32Array(64);
  private tier = new Int32Array(64);
  private reliability = new Float64Array(64);
  private meets = new Float64Array(64);
  private strength = new Float64Array(64);
  private date = new Float64Array(64);
  private speakers = new Int32Array(64);

  constructor(private readonly config: ScoringConfig) {}

  score(held: Held, q: ExactQuery, out: ExactScore): ExactScore {
    const { assertions } = held;
    this.fit(assertions.length);
    const live = this.live;
    let nLive = 0;
    for (let i = 0; i < assertions.length; i++) {
      const a = assertions[i]!;
      const verified = a.verified || a.sourceKind === "verified-credential";
      if (exclusionOf(a.revoked, a.validUntilMs, verified, a.dateMs, q.nowMs, q.filters) === null)
        live[nLive++] = i;
    }
    const { requirements } = q;
    const weightSum = totalWeight(requirements);
    let score = 0;
    let unmet = 0;
    let surplus = 0;
    out.basis.length = 0;
    for (let r = 0; r < requirements.length; r++) {
      const req = requirements[r]!;
      const w = this.weigh(held, nLive, req, q.related[r]!, q.nowMs);
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

  /** estimateRequirement over the live assertions that bear on `req`; basis 0 none, 1 neighbours, 2 direct. */
  private weigh(
    held: Held,
    nLive: number,
    req: Requirement,
    related: ReadonlyMap<string, Relatedness>,
    nowMs: number,
  ) {
    const cfg = this.config;
    const { assertions } = held;
    const { live, tier, reliability, meets, strength, date } = this;
    const w = this.weighed;
    w.hardOk = false;
    let n = 0;
    let anyDirect = false;
    for (let j = 0; j < nLive; j++) {
      const i = live[j]!;
      const a = assertions[i]!;
      const rel = related.get(a.conceptId);
      if (rel === undefined) continue;
      if (rel.hardRelation && (req.minLevel === null || (a.level !== null && a.level >= req.minLevel)))
        w.hardOk = true;
      if (anyDirect && !rel.direct) continue;
      if (rel.direct && !anyDirect) {
        anyDirect = true;
        n = 0; // direct evidence silences the neighbours
      }
      tier[n] = i;
      reliability[n] = rel.relatedness * trust(a.sourceKind, cfg) * recency(a.dateMs, nowMs, cfg);
      meets[n] = meetsProbability(a.level, req.minLevel, a.sourceKind, cfg);
      strength[n] = reliability[n]! * meets[n]!;
      date[n] = a.dateMs ?? NEG;
      n++;
    }
    if (n === 0) {
      w.basis = 0;
      w.estimate = 0;
      w.level = null;
      w.met = false;
      return w;
    }
    const speakers = this.speakers;
    let nSpeakers = 0;
    for (let p = 0; p < n; p++) {
      if (!this.speaks(p, n, held)) continue;
      // insertion in assertion-id order: the model sums voices in that order
      let s = nSpeakers++;
      const id = assertions[tier[p]!]!.assertionId;
      while (s > 0 && assertions[tier[speakers[s - 1]!]!]!.assertionId > id) {
        speakers[s] = speakers[s - 1]!;
        s--;
      }
      speakers[s] = p;
    }
    let doubt = 1;
    let reliabilitySum = 0;
    let meetsSum = 0;
    let levelSum = 0;
    for (let s = 0; s < nSpeakers; s++) {
      const p = speakers[s]!;
      const r = reliability[p]!;
      doubt *= 1 - r;
      reliabilitySum += r;
      meetsSum += r * meets[p]!;
      levelSum += r * levelForEstimate(assertions[tier[p]!]!.level, cfg);
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
   * voice (else superseded), and the strongest of those newest (else same-source).
   */
  private speaks(p: number, n: number, held: Held): boolean {
    const { assertions, voices, start } = held;
    const { tier, strength } = this;
    const ip = tier[p]!;
    const voice = voices[start + ip]!;
    const concept = assertions[ip]!.conceptId;
    if (!this.newestOfConcept(p, n, held)) return false;
    for (let o = 0; o < n; o++) {
      if (o === p) continue;
      const io = tier[o]!;
      if (voices[start + io] !== voice) continue;
      if (assertions[io]!.conceptId === concept) continue;
      if (!this.newestOfConcept(o, n, held)) continue;
      if (
        strength[o]! > strength[p]! ||
        (strength[o] === strength[p] && assertions[io]!.assertionId < assertions[ip]!.assertionId)
      )
        return false;
    }
    return true;
  }

  /** No other piece of the same voice and concept comes first in newer-first order. */
  private newestOfConcept(p: number, n: number, held: Held): boolean {
    const { assertions, voices, start } = held;
    const { tier, strength, date } = this;
    const ip = tier[p]!;
    const voice = voices[start + ip]!;
    const concept = assertions[ip]!.conceptId;
    for (let o = 0; o < n; o++) {
      if (o === p) continue;
      const io = tier[o]!;
      if (voices[start + io] !== voice || assertions[io]!.conceptId !== concept) continue;
      if (date[o]! !== date[p]!) {
        if (date[o]! > date[p]!) return false;
        continue;
      }
      const byStrength = strength[o]! - strength[p]!;
      if (byStrength > 0) return false;
      if (byStrength === 0 && assertions[io]!.assertionId < assertions[ip]!.assertionId) return false;
    }
    return true;
  }

  private fit(n: number): void {
    if (this.live.length >= n) return;
    const size = Math.max(n, this.live.length * 2);
    this.live = new Int32Array(size);
    this.tier = new Int32Array(size);
    this.reliability = new Float64Array(size);
    this.meets = new Float64Array(size);
    this.strength = new Float64Array(size);
    this.date = new Float64Array(size);
    this.speakers = new Int32Array(size);
  }
}
