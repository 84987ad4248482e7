/**
 * Who meets a requirement, over the whole population, from the embedded index's postings: the
 * requirement-cost analysis (src/analysis) intersects these sets instead of scoring everyone.
 *
 * "Met" is the evidence model's: some live direct evidence (the skill itself or a narrower form),
 * and, given a minimum, the estimated level — the reliability-weighted mean over the pieces that
 * speak, one per voice — at least the minimum. The postings decide most holders without the model:
 * pieces whose reliability is positive all on one side of the minimum, or each in a voice of its
 * own (so every piece speaks and the mean is taken here). A holder whose pieces share a voice, or
 * whose mean lies within rounding of the minimum, is weighed by the index's ExactScorer — the
 * model's own arithmetic — so every set is exactly the model's.
 */
import { Bitset } from "../../analysis/bitset.ts";
import type { PopulationQuery } from "../../analysis/population.ts";
import type { Requirement } from "../../domain/schemas.ts";
import type { ScoringConfig } from "../../scoring/config.ts";
import { exclusionOf, recency } from "../../scoring/factors.ts";
import { columnsOf } from "./columns.ts";
import { FLAG_VERIFIED } from "./forward.ts";
import type { PostingList } from "./postings.ts";

/** What of the index the walk reads. */
export interface PopulationView {
  /** Ordinals handed out so far (live or not): the size of every set. */
  ordinals(): number;
  /** live ordinals (of the organisation, when given): 1 = counts */
  alive(org: string | undefined): Uint8Array;
  /** The posting lists of the requirement's skill itself and its narrower forms, with relatedness. */
  directLists(conceptId: string): readonly { list: PostingList; relatedness: number }[];
  trustByKind: Float64Array;
  config: ScoringConfig;
  /** The model's verdict for one holder (the index's exact scorer). */
  metByModel(ordinal: number, req: Requirement, q: PopulationQuery): boolean;
}

/**
 * Decided by the postings when the level is clear of the minimum by more than the rounding of a
 * weighted mean summed in another order; nearer than this the model decides.
 */
const ROUNDING = 1e-12;
/** The model's own tolerance: met when the level ≥ minimum − 1e-9. */
const MODEL_SLACK = 1e-9;

/** Per ordinal, stamped per requirement: how its pieces speak, and the head of its chain of pieces. */
const HolderColumns = columnsOf([
  { int32: ["stamp", "speaking", "head"], uint8: ["silent", "shared"], float64: ["lowest", "highest"] },
]);
/** Per piece, chained per holder from `head` through `next`. */
const PieceColumns = columnsOf([{ float64: ["weight", "level"], int32: ["voice", "next"] }]);

export class MetSets extends HolderColumns {
  private epoch = 0;
  private perPiece = new PieceColumns();

  constructor(private readonly view: PopulationView) {
    super();
  }

  /** For each minimum (null: any level), who meets `req` at it. */
  metSets(req: Requirement, minimums: readonly (number | null)[], q: PopulationQuery): Bitset[] {
    const size = this.view.ordinals();
    const holders = this.walk(req, q, size);
    return minimums.map((minLevel) => {
      const set = new Bitset(size);
      const variant: Requirement = { ...req, minLevel, required: true };
      for (const ord of holders) if (this.meets(ord, variant, q)) set.add(ord);
      return set;
    });
  }

  private meets(ord: number, req: Requirement, q: PopulationQuery): boolean {
    if (req.minLevel === null) return true; // any live direct evidence meets "any level"
    if (this.speaking[ord] === 0) return false; // no reliability: the model has no level
    const bar = req.minLevel - MODEL_SLACK;
    if (this.highest[ord]! < bar - ROUNDING) return false;
    // a piece without reliability may win its voice and silence the others: only the model knows
    const everySpeakerAbove = this.silent[ord] === 0 || this.shared[ord] === 0;
    if (this.lowest[ord]! >= bar + ROUNDING && everySpeakerAbove) return true;
    if (this.shared[ord] === 0) {
      const mean = this.mean(ord);
      if (mean >= bar + ROUNDING) return true;
      if (mean < bar - ROUNDING) return false;
    }
    return this.view.metByModel(ord, req, q);
  }

