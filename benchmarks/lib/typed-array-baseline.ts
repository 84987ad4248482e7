/**
 * The reference "exhaustive typed-array scorer" the query benchmark measures the engine against:
 * the simplest fast thing. Per concept a postings list of (candidate ordinal, trust·recency
 * precomputed for one fixed "now", level); per query, for each requirement and each neighbour
 * concept, loop its postings computing P(meets) inline, keep the per-requirement max per candidate,
 * accumulate w_r·m_r/Σw, then select the top k. No explanations, no tie-breaks beyond score, no
 * required-requirement handling, Float32 storage: a floor for latency, not a second model.
 */

import { type IndexedCandidate, NO_FILTERS } from "../../src/domain/evidence.ts";
import type { Requirement } from "../../src/domain/schemas.ts";
import type { ScoringConfig } from "../../src/scoring/config.ts";
import { exclusionOf, recency, relatedness } from "../../src/scoring/factors.ts";
import { neighbourhoodOf } from "../../src/scoring/relations.ts";
import type { Taxonomy } from "../../taxonomy/model.ts";

class Postings {
  n = 0;
  cand = new Int32Array(4);
  weight = new Float32Array(4);
  level = new Float32Array(4);

  push(ord: number, weight: number, level: number): void {
    if (this.n === this.cand.length) {
      const cap = this.n * 2;
      this.cand = grow(this.cand, new Int32Array(cap));
      this.weight = grow(this.weight, new Float32Array(cap));
      this.level = grow(this.level, new Float32Array(cap));
    }
    this.cand[this.n] = ord;
    this.weight[this.n] = weight;
    this.level[this.n] = level;
    this.n++;
  }
}

function grow<T extends Int32Array | Float32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

export interface BaselineHit {
  ordinal: number;
  score: number;
}

export class TypedArrayBaseline {
  private readonly postings = new Map<string, Postings>();
  private size = 0;
  private best = new Float32Array(0);
  private score = new Float32Array(0);
  private reqStamp = new Int32Array(0);
  private queryStamp = new Int32Array(0);
  private epoch = 0;
  private readonly neighbours = new Map<string, { list: Postings; sim: number }[]>();

  constructor(
    private readonly taxonomy: Taxonomy,
    private readonly cfg: ScoringConfig,
    private readonly nowMs: number,
  ) {}

  /** Adds candidates in ordinal order (the first added is ordinal 0). Live assertions only. */
  add(candidates: Iterable<IndexedCandidate>): void {
    for (const c of candidates) {
      const ord = this.size++;
      for (const a of c.assertions) {
        if (exclusionOf(a.revoked, a.validUntilMs, a.verified, a.dateMs, this.nowMs, NO_FILTERS)) continue;
        let list = this.postings.get(a.conceptId);
        if (!list) {
          list = new Postings();
          this.postings.set(a.conceptId, list);
        }
        list.push(ord, a.trust * recency(a.dateMs, this.nowMs, this.cfg), a.level ?? Number.NaN);
      }
    }
    this.neighbours.clear();
    this.best = new Float32Array(this.size);
    this.score = new Float32Array(this.size);
    this.reqStamp = new Int32Array(this.size);
    this.queryStamp = new Int32Array(this.size);
  }

  /** Top k ordinals by score, best first. */
  query(requirements: readonly Requirement[], k: number): BaselineHit[] {
    const { best, score, reqStamp, queryStamp } = this;
    const { slope, assumedLevel, defaultMinimum } = this.cfg.level;
    let weightSum = 0;
    for (const r of requirements) weightSum += r.weight;
    const query = ++this.epoch;
    const touched: number[] = [];
    const reqTouched: number[] = [];
    for (const req of requirements) {
      const epoch = ++this.epoch;
      reqTouched.length = 0;
      const minLevel = req.minLevel ?? defaultMinimum;
      for (const { list, sim } of this.neighbourhood(req.conceptId)) {
        const { n, cand, weight, level } = list;
        for (let i = 0; i < n; i++) {
          const ord = cand[i]!;
          const lvl = level[i]!;
          const read = Number.isNaN(lvl) ? assumedLevel : lvl;
          const f = 1 / (1 + Math.exp(-slope * (read - minLevel + 0.5)));
          const m = sim * f * weight[i]!;
          if (reqStamp[ord] !== epoch) {
            reqStamp[ord] = epoch;
            best[ord] = m;
            reqTouched.push(ord);
          } else if (m > best[ord]!) best[ord] = m;
        }
      }
      const w = req.weight / weightSum;
      for (const ord of reqTouched) {
        if (queryStamp[ord] !== query) {
          queryStamp[ord] = query;
          score[ord] = 0;
          touched.push(ord);
        }
        score[ord] = score[ord]! + w * best[ord]!;
      }
    }
    return topByScore(touched, score, k);
  }

  private neighbourhood(asked: string): { list: Postings; sim: number }[] {
    let out = this.neighbours.get(asked);
    if (out) return out;
    out = [];
    for (const [held, rel] of neighbourhoodOf(this.taxonomy, asked)) {
      const sim = relatedness(rel.relation, rel.strength, this.cfg);
      const list = this.postings.get(held);
      if (sim > 0 && list) out.push({ list, sim });
    }
    this.neighbours.set(asked, out);
    return out;
  }
}

/** A size-k min-heap of ordinals on score; the root is the weakest kept. */
function topByScore(touched: readonly number[], score: Float32Array, k: number): BaselineHit[] {
  const heap = new Int32Array(k);
  let size = 0;
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && score[heap[l]!]! < score[heap[m]!]!) m = l;
      if (r < size && score[heap[r]!]! < score[heap[m]!]!) m = r;
      if (m === i) return;
      const t = heap[i]!;
      heap[i] = heap[m]!;
      heap[m] = t;
      i = m;
    }
  };
  for (const ord of touched) {
    if (size < k) {
      let i = size++;
      heap[i] = ord;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (score[heap[p]!]! <= score[heap[i]!]!) break;
        const t = heap[p]!;
        heap[p] = heap[i]!;
        heap[i] = t;
        i = p;
      }
    } else if (score[ord]! > score[heap[0]!]!) {
      heap[0] = ord;
      down(0);
    }
  }
  const hits = Array.from(heap.subarray(0, size), (ordinal) => ({ ordinal, score: score[ordinal]! }));
  return hits.sort((a, b) => b.score - a.score);
}
