import { columnsOf } from "./columns.ts";

const OrdinalColumns = columnsOf([
  /**
   * Per query: queryStamp; an upper bound of the score (bound), the required requirements that
   * cannot be met yet (minUnmet), hardCount; the order candidates are scored in
   * (Walk.bestBoundFirst); stamped when scored before the bounds were complete, and when kept; the
   * ordinals the query found (the first nTouched of touched).
   */
  {
    int32: ["queryStamp", "minUnmet", "hardCount", "scored", "kept", "touched"],
    float64: ["bound", "order"],
  },
  /**
   * Per term walked: reqStamp, the ordinals it found (the first nReq of reqTouched) and what bounds
   * their pieces.
   */
  {
    int32: ["reqStamp", "reqTouched", "pieces"],
    float64: ["maxReliability", "maxMeets", "maxLevel"],
    uint8: ["hard"],
  },
]);

/**
 * Per-query working arrays indexed by candidate ordinal, reused across queries. Epoch stamps mark
 * which entries belong to the current query or term, so nothing is cleared between them.
 */
export class Scratch extends OrdinalColumns {
  private epoch = 0;
  nTouched = 0;
  nReq = 0;
  /** How many were scored before the bounds were complete (Walk.scoreBestFound). */
  nEarly = 0;

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
    this.resize(Math.max(size, this.bound.length * 2, 1024));
    this.epoch = 0;
  }

  nextEpoch(): number {
    return ++this.epoch;
  }
}
