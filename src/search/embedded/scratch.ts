/**
 * Per-query working arrays indexed by candidate ordinal, reused across queries. Epoch stamps mark
 * which entries belong to the current query or requirement, so nothing is cleared between them.
 */
export class Scratch {
  private epoch = 0;
  queryStamp = new Int32Array(0);
  reqStamp = new Int32Array(0);
  /** Per query: an upper bound of the score, required requirements that cannot be met yet. */
  bound = new Float64Array(0);
  minUnmet = new Int32Array(0);
  hardCount = new Int32Array(0);
  /** The order candidates are scored in (see EmbeddedIndex.bestBoundFirst). */
  order = new Float64Array(0);
  /** Per query: the gains of the terms a candidate was found in; stamped when scored early. */
  found = new Float64Array(0);
  scored = new Int32Array(0);
  /** The ordinals touched by the query, and by the requirement being walked (first `n` of each). */
  touched = new Int32Array(0);
  nTouched = 0;
  /** Scored before the bounds were complete (EmbeddedIndex.scoreFirstFound). */
  nEarly = 0;
  reqTouched = new Int32Array(0);
  /** Per requirement, over the evidence tier that speaks (direct, else neighbours). */
  direct = new Uint8Array(0);
  hard = new Uint8Array(0);
  maxReliability = new Float64Array(0);
  maxMeets = new Float64Array(0);
  pieces = new Int32Array(0);
  maxLevel = new Float64Array(0);

  /** Sizes the arrays for `size` ordinals and makes room for `epochs` more stamps. */
  ensure(size: number, epochs: number): void {
    if (this.epoch > 0x7fffffff - epochs) {
      this.queryStamp.fill(0);
      this.reqStamp.fill(0);
      this.scored.fill(0);
      this.epoch = 0;
    }
    if (this.bound.length >= size) return;
    const capacity = Math.max(size, this.bound.length * 2, 1024);
    this.queryStamp = new Int32Array(capacity);
    this.reqStamp = new Int32Array(capacity);
    this.bound = new Float64Array(capacity);
    this.minUnmet = new Int32Array(capacity);
    this.hardCount = new Int32Array(capacity);
    this.order = new Float64Array(capacity);
    this.found = new Float64Array(capacity);
    this.scored = new Int32Array(capacity);
    this.touched = new Int32Array(capacity);
    this.reqTouched = new Int32Array(capacity);
    this.direct = new Uint8Array(capacity);
    this.hard = new Uint8Array(capacity);
    this.maxReliability = new Float64Array(capacity);
    this.maxMeets = new Float64Array(capacity);
    this.pieces = new Int32Array(capacity);
    this.maxLevel = new Float64Array(capacity);
    this.epoch = 0;
  }

  nextEpoch(): number {
    return ++this.epoch;
  }
}
