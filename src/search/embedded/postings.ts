/**
 * One concept's postings: which candidate (ordinal) holds it, where its assertion sits in the
 * forward store (forward.ts), and its level code with the self-asserted bit, so P(meets) is a
 * per-requirement table look-up (meets-tables.ts). What depends only on "now" — trust × recency,
 * and whether revoked or expired — is folded into one Float32 per posting, kept until a query asks
 * for another "now": the walk's hot loop reads an ordinal, that weight and the code.
 */

import type { ScoringConfig } from "../../scoring/config.ts";
import { meetsProbability, trust } from "../../scoring/factors.ts";
import { type ForwardStore, grown, SELF, SOURCE_KINDS } from "./forward.ts";

export {
  DEAD,
  LEVEL_CODES,
  LEVEL_OTHER,
  LEVEL_UNKNOWN,
  levelCode,
  levelOfCode,
  SELF_CODE,
} from "./forward.ts";

const INITIAL_CAPACITY = 4;

export class PostingList {
  n = 0;
  /** Postings whose candidate was removed; compacted away once they are half the list. */
  dead = 0;
  cand = new Int32Array(INITIAL_CAPACITY);
  /** the posting's assertion in the forward store */
  fwd = new Int32Array(INITIAL_CAPACITY);
  /** levelCode, plus SELF_CODE when self-asserted */
  code = new Uint16Array(INITIAL_CAPACITY);
  /**
   * What bounds any one candidate's evidence here (MaxScore's per-list bound), kept as postings
   * arrive; removals only lower the truth, so they stay bounds until rebuild(). `maxRun`: the most
   * postings one candidate holds (a candidate's postings are adjacent, pushed by one upsert).
   */
  maxRun = 0;
  private run = 0;
  /** The highest stated level from a source that is not the holder, and from the holder. */
  private topLevel = Number.NEGATIVE_INFINITY;
  private topSelfLevel = Number.NEGATIVE_INFINITY;
  private unstated = false;
  /** Per posting at `cachedNow`: trust × recency rounded up to a Float32, DEAD when revoked or expired. */
  private weight = new Float32Array(0);
  private cachedNow = Number.NaN;
  private topWeight = 0;
  /** maxMeets by minimum asked, until the next push (the configuration is the index's, fixed) */
  private readonly meetsBound = new Map<number | null, number>();

  constructor(readonly store: ForwardStore) {}

  /** The highest trust × recency of a posting live at `nowMs`. */
  maxTrustRecency(nowMs: number, cfg: ScoringConfig): number {
    this.refresh(nowMs, cfg);
    return this.topWeight;
  }

  /** The highest P(meets `minLevel`) of any posting (meetsProbability rises with the level). */
  maxMeets(minLevel: number | null, cfg: ScoringConfig): number {
    let best = this.meetsBound.get(minLevel);
    if (best === undefined) {
      best = this.highestMeets(minLevel, cfg);
      this.meetsBound.set(minLevel, best);
    }
    return best;
  }

  private highestMeets(minLevel: number | null, cfg: ScoringConfig): number {
    let best = this.unstated ? meetsProbability(null, minLevel, "issued-credential", cfg) : 0;
    if (this.topLevel > Number.NEGATIVE_INFINITY)
      best = Math.max(best, meetsProbability(this.topLevel, minLevel, "issued-credential", cfg));
    if (this.topSelfLevel > Number.NEGATIVE_INFINITY)
      best = Math.max(best, meetsProbability(this.topSelfLevel, minLevel, "self-asserted", cfg));
    return best;
  }

  /**
   * Per posting at `nowMs`: trust × recency, rounded up to a Float32 (an upper bound of the
   * model's product, for bounds only), or DEAD when revoked or expired.
   */
  weightAt(nowMs: number, cfg: ScoringConfig): Float32Array {
    this.refresh(nowMs, cfg);
    return this.weight;
  }

  private refresh(nowMs: number, cfg: ScoringConfig): void {
    if (nowMs === this.cachedNow) return;
    if (this.weight.length < this.n) this.weight = new Float32Array(this.cand.length);
    const trustByKind = SOURCE_KINDS.map((k) => trust(k, cfg));
    let top = 0;
    for (let i = 0; i < this.n; i++) {
      const w = this.store.weightOf(this.fwd[i]!, nowMs, trustByKind, cfg);
      this.weight[i] = w;
      if (w > top) top = w;
    }
    this.topWeight = top;
    this.cachedNow = nowMs;
  }

  /** Posts the forward store's assertion `f`, held by `ordinal`. */
  push(ordinal: number, f: number): void {
    if (this.n === this.cand.length) this.resize(this.n + Math.max(INITIAL_CAPACITY, this.n >> 1));
    const i = this.n++;
    this.cachedNow = Number.NaN;
    if (this.meetsBound.size > 0) this.meetsBound.clear();
    const lvl = this.store.levelOf(f);
    const self = this.store.kind[f] === SELF;
    this.cand[i] = ordinal;
    this.fwd[i] = f;
    this.code[i] = this.store.code[f]!;
    this.run = i > 0 && this.cand[i - 1] === ordinal ? this.run + 1 : 1;
    this.maxRun = Math.max(this.maxRun, this.run);
    if (lvl === null) this.unstated = true;
    else if (self) this.topSelfLevel = Math.max(this.topSelfLevel, lvl);
    else this.topLevel = Math.max(this.topLevel, lvl);
  }

  /** The first posting at or after `from` whose ordinal is at least `ord` (galloping search). */
  seek(from: number, ord: number): number {
    const { cand, n } = this;
    let lo = from;
    let hi = from;
    for (let step = 1; hi < n && cand[hi]! < ord; step *= 2) {
      lo = hi + 1;
      hi += step;
    }
    hi = Math.min(hi, n);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cand[mid]! < ord) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Drops the postings of candidates that are no longer alive. */
  compact(alive: Uint8Array): void {
    let j = 0;
    for (let i = 0; i < this.n; i++) {
      if (!alive[this.cand[i]!]) continue;
      this.cand[j] = this.cand[i]!;
      this.fwd[j] = this.fwd[i]!;
      this.code[j] = this.code[i]!;
      j++;
    }
    this.n = j;
    this.dead = 0;
    this.cachedNow = Number.NaN;
    if (this.cand.length > INITIAL_CAPACITY && j * 4 < this.cand.length)
      this.resize(Math.max(INITIAL_CAPACITY, j * 2));
  }

  /** Capacity trimmed to the postings held (after a bulk build, the doubling's slack is waste). */
  trim(): void {
    if (this.cand.length > this.n) this.resize(Math.max(this.n, 1));
    if (this.weight.length > this.n) this.weight = this.weight.slice(0, this.n);
  }

  get bytes(): number {
    return this.cand.byteLength + this.fwd.byteLength + this.code.byteLength + this.weight.byteLength;
  }

  private resize(capacity: number): void {
    this.cand = grown(this.cand, new Int32Array(capacity), this.n);
    this.fwd = grown(this.fwd, new Int32Array(capacity), this.n);
    this.code = grown(this.code, new Uint16Array(capacity), this.n);
    this.cachedNow = Number.NaN;
    this.weight = new Float32Array(0);
  }
}
