/**
 * The embedded index's query: the best k candidates, exactly as the evidence model ranks them,
 * reading as few postings and scoring as few candidates as it can.
 *
 * 1. **Search the terms that matter (MaxScore).** A query's terms (terms.ts) are walked best gain
 *    first. Per candidate found, each term leaves an upper bound of its contribution (the
 *    strongest piece's reliability, the number of pieces, the best P(meets)) and, for a required
 *    requirement's direct term, whether it can be met. Whenever k candidates are found and the
 *    next walk would double what was read, the best found so far are scored exactly: the k-th
 *    exact result is the bar. Once the gains of the terms left cannot lift a candidate that is
 *    in none of the terms read to the bar, those terms are not searched for new candidates.
 * 2. **Keep who could still make it.** A candidate found whose bound, plus every unsearched
 *    term's gain, falls short of the bar is dropped. The others' bounds are completed from the
 *    unsearched terms one at a time, dropping again after each as the gains left shrink; a long
 *    list is sought into for them (lists are in ordinal order).
 * 3. **Score best bound first** until no bound left can beat the k-th exact result.
 *
 * The exhaustive walk reads every term for every candidate and scores all of them: the yardstick
 * the pruned walk must equal (tests, bench:query).
 */
import type { ScoringConfig } from "../../scoring/config.ts";
import {
  contribution,
  exclusionOf,
  meetsProbability,
  satisfiesHardFilter,
  totalWeight,
} from "../../scoring/factors.ts";
import { compareRanked, type Rankable } from "../../scoring/ranking-order.ts";
import type { RetrievalQuery, Retrieved } from "../backend.ts";
import type { ExactQuery } from "./exact.ts";
import { FLAG_VERIFIED, LEVEL_MASK, SOURCE_KINDS } from "./forward.ts";
import { KeyedMinHeap, SmallestK, TopK } from "./heap.ts";
import { MeetsTables } from "./meets-tables.ts";
import { LEVEL_OTHER, levelOfCode, type PostingList, SELF_CODE } from "./postings.ts";
import { Scratch } from "./scratch.ts";
import { type Term, type TermList, termsOf } from "./terms.ts";

/** An exact result on its way into the top k. */
export interface Scored extends Rankable {
  matched: string[];
}

/** A posting list counting for an asked concept; `hardRelation`: it can pass recruiter search's filter. */
export interface WalkList extends TermList {
  hardRelation: boolean;
}

/** What of the index the walk reads. */
export interface WalkView {
  ordinals(): number;
  /** live ordinals (of the organisation, when given): 1 = may be found */
  alive(org: string | undefined): Uint8Array;
  neighbourhood(conceptId: string): readonly WalkList[];
  exactQuery(q: RetrievalQuery): ExactQuery;
  scoreExactly(ordinal: number, q: ExactQuery): Scored;
}

/**
 * "pruned" stops once no remaining bound can beat the k-th exact score; "exhaustive" scores every
 * candidate with evidence exactly — the yardstick the pruned walk must equal (benchmarks, tests).
 */
export type WalkMode = "pruned" | "exhaustive";

/** What the last query's walk did: terms searched for candidates of all, candidates found, kept and scored. */
export interface WalkStats {
  terms: number;
  searched: number;
  found: number;
  kept: number;
  scored: number;
}

/** Floating-point slack between a bound and the exact sum it bounds. */
const SLACK = 1e-9;
/** A list this many times longer than the candidates kept is sought into, not read through. */
const SEEK_RATIO = 8;
/** A ranked result as one number, lower first (terms.ts): fewest unmet, then highest score. */
const keyOf = (r: Rankable): number => r.unmetRequired - r.score / 2;

export class Walk {
  readonly stats: WalkStats = { terms: 0, searched: 0, found: 0, kept: 0, scored: 0 };
  private readonly s = new Scratch();
  /** The k best found not scored yet (scoreBestFound). */
  private readonly bestFound = new SmallestK();
  private readonly meetsTables: MeetsTables;
  /** The level each code stands for when estimating a level (unstated → assumed). */
  private readonly levelByCode = new Float64Array(2 * SELF_CODE);

