/**
 * One concept's postings as parallel typed arrays: which candidate (ordinal) holds it, at what
 * level, from which source, when, until when, and whether verified or revoked. `null` is stored
 * as NaN so a level or date that was not stated stays distinct from 0.
 */

import { type IndexedAssertion, NO_FILTERS } from "../../domain/evidence.ts";
import { SourceKind } from "../../domain/schemas.ts";
import type { ScoringConfig } from "../../scoring/config.ts";
import { exclusionOf, meetsProbability, recency, trust } from "../../scoring/factors.ts";

export const SOURCE_KINDS = SourceKind.options;
const KIND_INDEX = new Map(SOURCE_KINDS.map((k, i) => [k, i]));

export const FLAG_VERIFIED = 1;
export const FLAG_REVOKED = 2;

const INITIAL_CAPACITY = 4;

/**
 * Levels as a small code so per-requirement tables can stand in for levelFit/levelSurplus: a level
 * that is exactly c/10 for 0 ≤ c ≤ 250 has code c; an unstated level is LEVEL_UNKNOWN; any other
 * level is LEVEL_OTHER and is computed directly.
 */
export const LEVEL_CODES = 251;
export const LEVEL_OTHER = 254;
export const LEVEL_UNKNOWN = 255;

export function levelCode(level: number | null): number {
  if (level === null) return LEVEL_UNKNOWN;
  const c = Math.round(level * 10);
  return c >= 0 && c < LEVEL_CODES && c / 10 === level ? c : LEVEL_OTHER;
}

/** The level a code stands for (LEVEL_OTHER has none: read the posting's level instead). */
export const levelOfCode = (c: number): number | null => (c === LEVEL_UNKNOWN ? null : c / 10);

export class PostingList {
  n = 0;
  /** Postings whose candidate was removed; compacted away once they are half the list. */
  dead = 0;
  cand = new Int32Array(INITIAL_CAPACITY);
  level = new Float64Array(INITIAL_CAPACITY);
  code = new Uint8Array(INITIAL_CAPACITY);
  kind = new Uint8Array(INITIAL_CAPACITY);
  date = new Float64Array(INITIAL_CAPACITY);
  validUntil = new Float64Array(INITIAL_CAPACITY);
  flags = new Uint8Array(INITIAL_CAPACITY);
  /** The evidence model's voice, interned by the index (the same number as its Held.voices). */
  voice = new Int32Array(INITIAL_CAPACITY);
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
  /** What depends only on "now": recency() and whether revoked or expired, per posting. */
  private recencyCache = new Float64Array(0);
  private deadAtNow = new Uint8Array(0);
  private cachedNow = Number.NaN;
  private topTrustRecency = 0;

  /** The highest trust × recency of a posting live at `nowMs`. */
  maxTrustRecency(nowMs: number, cfg: ScoringConfig): number {
    this.refresh(nowMs, cfg);
    return this.topTrustRecency;
  }

  /** The highest P(meets `minLevel`) of any posting (meetsProbability rises with the level). */
  maxMeets(minLevel: number | null, cfg: ScoringConfig): number {
    let best = this.unstated ? meetsProbability(null, minLevel, "issued-credential", cfg) : 0;
    if (this.topLevel > Number.NEGATIVE_INFINITY)
      best = Math.max(best, meetsProbability(this.topLevel, minLevel, "issued-credential", cfg));
    if (this.topSelfLevel > Number.NEGATIVE_INFINITY)
      best = Math.max(best, meetsProbability(this.topSelfLevel, minLevel, "self-asserted", cfg));
    return best;
  }

  /** recency() of every posting at `nowMs`, kept until a query asks for another "now". */
  recencyAt(nowMs: number, cfg: ScoringConfig): Float64Array {
    this.refresh(nowMs, cfg);
    return this.recencyCache;
  }

  /** 1 where the posting is revoked or expired at `nowMs` (exclusionOf without the caller's filters). */
  excludedAt(nowMs: number, cfg: ScoringConfig): Uint8Array {
    this.refresh(nowMs, cfg);
    return this.deadAtNow;
  }