  /** The estimated level when every piece speaks for a voice of its own. */
  private mean(ord: number): number {
    let weighted = 0;
    let total = 0;
    const { weight, level, next } = this.perPiece;
    for (let j = this.head[ord]!; j !== -1; j = next[j]!) {
      weighted += weight[j]! * level[j]!;
      total += weight[j]!;
    }
    return weighted / total;
  }

  /**
   * Every holder of live direct evidence for `req`; per holder, over its pieces: how many carry
   * reliability (and their lowest and highest level, chained from `head`), whether any carries
   * none, whether two share a voice.
   */
  private walk(req: Requirement, q: PopulationQuery, size: number): number[] {
    const { config, trustByKind } = this.view;
    const alive = this.view.alive(q.filters.org);
    const lists = this.view.directLists(req.conceptId);
    this.fit(
      size,
      lists.reduce((n, nb) => n + nb.list.n, 0),
    );
    if (this.epoch === 0x7fffffff) {
      this.stamp.fill(0);
      this.epoch = 0;
    }
    const epoch = ++this.epoch;
    const { stamp, speaking, silent, shared, lowest, highest, head } = this;
    const { weight, level, voice, next } = this.perPiece;
    const { nowMs, filters } = q;
    const filtered = filters.verifiedOnly || filters.practicedSinceMs !== null;
    const assumed = config.level.assumedLevel;
    const holders: number[] = [];
    let pieces = 0;
    for (const nb of lists) {
      const { n, cand, fwd } = nb.list;
      const { store } = nb.list;
      const { kind, flags, voice: voices } = store;
      const dead = nb.list.weightAt(nowMs, config);
      for (let i = 0; i < n; i++) {
        const ord = cand[i]!;
        const f = fwd[i]!;
        if (alive[ord] === 0 || dead[i]! < 0) continue;
        const dateMs = store.dateOf(f);
        if (filtered && exclusionOf(false, null, (flags[f]! & FLAG_VERIFIED) !== 0, dateMs, nowMs, filters))
          continue;
        if (stamp[ord] !== epoch) {
          stamp[ord] = epoch;
          speaking[ord] = 0;
          silent[ord] = 0;
          shared[ord] = 0;
          head[ord] = -1;
          lowest[ord] = Number.POSITIVE_INFINITY;
          highest[ord] = Number.NEGATIVE_INFINITY;
          holders.push(ord);
        }
        const v = voices[f]!;
        for (let j = head[ord]!; j !== -1 && shared[ord] === 0; j = next[j]!)
          if (voice[j] === v) shared[ord] = 1;
        // the model's own product (the list's folded weight is rounded, for bounds only)
        const reliability = nb.relatedness * trustByKind[kind[f]!]! * recency(dateMs, nowMs, config);
        const lvl = store.levelOf(f) ?? assumed;
        weight[pieces] = reliability;
        level[pieces] = lvl;
        voice[pieces] = v;
        next[pieces] = head[ord]!;
        head[ord] = pieces++;
        if (reliability <= 0) {
          silent[ord] = 1;
          continue;
        }
        speaking[ord] = speaking[ord]! + 1;
        if (lvl < lowest[ord]!) lowest[ord] = lvl;
        if (lvl > highest[ord]!) highest[ord] = lvl;
      }
    }
    return holders;
  }

  private fit(ordinals: number, pieces: number): void {
    if (this.stamp.length < ordinals) {
      this.resize(Math.max(ordinals, this.stamp.length * 2, 1024));
      this.epoch = 0;
    }
    if (this.perPiece.weight.length < pieces)
      this.perPiece.resize(Math.max(pieces, this.perPiece.weight.length * 2, 1024));
  }
}
