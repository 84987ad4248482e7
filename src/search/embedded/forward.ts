/**
 * Every candidate's assertions as shared typed columns, one candidate's end to end, each
 * candidate's in assertion-id order: the evidence model breaks ties and sums voices in that order,
 * so comparing two assertions' positions compares their ids, and no id string is held. Exact
 * scoring (exact.ts) reads a candidate's range; a posting (postings.ts) points at its assertion
 * here.
 *
 * Columns are kept small, since they are most of what the index holds: a level is its level code
 * (postings.ts), a date whole days since the epoch; the rare level without a code, date not on a
 * day, and valid-until (which most evidence has none of) are kept aside, by position.
 */

import { DAY_MS } from "../../domain/dates.ts";
import { type IndexedAssertion, NO_FILTERS } from "../../domain/evidence.ts";
import { SourceKind } from "../../domain/schemas.ts";
import type { ScoringConfig } from "../../scoring/config.ts";
import { exclusionOf, recency } from "../../scoring/factors.ts";

export const SOURCE_KINDS = SourceKind.options;
const KIND_INDEX = new Map(SOURCE_KINDS.map((k, i) => [k, i]));
export const SELF = SOURCE_KINDS.indexOf("self-asserted");

export const FLAG_VERIFIED = 1;
export const FLAG_REVOKED = 2;

/**
 * Levels as a small code so per-requirement tables can stand in for meetsProbability: a level
 * that is exactly c/10 for 0 ≤ c ≤ 250 has code c; an unstated level is LEVEL_UNKNOWN; any other
 * level is LEVEL_OTHER and is computed directly.
 */
export const LEVEL_CODES = 251;
export const LEVEL_OTHER = 254;
export const LEVEL_UNKNOWN = 255;
/** Added to a level code when the source is the holder (a second row of each P(meets) table). */
export const SELF_CODE = 256;

export function levelCode(level: number | null): number {
  if (level === null) return LEVEL_UNKNOWN;
  const c = Math.round(level * 10);
  // -0 is kept as itself (aside), so the store gives back exactly the level it was given
  return c >= 0 && c < LEVEL_CODES && c / 10 === level && !Object.is(level, -0) ? c : LEVEL_OTHER;
}

/** The level a code stands for (LEVEL_OTHER has none: read the assertion's level instead). */
export const levelOfCode = (c: number): number | null => (c === LEVEL_UNKNOWN ? null : c / 10);

/** The weight of an assertion revoked or expired at the "now" asked: it does not count. */
export const DEAD = -1;

const F32 = new Float32Array(1);
const F32_BITS = new Uint32Array(F32.buffer);
/** The smallest Float32 at least x (x ≥ 0): a weight that bounds, never undercuts, the exact product. */
function float32AtLeast(x: number): number {
  F32[0] = x;
  if (F32[0]! < x) F32_BITS[0]!++;
  return F32[0]!;
}

/** The model's order of a candidate's assertions: by id, as `<` on strings compares them. */
export const byAssertionId = (a: IndexedAssertion, b: IndexedAssertion): number =>
  a.assertionId < b.assertionId ? -1 : a.assertionId > b.assertionId ? 1 : 0;

/** The level code without its self-asserted bit. */
export const LEVEL_MASK = 0xff;
/** `day` of an assertion without a date, and of one whose date is kept aside (not on a day). */
const NO_DAY = -0x80000000;
const ASIDE_DAY = -0x7fffffff;
/** flags: has a valid-until date (kept aside) */
const FLAG_EXPIRES = 4;

export class ForwardStore {
  n = 0;
  /** the held concept, as the index's concept ordinal */
  concept = new Int32Array(1024);
  /** levelCode, plus SELF_CODE when self-asserted */
  code = new Uint16Array(1024);
  kind = new Uint8Array(1024);
  flags = new Uint8Array(1024);
  /** whole days since the epoch, NO_DAY or ASIDE_DAY */
  private day = new Int32Array(1024);
  /** The evidence model's voice, interned by the index; compared only within one candidate. */
  voice = new Int32Array(1024);
  private readonly levelAside = new Aside();
  private readonly dateAside = new Aside();
  private readonly validUntilAside = new Aside();

  /** Appends one assertion; returns its position. */
  append(a: IndexedAssertion, concept: number, voice: number): number {
    const f = this.reserve();
    this.concept[f] = concept;
    const code = levelCode(a.level);
    this.code[f] = code + (a.sourceKind === "self-asserted" ? SELF_CODE : 0);
    if (code === LEVEL_OTHER) this.levelAside.push(f, a.level!);
    this.kind[f] = KIND_INDEX.get(a.sourceKind) ?? 0;
    this.flags[f] =
      (a.verified || a.sourceKind === "verified-credential" ? FLAG_VERIFIED : 0) |
      (a.revoked ? FLAG_REVOKED : 0) |
      (a.validUntilMs !== null ? FLAG_EXPIRES : 0);
    if (a.validUntilMs !== null) this.validUntilAside.push(f, a.validUntilMs);
    this.setDate(f, a.dateMs);
    this.voice[f] = voice;
    return f;
  }

