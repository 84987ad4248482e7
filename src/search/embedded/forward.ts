/**
 * Every candidate's assertions as shared typed columns, one candidate's end to end, each
 * candidate's in assertion-id order: the evidence model breaks ties and sums voices in that order,
 * so comparing two assertions' positions compares their ids, and no id string is held. Exact
 * scoring (exact.ts) reads a candidate's range; a posting (postings.ts) points at its assertion
 * here. `null` is stored as NaN, so a level or date that was not stated stays distinct from 0.
 */
import type { IndexedAssertion } from "../../domain/evidence.ts";
import { SourceKind } from "../../domain/schemas.ts";

export const SOURCE_KINDS = SourceKind.options;
const KIND_INDEX = new Map(SOURCE_KINDS.map((k, i) => [k, i]));
export const SELF = SOURCE_KINDS.indexOf("self-asserted");

export const FLAG_VERIFIED = 1;
export const FLAG_REVOKED = 2;

/** null ⇐ NaN: the typed arrays' encoding of "not stated". */
export const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** The model's order of a candidate's assertions: by id, as `<` on strings compares them. */
export const byAssertionId = (a: IndexedAssertion, b: IndexedAssertion): number =>
  a.assertionId < b.assertionId ? -1 : a.assertionId > b.assertionId ? 1 : 0;

export class ForwardStore {
  n = 0;
  /** the held concept, as the index's concept ordinal */
  concept = new Int32Array(1024);
  level = new Float64Array(1024);
  kind = new Uint8Array(1024);
  flags = new Uint8Array(1024);
  date = new Float64Array(1024);
  validUntil = new Float64Array(1024);
  /** The evidence model's voice, interned by the index; compared only within one candidate. */
  voice = new Int32Array(1024);

  /** Appends one assertion; returns its position. */
  append(a: IndexedAssertion, concept: number, voice: number): number {
    const f = this.reserve();
    this.concept[f] = concept;
    this.level[f] = a.level ?? Number.NaN;
    this.kind[f] = KIND_INDEX.get(a.sourceKind) ?? 0;
    this.flags[f] =
      (a.verified || a.sourceKind === "verified-credential" ? FLAG_VERIFIED : 0) |
      (a.revoked ? FLAG_REVOKED : 0);
    this.date[f] = a.dateMs ?? Number.NaN;
    this.validUntil[f] = a.validUntilMs ?? Number.NaN;
    this.voice[f] = voice;
    return f;
  }

  /** Appends a copy of `from`'s assertion at `g` (renumbering); returns its position. */
  copy(from: ForwardStore, g: number): number {
    const f = this.reserve();
    this.concept[f] = from.concept[g]!;
    this.level[f] = from.level[g]!;
    this.kind[f] = from.kind[g]!;
    this.flags[f] = from.flags[g]!;
    this.date[f] = from.date[g]!;
    this.validUntil[f] = from.validUntil[g]!;
    this.voice[f] = from.voice[g]!;
    return f;
  }

  get bytes(): number {
    return this.concept.length * BYTES_PER_ASSERTION;
  }

  private reserve(): number {
    if (this.n === this.concept.length) this.resize(Math.ceil(this.n * 1.5));
    return this.n++;
  }

  private resize(capacity: number): void {
    const n = this.n;
    this.concept = grown(this.concept, new Int32Array(capacity), n);
    this.level = grown(this.level, new Float64Array(capacity), n);
    this.kind = grown(this.kind, new Uint8Array(capacity), n);
    this.flags = grown(this.flags, new Uint8Array(capacity), n);
    this.date = grown(this.date, new Float64Array(capacity), n);
    this.validUntil = grown(this.validUntil, new Float64Array(capacity), n);
    this.voice = grown(this.voice, new Int32Array(capacity), n);
  }
}

/** concept 4 + level 8 + kind 1 + flags 1 + date 8 + valid-until 8 + voice 4 */
const BYTES_PER_ASSERTION = 34;

export function grown<T extends Int32Array | Float64Array | Float32Array | Uint8Array | Uint16Array>(
  from: T,
  to: T,
  n: number,
): T {
  to.set(from.subarray(0, n));
  return to;
}
