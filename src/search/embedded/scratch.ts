/**
 * Per-query working arrays indexed by candidate ordinal, reused across queries. Epoch stamps mark
 * which entries belong to the current query or requirement, so nothing is cleared between them.
 */
export class Scratch {
  private epoch = 0;
  queryStamp = new Int32Array(0);
  reqStamp = new Int32Array(0);
  score = new Float64Array(0);
  surplus = new Float64Array(0);
  requiredOk = new Int32Array(0);
  best = new Float64Array(0);
  bestSurplus = new Float64Array(0);
  hard = new Uint8Array(0);
  /** Per requirement, by level code: levelFit, levelSurplus and the hard filter's level test. */
  readonly fitByCode = new Float64Array(256);
  readonly surplusByCode = new Float64Array(256);
  readonly hardByCode = new Uint8Array(256);
  /** For the kept top k: the query stamp and the candidate's place in the result. */
  topStamp = new Int32Array(0);
  topSlot = new Int32Array(0);

  /** Sizes the arrays for `size` ordinals and makes room for `epochs` more stamps. */
  ensure(size: number, epochs: number): void {
    if (this.epoch > 0x7fffffff - epochs) {
      this.queryStamp.fill(0);
      this.reqStamp.fill(0);
      this.topStamp.fill(0);
      this.epoch = 0;
    }
    if (this.score.length >= size) return;
    const capacity = Math.max(size, this.score.length * 2, 1024);
    this.queryStamp = new Int32Array(capacity);
    this.reqStamp = new Int32Array(capacity);
    this.score = new Float64Array(capacity);
    this.surplus = new Float64Array(capacity);
    this.requiredOk = new Int32Array(capacity);
    this.best = new Float64Array(capacity);
    this.bestSurplus = new Float64Array(capacity);
    this.hard = new Uint8Array(capacity);
    this.topStamp = new Int32Array(capacity);
    this.topSlot = new Int32Array(capacity);
    this.epoch = 0;
  }

  nextEpoch(): number {
    return ++this.epoch;
  }
}