  private refresh(nowMs: number, cfg: ScoringConfig): void {
    if (nowMs === this.cachedNow) return;
    if (this.recencyCache.length < this.n) {
      this.recencyCache = new Float64Array(this.cand.length);
      this.deadAtNow = new Uint8Array(this.cand.length);
    }
    const trustOf = SOURCE_KINDS.map((k) => trust(k, cfg));
    let top = 0;
    for (let i = 0; i < this.n; i++) {
      const date = orNull(this.date[i]!);
      this.recencyCache[i] = recency(date, nowMs, cfg);
      const f = this.flags[i]!;
      const reason = exclusionOf(
        (f & FLAG_REVOKED) !== 0,
        orNull(this.validUntil[i]!),
        (f & FLAG_VERIFIED) !== 0,
        date,
        nowMs,
        NO_FILTERS,
      );
      this.deadAtNow[i] = reason === null ? 0 : 1;
      if (reason === null) top = Math.max(top, trustOf[this.kind[i]!]! * this.recencyCache[i]!);
    }
    this.topTrustRecency = top;
    this.cachedNow = nowMs;
  }

  push(ordinal: number, a: IndexedAssertion, voice: number): void {
    if (this.n === this.cand.length) this.resize(this.n * 2);
    const i = this.n++;
    this.cachedNow = Number.NaN;
    this.cand[i] = ordinal;
    this.level[i] = a.level ?? Number.NaN;
    this.code[i] = levelCode(a.level);
    this.kind[i] = KIND_INDEX.get(a.sourceKind) ?? 0;
    this.date[i] = a.dateMs ?? Number.NaN;
    this.validUntil[i] = a.validUntilMs ?? Number.NaN;
    this.flags[i] =
      (a.verified || a.sourceKind === "verified-credential" ? FLAG_VERIFIED : 0) |
      (a.revoked ? FLAG_REVOKED : 0);
    this.voice[i] = voice;
    this.run = i > 0 && this.cand[i - 1] === ordinal ? this.run + 1 : 1;
    this.maxRun = Math.max(this.maxRun, this.run);
    if (a.level === null) this.unstated = true;
    else if (a.sourceKind === "self-asserted") this.topSelfLevel = Math.max(this.topSelfLevel, a.level);
    else this.topLevel = Math.max(this.topLevel, a.level);
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
      this.level[j] = this.level[i]!;
      this.code[j] = this.code[i]!;
      this.kind[j] = this.kind[i]!;
      this.date[j] = this.date[i]!;
      this.validUntil[j] = this.validUntil[i]!;
      this.flags[j] = this.flags[i]!;
      this.voice[j] = this.voice[i]!;
      j++;
    }
    this.n = j;
    this.dead = 0;
    this.cachedNow = Number.NaN;
    if (this.cand.length > INITIAL_CAPACITY && j * 4 < this.cand.length)
      this.resize(Math.max(INITIAL_CAPACITY, j * 2));
  }

  get bytes(): number {
    return (
      this.cand.byteLength +
      this.level.byteLength +
      this.code.byteLength +
      this.kind.byteLength +
      this.date.byteLength +
      this.validUntil.byteLength +
      this.flags.byteLength +
      this.voice.byteLength +
      this.recencyCache.byteLength +
      this.deadAtNow.byteLength
    );
  }

  private resize(capacity: number): void {
    this.cand = grow(this.cand, new Int32Array(capacity), this.n);
    this.level = grow(this.level, new Float64Array(capacity), this.n);
    this.code = grow(this.code, new Uint8Array(capacity), this.n);
    this.kind = grow(this.kind, new Uint8Array(capacity), this.n);
    this.date = grow(this.date, new Float64Array(capacity), this.n);
    this.validUntil = grow(this.validUntil, new Float64Array(capacity), this.n);
    this.flags = grow(this.flags, new Uint8Array(capacity), this.n);
    this.voice = grow(this.voice, new Int32Array(capacity), this.n);
  }
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T, n: number): T {
  to.set(from.subarray(0, n));
  return to;
}

/** null ⇐ NaN: the typed arrays' encoding of "not stated". */
export const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);
