/**
 * Per-query working arrays indexed by candidate ordinal, reused across queries. Epoch stamps mark
 * which entries belong to the current query or term, so nothing is cleared between them.
 */
export class Scratch {
  private epoch = 0;
  queryStamp = new Int32Array(0);
  reqStamp = new Int32Array(0);
  /** Per query: an upper bound of the score, required requirements that cannot be met yet. */
  bound = new Float64Array(0);
  minUnmet = new Int32Array(0);
  hardCount = new Int32Array(0);
  /** The order candidates are scored in (Walk.bestBoundFirst). */
  order = new Float64Array(0);
  /** Per query: stamped when scored before the bounds were complete, and when kept. */
  scored = new Int32Array(0);
  kept = new Int32Array(0);
  /** The ordinals found by the query, and by the term being walked (the first nTouched, nReq). */
  touched = new Int32Array(0);
  nTouched = 0;
  reqTouched = new Int32Array(0);
  nReq = 0;
  /** How many were scored before the bounds were complete (Walk.scoreBestFound). */
  nEarly = 0;
  /** Per term walked: what bounds its pieces of one candidate. */
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
      this.kept.fill(0);
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
    this.scored = new Int32Array(capacity);
    this.kept = new Int32Array(capacity);
    this.touched = new Int32Array(capacity);
    this.reqTouched = new Int32Array(capacity);
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