  /** Appends a copy of `from`'s assertion at `g` (renumbering); returns its position. */
  copy(from: ForwardStore, g: number): number {
    const f = this.reserve();
    this.concept[f] = from.concept[g]!;
    this.code[f] = from.code[g]!;
    if ((from.code[g]! & LEVEL_MASK) === LEVEL_OTHER) this.levelAside.push(f, from.levelAside.get(g));
    this.kind[f] = from.kind[g]!;
    this.flags[f] = from.flags[g]!;
    const validUntil = from.validUntilOf(g);
    if (validUntil !== null) this.validUntilAside.push(f, validUntil);
    this.setDate(f, from.dateOf(g));
    this.voice[f] = from.voice[g]!;
    return f;
  }

  levelOf(f: number): number | null {
    const c = this.code[f]! & LEVEL_MASK;
    if (c === LEVEL_OTHER) return this.levelAside.get(f);
    return levelOfCode(c);
  }

  /** Last practiced, else issued, in ms; null when unknown. */
  dateOf(f: number): number | null {
    const day = this.day[f]!;
    if (day === NO_DAY) return null;
    return day === ASIDE_DAY ? this.dateAside.get(f) : day * DAY_MS;
  }

  validUntilOf(f: number): number | null {
    return (this.flags[f]! & FLAG_EXPIRES) === 0 ? null : this.validUntilAside.get(f);
  }

  /**
   * Trust × recency of assertion f at `nowMs`, rounded up to a Float32 (an upper bound of the
   * model's product, for bounds only), or DEAD when revoked or expired.
   */
  weightOf(f: number, nowMs: number, trustByKind: ArrayLike<number>, cfg: ScoringConfig): number {
    const fl = this.flags[f]!;
    const dateMs = this.dateOf(f);
    const verified = (fl & FLAG_VERIFIED) !== 0;
    const revoked = (fl & FLAG_REVOKED) !== 0;
    if (exclusionOf(revoked, this.validUntilOf(f), verified, dateMs, nowMs, NO_FILTERS) !== null) return DEAD;
    return float32AtLeast(trustByKind[this.kind[f]!]! * recency(dateMs, nowMs, cfg));
  }

  get bytes(): number {
    return (
      this.concept.length * BYTES_PER_ASSERTION +
      this.levelAside.bytes +
      this.dateAside.bytes +
      this.validUntilAside.bytes
    );
  }

  private setDate(f: number, dateMs: number | null): void {
    if (dateMs === null) this.day[f] = NO_DAY;
    else if (Number.isInteger(dateMs / DAY_MS) && Math.abs(dateMs / DAY_MS) < 0x7fff0000)
      this.day[f] = dateMs / DAY_MS;
    else {
      this.day[f] = ASIDE_DAY;
      this.dateAside.push(f, dateMs);
    }
  }

  private reserve(): number {
    if (this.n === this.concept.length) this.resize(Math.ceil(this.n * 1.5));
    return this.n++;
  }

  private resize(capacity: number): void {
    const n = this.n;
    this.concept = grown(this.concept, new Int32Array(capacity), n);
    this.code = grown(this.code, new Uint16Array(capacity), n);
    this.kind = grown(this.kind, new Uint8Array(capacity), n);
    this.flags = grown(this.flags, new Uint8Array(capacity), n);
    this.day = grown(this.day, new Int32Array(capacity), n);
    this.voice = grown(this.voice, new Int32Array(capacity), n);
  }
}

/** concept 4 + code 2 + kind 1 + flags 1 + day 4 + voice 4 */
const BYTES_PER_ASSERTION = 16;

/**
 * Values kept aside for the few positions that have one, appended in position order (as the
 * store appends), found by binary search.
 */
class Aside {
  private n = 0;
  private at = new Int32Array(16);
  private value = new Float64Array(16);

  push(f: number, value: number): void {
    if (this.n === this.at.length) {
      this.at = grown(this.at, new Int32Array(this.n * 2), this.n);
      this.value = grown(this.value, new Float64Array(this.n * 2), this.n);
    }
    this.at[this.n] = f;
    this.value[this.n++] = value;
  }

  /** The value kept for position f (which has one). */
  get(f: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.at[mid]! < f) lo = mid + 1;
      else hi = mid;
    }
    return this.value[lo]!;
  }

  get bytes(): number {
    return this.at.byteLength + this.value.byteLength;
  }
}

export function grown<T extends Int32Array | Float64Array | Float32Array | Uint8Array | Uint16Array>(
  from: T,
  to: T,
  n: number,
): T {
  to.set(from.subarray(0, n));
  return to;
}