  constructor(
    private readonly view: WalkView,
    private readonly config: ScoringConfig,
  ) {
    this.meetsTables = new MeetsTables(config);
    for (let c = 0; c < 2 * SELF_CODE; c++)
      this.levelByCode[c] = levelOfCode(c % SELF_CODE) ?? config.level.assumedLevel;
  }

  /**
   * The best k, and how many candidates have evidence for the query (and pass its hard filters) —
   * exactly while fewer than `pool`, else at least `pool`.
   */
  top(q: RetrievalQuery, k: number, mode: WalkMode, pool: number): { hits: Retrieved[]; eligible: number } {
    if (k <= 0 || q.requirements.length === 0) return { hits: [], eligible: 0 };
    const prune = mode === "pruned";
    const s = this.s;
    const terms = termsOf(q.requirements, (c) => this.view.neighbourhood(c), q.nowMs, this.config);
    s.ensure(this.view.ordinals(), terms.length + 2);
    const query = s.nextEpoch();
    s.nTouched = 0;
    s.nEarly = 0;
    const required = q.requirements.filter((r) => r.required).length;
    const hardCount = q.hardRequired ? required : -1;
    const heap = new TopK<Scored>(k, compareRanked);
    const exactQuery = this.view.exactQuery(q);
    let { searched, rest } = prune
      ? this.search(terms, q, k, query, heap, exactQuery)
      : this.searchAll(terms, q, query);

    let eligible = this.eligibleAmong(hardCount);
    // in recruiter search whoever passes every hard filter was found in the required terms
    if (searched < terms.length && eligible < pool && hardCount <= 0)
      eligible += this.countUnfound(terms.slice(searched), q, query);
    const worst = heap.worstWhenFull;
    let kept = this.keep(s.nTouched, worst, rest, query);
    this.inOrdinalOrder(kept, query);
    for (let t = searched; t < terms.length; t++) {
      this.boundTerm(terms[t]!, q, query, required, kept);
      rest -= terms[t]!.gain;
      kept = this.keep(kept, worst, rest, query);
    }

    const best = this.bestBoundFirst(kept, hardCount, query);
    let scored = 0;
    for (let ord = best.pop(); ord !== -1; ord = best.pop()) {
      const worst = heap.worstWhenFull;
      if (prune && worst && !this.couldBeat(ord, worst)) break;
      heap.offer(this.view.scoreExactly(ord, exactQuery));
      scored++;
    }
    Object.assign(this.stats, {
      terms: terms.length,
      searched,
      found: s.nTouched,
      kept,
      scored: scored + s.nEarly,
    });
    const hits = heap.sorted().map((r) => ({
      candidateId: r.candidateId,
      score: r.score,
      matched: r.matched,
      exact: { unmetRequired: r.unmetRequired, levelSurplus: r.levelSurplus },
    }));
    return { hits, eligible };
  }

  /**
   * Step 1: walks terms best gain first until the gains left cannot lift a new candidate to the
   * bar; returns how many were searched and the sum of the gains left.
   */
  private search(
    terms: readonly Term[],
    q: RetrievalQuery,
    k: number,
    query: number,
    heap: TopK<Scored>,
    exactQuery: ExactQuery,
  ): { searched: number; rest: number } {
    const s = this.s;
    const required = q.requirements.filter((r) => r.required).length;
    // recruiter search counts who passes every hard filter: the required direct terms come first
    const mustSearch = q.hardRequired ? terms.filter((t) => t.gain >= 1).length : 0;
    let rest = terms.reduce((sum, t) => sum + t.gain, 0);
    let read = 0;
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      // a better bar before a walk that would double what was read, or once past the required
      // requirements' direct terms: a handful of refreshes per query at most
      const pastRequired = t > 0 && term.gain < 1 && terms[t - 1]!.gain >= 1;
      if (s.nTouched >= k && (!heap.worstWhenFull || term.postings >= read || pastRequired))
        this.scoreBestFound(k, query, exactQuery, heap);
      const worst = heap.worstWhenFull;
      if (t >= mustSearch && worst && rest + SLACK < required - keyOf(worst)) return { searched: t, rest };
      this.boundTerm(term, q, query, required, -1);
      read += term.postings;
      rest -= term.gain;
    }
    return { searched: terms.length, rest };
  }

  /** The exhaustive walk's step 1: every term, for every candidate. */
  private searchAll(
    terms: readonly Term[],
    q: RetrievalQuery,
    query: number,
  ): { searched: number; rest: number } {
    const required = q.requirements.filter((r) => r.required).length;
    for (const term of terms) this.boundTerm(term, q, query, required, -1);
    return { searched: terms.length, rest: 0 };
  }

  /** Marks a candidate found by the query, with nothing bounded yet. */
  private touch(ord: number, query: number, required: number): void {
    const s = this.s;
    s.queryStamp[ord] = query;
    s.bound[ord] = 0;
    s.minUnmet[ord] = required;
    s.hardCount[ord] = 0;
    s.touched[s.nTouched++] = ord;
  }

  /** Whether posting i of `list` passes the query's filters (verified only, practised since). */
  private passes(list: PostingList, i: number, q: RetrievalQuery): boolean {
    const { flags } = list.store;
    const f = list.fwd[i]!;
    const verified = (flags[f]! & FLAG_VERIFIED) !== 0;
    return exclusionOf(false, null, verified, list.store.dateOf(f), q.nowMs, q.filters) === null;
  }

  /**
   * Adds one term to its holders' bounds. `kept` < 0: every holder, found anew if need be;
   * otherwise only the first `kept` found (in ordinal order), sought in lists much longer.
   *
   * A term's bound is the bound pass of the model's estimate over the term's pieces alone; a
   * requirement's direct and neighbour terms are added both, which bounds whichever of them speaks.
   * Per posting it reads the ordinal, the weight folded for "now" (trust × recency, or DEAD) and
   * the level code; over several lists the strongest reliability, the number of pieces and the
   * best P(meets) of each holder are kept in scratch arrays, over one list in locals
   * (boundOneList).
   */
  private boundTerm(term: Term, q: RetrievalQuery, query: number, required: number, kept: number): void {
    const s = this.s;
    const t = this.term;
    t.epoch = s.nextEpoch();
    s.nReq = 0;
    const req = q.requirements[term.requirement]!;
    t.minLevel = req.minLevel;
    t.meetsByCode = this.meetsTables.of(req.minLevel);
    t.levels = term.direct && req.required;
    t.hard = q.hardRequired && req.required;
    t.direct = term.direct;
    t.weight = req.weight;
    t.weightSum = totalWeight(q.requirements);
    const filtered = q.filters.verifiedOnly || q.filters.practicedSinceMs !== null;
    const alive = this.view.alive(q.filters.org);
    if (term.lists.length === 1) {
      this.boundOneList(term.lists[0] as WalkList, q, query, required, kept);
      return;
    }
    for (const tl of term.lists as readonly WalkList[]) {
      const { list } = tl;
      const { n, cand } = list;
      const weight = list.weightAt(q.nowMs, this.config);
      t.list = tl;
      if (kept >= 0 && kept * SEEK_RATIO < n) {
        let i = 0;
        for (let j = 0; j < kept && i < n; j++) {
          const ord = s.touched[j]!;
          i = list.seek(i, ord);
          for (; i < n && cand[i] === ord; i++) {
            if (weight[i]! < 0 || alive[ord] === 0 || (filtered && !this.passes(list, i, q))) continue;
            this.fold(i, ord, weight[i]!);
          }
        }
        continue;
      }
      for (let i = 0; i < n; i++) {
        const ord = cand[i]!;
        const w = weight[i]!;
        if (w < 0 || alive[ord] === 0) continue;
        if (kept >= 0 ? s.kept[ord] !== query : false) continue;
        if (filtered && !this.passes(list, i, q)) continue;
        if (s.queryStamp[ord] !== query) this.touch(ord, query, required);
        this.fold(i, ord, w);
      }
    }
    const { maxReliability, maxMeets, pieces, maxLevel, hard } = s;
    for (let j = 0; j < s.nReq; j++) {
      const ord = s.reqTouched[j]!;
      this.settle(ord, maxReliability[ord]!, pieces[ord]!, maxMeets[ord]!, maxLevel[ord]!, hard[ord] === 1);
    }
  }

  /**
   * Adds one holder's bound for the term being walked (its strongest reliability, number of
   * pieces, best P(meets), highest level, whether one passes the hard filter) to the query's.
   */
  private settle(
    ord: number,
    reliability: number,
    pieces: number,
    meets: number,
    level: number,
    hard: boolean,
  ): void {
    const s = this.s;
    const t = this.term;
    const floor = this.config.directFloor;
    // x ** 1 is x exactly (IEEE pow), and a holder mostly has one piece: pow is the slow part here
    const confidence = 1 - (pieces === 1 ? 1 - reliability : (1 - reliability) ** pieces);
    const tier = confidence * meets;
    const ub = t.direct ? floor + (1 - floor) * tier : floor * tier;
    s.bound[ord] = s.bound[ord]! + contribution(t.weight, ub, t.weightSum);
    if (!t.levels) return;
    if (t.minLevel === null || level >= t.minLevel - 1e-9) s.minUnmet[ord] = s.minUnmet[ord]! - 1;
    if (hard) s.hardCount[ord] = s.hardCount[ord]! + 1;
  }

  /**
   * boundTerm for a term of one list (most are: a leaf's direct evidence): a holder's postings
   * are adjacent, so its bound is gathered in locals over its run and settled once, without the
   * per-posting scratch a term of several lists needs. The same arithmetic, so the same bounds.
   */
  private boundOneList(tl: WalkList, q: RetrievalQuery, query: number, required: number, kept: number): void {
    const s = this.s;
    const t = this.term;
    t.list = tl;
    const { list, relatedness } = tl;
    const { n, cand, code } = list;
    const weight = list.weightAt(q.nowMs, this.config);
    const filtered = q.filters.verifiedOnly || q.filters.practicedSinceMs !== null;
    const alive = this.view.alive(q.filters.org);
    const { meetsByCode, levels, minLevel } = t;
    const hardOn = t.hard && tl.hardRelation;
    const seeking = kept >= 0 && kept * SEEK_RATIO < n;
    let j = 0;
    let i = 0;
    while (i < n) {
      let ord: number;
      if (seeking) {
        if (j >= kept) break;
        ord = s.touched[j++]!;
        i = list.seek(i, ord);
        if (i >= n) break;
        if (cand[i] !== ord) continue;
      } else ord = cand[i]!;
      if (alive[ord] === 0 || (kept >= 0 && s.kept[ord] !== query)) {
        while (i < n && cand[i] === ord) i++;
        continue;
      }
      let pieces = 0;
      let reliability = 0;
      let meets = 0;
      let level = Number.NEGATIVE_INFINITY;
      let hard = false;
      for (; i < n && cand[i] === ord; i++) {
        const w = weight[i]!;
        if (w < 0 || (filtered && !this.passes(list, i, q))) continue;
        const c = code[i]!;
        const other = (c & LEVEL_MASK) === LEVEL_OTHER;
        const m = other ? this.meetsOther(list, i, minLevel) : meetsByCode[c]!;
        const r = relatedness * w;
        if (pieces === 0) {
          reliability = r;
          meets = m;
        } else {
          if (r > reliability) reliability = r;
          if (m > meets) meets = m;
        }
        pieces++;
        if (levels) {
          const lvl = other ? list.store.levelOf(list.fwd[i]!)! : this.levelByCode[c]!;
          if (lvl > level) level = lvl;
        }
        if (hardOn && !hard && this.meetsHardFilter(list, i, minLevel)) hard = true;
      }
      if (pieces === 0) continue;
      if (kept < 0 && s.queryStamp[ord] !== query) this.touch(ord, query, required);
      this.settle(ord, reliability, pieces, meets, level, hard);
    }
  }

  /** The term being bounded (boundTerm), as fold() reads it. */
  private readonly term = {
    epoch: 0,
    minLevel: null as number | null,
    meetsByCode: new Float64Array(0) as Float64Array,
    levels: false,
    hard: false,
    direct: false,
    weight: 0,
    weightSum: 0,
    list: undefined as unknown as WalkList,
  };

  /** Folds posting i (live, of weight w) of the term's list into its holder's bounds for the term. */
  private fold(i: number, ord: number, w: number): void {
    const s = this.s;
    const t = this.term;
    const { list, relatedness } = t.list;
    const c = list.code[i]!;
    const other = (c & LEVEL_MASK) === LEVEL_OTHER;
    const meets = other ? this.meetsOther(list, i, t.minLevel) : t.meetsByCode[c]!;
    const reliability = relatedness * w;
    if (s.reqStamp[ord] !== t.epoch) {
      s.reqStamp[ord] = t.epoch;
      s.maxReliability[ord] = reliability;
      s.maxMeets[ord] = meets;
      s.pieces[ord] = 1;
      s.hard[ord] = 0;
      s.maxLevel[ord] = Number.NEGATIVE_INFINITY;
      s.reqTouched[s.nReq++] = ord;
    } else {
      if (reliability > s.maxReliability[ord]!) s.maxReliability[ord] = reliability;
      if (meets > s.maxMeets[ord]!) s.maxMeets[ord] = meets;
      s.pieces[ord] = s.pieces[ord]! + 1;
    }
    if (t.levels) {
      const lvl = other ? list.store.levelOf(list.fwd[i]!)! : this.levelByCode[c]!;
      if (lvl > s.maxLevel[ord]!) s.maxLevel[ord] = lvl;
    }
    if (t.hard && t.list.hardRelation && this.meetsHardFilter(list, i, t.minLevel)) s.hard[ord] = 1;
  }

  /** P(meets) of a posting whose level has no code: the model's function on the level itself. */
  private meetsOther(list: PostingList, i: number, minLevel: number | null): number {
    const f = list.fwd[i]!;
    return meetsProbability(list.store.levelOf(f), minLevel, SOURCE_KINDS[list.store.kind[f]!]!, this.config);
  }

  /** Recruiter search's exact filter on the posting's level (its relation was checked by the caller). */
  private meetsHardFilter(list: PostingList, i: number, minLevel: number | null): boolean {
    const lvl = list.store.levelOf(list.fwd[i]!);
    return satisfiesHardFilter("same", lvl, minLevel, this.config);
  }

  /**
   * Scores exactly the k best found so far (by their bounds over the terms read) not scored yet:
   * a bar to prune against. In recruiter search only those passing every hard filter enter; the
   * others are stamped −query so they are not tried again.
   */
  private scoreBestFound(k: number, query: number, q: ExactQuery, heap: TopK<Scored>): void {
    const s = this.s;
    const best = this.bestFound;
    best.reset(k);
    for (let i = 0; i < s.nTouched; i++) {
      const ord = s.touched[i]!;
      if (s.scored[ord] === query || s.scored[ord] === -query) continue;
      best.offer(ord, s.minUnmet[ord]! - s.bound[ord]! / 2);
    }
    for (const ord of best.ascending()) {
      const scored = this.view.scoreExactly(ord, q);
      if (q.hardRequired && scored.unmetRequired > 0) {
        s.scored[ord] = -query;
        continue;
      }
      s.scored[ord] = query;
      heap.offer(scored);
      s.nEarly++;
    }
  }

  /**
   * Of the first n in `touched`, keeps (in order, at the front, stamped) those that could still
   * beat `worst` with the gains of the terms not read for them yet (`rest`) on top of their
   * bounds; returns how many. Step 2 runs it again after each unsearched term is read.
   */
  private keep(n: number, worst: Scored | undefined, rest: number, query: number): number {
    const s = this.s;
    const bar = worst ? keyOf(worst) + SLACK : Number.POSITIVE_INFINITY;
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const ord = s.touched[i]!;
      if (s.minUnmet[ord]! - s.bound[ord]! / 2 - rest > bar) {
        s.kept[ord] = 0;
        continue;
      }
      s.touched[kept++] = ord;
      s.kept[ord] = query;
    }
    return kept;
  }

  /**
   * Puts the first n of `touched` (the kept, stamped) in ordinal order, for seeking into long
   * lists: sorted when few, else collected by one pass over the stamps (cheaper than sorting tens
   * of thousands).
   */
  private inOrdinalOrder(n: number, query: number): void {
    const s = this.s;
    const ordinals = this.view.ordinals();
    if (n * 16 < ordinals) {
      s.touched.subarray(0, n).sort();
      return;
    }
    let j = 0;
    for (let ord = 0; ord < ordinals; ord++) if (s.kept[ord] === query) s.touched[j++] = ord;
  }

  /** Candidates found, passing the hard filters in recruiter search (hardCount ≥ 0). */
  private eligibleAmong(hardCount: number): number {
    const s = this.s;
    if (hardCount < 0) return s.nTouched;
    let n = 0;
    for (let i = 0; i < s.nTouched; i++) if (s.hardCount[s.touched[i]!] === hardCount) n++;
    return n;
  }

  /** Candidates with live evidence in the terms left unsearched that were not found elsewhere. */
  private countUnfound(terms: readonly Term[], q: RetrievalQuery, query: number): number {
    const s = this.s;
    const epoch = s.nextEpoch();
    let n = 0;
    const alive = this.view.alive(q.filters.org);
    for (const term of terms)
      for (const { list } of term.lists) {
        const weight = list.weightAt(q.nowMs, this.config);
        const filtered = q.filters.verifiedOnly || q.filters.practicedSinceMs !== null;
        for (let i = 0; i < list.n; i++) {
          const ord = list.cand[i]!;
          if (s.queryStamp[ord] === query || s.reqStamp[ord] === epoch) continue;
          if (weight[i]! < 0 || alive[ord] === 0 || (filtered && !this.passes(list, i, q))) continue;
          s.reqStamp[ord] = epoch;
          n++;
        }
      }
    return n;
  }

  /**
   * The kept candidates not scored yet, fewest required requirements unmet first, then highest
   * bound (the key of terms.ts). In recruiter search only candidates passing every hard filter.
   */
  private bestBoundFirst(kept: number, hardCount: number, query: number): KeyedMinHeap {
    const s = this.s;
    const ords = new Int32Array(kept);
    let n = 0;
    for (let i = 0; i < kept; i++) {
      const ord = s.touched[i]!;
      if (s.scored[ord] === query) continue;
      if (hardCount >= 0 && s.hardCount[ord] !== hardCount) continue;
      s.order[ord] = s.minUnmet[ord]! - s.bound[ord]! / 2;
      ords[n++] = ord;
    }
    return new KeyedMinHeap(ords, s.order, n);
  }

  /** Whether a candidate not yet scored could still rank before the worst of a full top k. */
  private couldBeat(ord: number, worst: Scored): boolean {
    const s = this.s;
    const minUnmet = s.minUnmet[ord]!;
    if (minUnmet !== worst.unmetRequired) return minUnmet < worst.unmetRequired;
    return s.bound[ord]! + SLACK >= worst.score;
  }
}
