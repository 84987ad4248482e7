/**
 * The embedded backend (DESIGN.md "Search backends"): postings per concept in typed arrays, and
 * exact scoring with the one evidence model (src/scoring) of every candidate that could still
 * make the top k.
 *
 * A query runs in two passes. The first walks each requirement's neighbourhood postings and keeps,
 * per touched candidate, what bounds the model from above: the strongest piece's reliability and
 * P(meets), the number of pieces, the highest level, whether any of it is the skill itself. The
 * second scores candidates exactly, best bound first, and stops once no remaining bound can beat
 * the k-th exact result — so the top k are exactly the model's, computed by the model's code.
 *
 * It also answers the requirement-cost analysis (PopulationSets): who meets one requirement over
 * the whole population, from the same postings and voices (met-sets.ts).
 */
import type { Taxonomy } from "../../../taxonomy/model.ts";
import { Bitset } from "../../analysis/bitset.ts";
import type { PopulationQuery, PopulationSets } from "../../analysis/population.ts";
import type { IndexedAssertion, IndexedCandidate } from "../../domain/evidence.ts";
import type { Requirement } from "../../domain/schemas.ts";
import type { ScoringConfig } from "../../scoring/config.ts";
import {
  contribution,
  exclusionOf,
  isDirect,
  meetsProbability,
  relatedness,
  satisfiesHardFilter,
  totalWeight,
  trust,
} from "../../scoring/factors.ts";
import { compareRanked, type Rankable } from "../../scoring/ranking-order.ts";
import { neighbourhoodOf } from "../../scoring/relations.ts";
import type { BackendHealth, CandidateIndex, RetrievalQuery, Retrieved } from "../backend.ts";
import { type ExactQuery, type ExactScore, ExactScorer, type Held, type Relatedness } from "./exact.ts";
import { KeyedMinHeap, TopK } from "./heap.ts";
import { MetSets } from "./met-sets.ts";
import {
  FLAG_VERIFIED,
  LEVEL_CODES,
  LEVEL_OTHER,
  LEVEL_UNKNOWN,
  levelOfCode,
  orNull,
  PostingList,
  SOURCE_KINDS,
} from "./postings.ts";
import { Scratch } from "./scratch.ts";
import { type Term, termsOf } from "./terms.ts";

/** A concept whose evidence counts for an asked concept, with its postings. */
interface Neighbour extends Relatedness {
  conceptId: string;
  list: PostingList;
}

/** An exact result on its way into the top k. */
interface Scored extends Rankable {
  matched: string[];
}

/** Floating-point slack between a bound and the exact sum it bounds. */
const BOUND_SLACK = 1e-9;
const KEY_SLACK = 1e-9;
/** A ranked result as one number, lower first (terms.ts): fewest unmet, then highest score. */
const keyOf = (r: Rankable): number => r.unmetRequired - r.score / 2;
const SELF = SOURCE_KINDS.indexOf("self-asserted");

/**
 * "pruned" stops once no remaining bound can beat the k-th exact score; "exhaustive" scores every
 * candidate with evidence exactly — the yardstick the pruned walk must equal (benchmarks, tests).
 */
export type WalkMode = "pruned" | "exhaustive";

/** What the last query's walk did: terms searched for candidates of all, candidates found and scored. */
export interface WalkStats {
  terms: number;
  searched: number;
  found: number;
  scored: number;
}

export class EmbeddedIndex implements CandidateIndex, PopulationSets {
  readonly name = "embedded" as const;
  mode: WalkMode = "pruned";
  readonly lastWalk: WalkStats = { terms: 0, searched: 0, found: 0, scored: 0 };
  private readonly postings = new Map<string, PostingList>();
  private readonly neighbours = new Map<string, Neighbour[]>();
  private readonly ordinals = new Map<string, number>();
  /**
   * ordinal → candidate id. Ordinals are not reused (an upsert of a known id takes a new one), so
   * stale postings stay recognisable until their list is compacted; rebuild() renumbers.
   */
  private readonly ids: string[] = [];
  private alive = new Uint8Array(1024);
  private readonly listsOf: (PostingList[] | undefined)[] = [];
  private readonly assertionsOf: (IndexedAssertion[] | undefined)[] = [];
  /** Every candidate's voices, end to end (see Held); a dropped candidate's stay until rebuild(). */
  private voices = new Int32Array(1024);
  private voicesEnd = 0;
  private voiceStart = new Int32Array(1024);
  /** The one Held the exact scorer is handed, pointed at each candidate in turn. */
  private readonly heldView: Held = { assertions: [], voices: this.voices, start: 0 };
  private readonly voiceIds = new Map<string, number>();
  private readonly related = new Map<string, ReadonlyMap<string, Relatedness>>();
  private readonly exact: ExactScorer;
  private readonly exactOut: ExactScore = { score: 0, unmetRequired: 0, levelSurplus: 0, basis: [] };
  private readonly trustByKind: Float64Array;
  private readonly scratch = new Scratch();
  /** P(meets) by level code, for self-asserted (row 1) and other sources (row 0). */
  private readonly meetsByCode = new Float64Array(512);
  private readonly met: MetSets;

  constructor(
    private readonly taxonomy: Taxonomy,
    private readonly config: ScoringConfig,
  ) {
    this.trustByKind = Float64Array.from(SOURCE_KINDS, (k) => trust(k, config));
    this.exact = new ExactScorer(config);
    this.met = new MetSets({
      ordinals: () => this.ids.length,
      alive: () => this.alive,
      directLists: (conceptId) => this.neighbourhood(conceptId).filter((nb) => nb.direct),
      trustByKind: this.trustByKind,
      config,
      metByModel: (ord, req, q) => this.metByModel(ord, req, q),
    });
  }

  async upsert(batch: IndexedCandidate[]): Promise<void> {
    for (const candidate of batch) this.add(candidate);
  }

  /** Starts afresh from the store's view: new ordinals, no tombstones. */
  async rebuild(candidates: Iterable<IndexedCandidate>): Promise<void> {
    this.reset();
    for (const candidate of candidates) this.add(candidate);
  }

  async remove(ids: string[]): Promise<void> {
    for (const id of ids) this.drop(id);
  }

  async retrieve(q: RetrievalQuery, k: number): Promise<Retrieved[]> {
    return this.retrieveSync(q, k);
  }

  async retrievePage(q: RetrievalQuery, k: number, pool: number) {
    const { hits, eligible } = this.top(q, k, this.mode, pool);
    return { hits, pooled: Math.min(pool, eligible) };
  }

  /** retrieve() without the promise, for callers (and benchmarks) that stay synchronous. */
  retrieveSync(q: RetrievalQuery, k: number, mode: WalkMode = this.mode): Retrieved[] {
    return this.top(q, k, mode, 0).hits;
  }

  /**
   * The best k, and how many candidates have evidence for the query (and pass its hard filters) —
   * exactly while fewer than `pool`, else at least `pool`.
   *
   * Pruned: terms are searched for candidates best gain first (terms.ts); once k candidates are
   * found, the k best found are scored exactly, and the terms whose gains together cannot lift
   * anyone to the k-th of those are only read for candidates already found (MaxScore). Then every
   * found candidate's bound is completed over all its requirements, and candidates are scored best
   * bound first until no bound can beat the k-th exact result.
   */
  private top(
    q: RetrievalQuery,
    k: number,
    mode: WalkMode,
    pool: number,
  ): { hits: Retrieved[]; eligible: number } {
    if (k <= 0 || q.requirements.length === 0) return { hits: [], eligible: 0 };
    const prune = mode === "pruned";
    const s = this.scratch;
    s.ensure(this.ids.length, q.requirements.length + 3);
    const query = s.nextEpoch();
    const required = q.requirements.filter((r) => r.required).length;
    const hardCount = q.hardRequired ? required : -1;
    const heap = new TopK<Scored>(k, compareRanked);
    const exactQuery: ExactQuery = { ...q, related: q.requirements.map((r) => this.relatedTo(r.conceptId)) };
    const terms = termsOf(q.requirements, (c) => this.neighbourhood(c), q.nowMs, this.config);
    let searched = terms.length;
    s.nTouched = 0;
    s.nEarly = 0;
    if (prune) {
      let rest = terms.reduce((sum, t) => sum + t.gain, 0);
      let read = 0;
      for (let t = 0; t < terms.length; t++) {
        const term = terms[t]!;
        // a better k-th result before a walk that would double what was read, or once past the
        // required requirements' direct terms: a handful of refreshes per query at most
        const pastRequired = t > 0 && term.gain < 1 && terms[t - 1]!.gain >= 1;
        if (s.nTouched >= k && (!heap.worstWhenFull || term.postings >= read || pastRequired))
          this.scoreBestFound(k, query, exactQuery, heap);
        const worst = heap.worstWhenFull;
        if (worst && rest + KEY_SLACK < required - keyOf(worst)) {
          searched = t;
          break;
        }
        this.find(term, q, query, required);
        read += term.postings;
        rest -= term.gain;
      }
    }
    this.boundAll(q, query, required, !prune);
    let eligible = this.eligibleAmong(hardCount);
    // in recruiter search, whoever passes every hard filter holds the first term's evidence
    if (searched < terms.length && eligible < pool && !(hardCount > 0))
      eligible += this.countUnfound(terms.slice(searched), q, query);
    const best = this.bestBoundFirst(hardCount, query);
    let scored = 0;
    for (let ord = best.pop(); ord !== -1; ord = best.pop()) {
      const worst = heap.worstWhenFull;
      if (prune && worst && !this.couldBeat(ord, worst)) break;
      heap.offer(this.scoreExactly(ord, exactQuery));
      scored++;
    }
    Object.assign(this.lastWalk, {
      terms: terms.length,
      searched,
      found: s.nTouched,
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

  /** Every live person, as ordinals (the analysis's population). */
  population(): Bitset {
    const out = new Bitset(this.ids.length);
    for (const ord of this.ordinals.values()) out.add(ord);
    return out;
  }

  idOf(ordinal: number): string | undefined {
    return this.alive[ordinal] === 1 ? this.ids[ordinal] : undefined;
  }

  ordinalOf(candidateId: string): number | undefined {
    return this.ordinals.get(candidateId);
  }

  /** Who meets `req` at each minimum, exactly as the model decides (met-sets.ts). */
  metSets(req: Requirement, minimums: readonly (number | null)[], q: PopulationQuery): Bitset[] {
    return this.met.metSets(req, minimums, q);
  }

  async health(): Promise<BackendHealth> {
    let postings = 0;
    let dead = 0;
    for (const list of this.postings.values()) {
      postings += list.n;
      dead += list.dead;
    }
    return {
      backend: "embedded",
      state: "ok",
      documents: this.ordinals.size,
      detail: `${postings} postings over ${this.postings.size} concepts, ${dead} awaiting compaction`,
    };
  }

  /** Bytes held by the posting arrays and the voices (capacity, not just length). */
  memoryBytes(): number {
    let bytes = this.alive.byteLength + this.voices.byteLength + this.voiceStart.byteLength;
    for (const list of this.postings.values()) bytes += list.bytes;
    return bytes;
  }

  async close(): Promise<void> {
    this.reset();
  }

  private reset(): void {
    this.postings.clear();
    this.neighbours.clear();
    this.related.clear();
    this.ordinals.clear();
    this.ids.length = 0;
    this.listsOf.length = 0;
    this.assertionsOf.length = 0;
    this.voicesEnd = 0;
    this.alive = new Uint8Array(1024);
  }

  private add(candidate: IndexedCandidate): void {
    this.drop(candidate.id);
    const ord = this.ids.length;
    this.ids.push(candidate.id);
    this.ordinals.set(candidate.id, ord);
    if (ord >= this.alive.length) {
      const bigger = new Uint8Array(this.alive.length * 2);
      bigger.set(this.alive);
      this.alive = bigger;
    }
    this.alive[ord] = 1;
    const lists: PostingList[] = [];
    const start = this.internVoices(ord, candidate.assertions);
    candidate.assertions.forEach((a, i) => {
      let list = this.postings.get(a.conceptId);
      if (!list) {
        list = new PostingList();
        this.postings.set(a.conceptId, list);
        this.neighbours.clear();
        this.related.clear();
      }
      list.push(ord, a, this.voices[start + i]!);
      lists.push(list);
    });
    this.listsOf[ord] = lists;
    this.assertionsOf[ord] = candidate.assertions;
  }

  /**
   * Appends each assertion's voice (one issuer of one kind, or "self", interned) to `voices` and
   * returns where the candidate's start.
   */
  private internVoices(ord: number, assertions: readonly IndexedAssertion[]): number {
    if (ord >= this.voiceStart.length) this.voiceStart = grown(this.voiceStart, ord + 1);
    if (this.voicesEnd + assertions.length > this.voices.length)
      this.voices = grown(this.voices, this.voicesEnd + assertions.length);
    const start = this.voicesEnd;
    this.voiceStart[ord] = start;
    assertions.forEach((a, i) => {
      // an unnamed issuer is a voice of its own; voices are only compared within one candidate, so
      // a negative number unique within the candidate will do, without interning a key per assertion
      if (a.sourceKind !== "self-asserted" && a.issuer === null) {
        this.voices[start + i] = -1 - i;
        return;
      }
      const key = a.sourceKind === "self-asserted" ? "self" : `${a.sourceKind}|${a.issuer}`;
      let voice = this.voiceIds.get(key);
      if (voice === undefined) {
        voice = this.voiceIds.size;
        this.voiceIds.set(key, voice);
      }
      this.voices[start + i] = voice;
    });
    this.voicesEnd = start + assertions.length;
    return start;
  }

  /** The exact scorer's view of a live candidate's held evidence. */
  private held(ord: number): Held {
    const view = this.heldView;
    // only live ordinals are scored, and every live ordinal holds its assertions
    view.assertions = this.assertionsOf[ord]!;
    view.voices = this.voices;
    view.start = this.voiceStart[ord]!;
    return view;
  }

  private drop(id: string): void {
    const ord = this.ordinals.get(id);
    if (ord === undefined) return;
    this.ordinals.delete(id);
    this.alive[ord] = 0;
    for (const list of this.listsOf[ord] ?? []) {
      list.dead++;
      if (list.dead * 2 > list.n) list.compact(this.alive);
    }
    this.listsOf[ord] = undefined;
    this.assertionsOf[ord] = undefined;
  }

  /** Marks a candidate found by the query, with nothing bounded yet. */
  private touch(ord: number, query: number, required: number): void {
    const s = this.scratch;
    s.queryStamp[ord] = query;
    s.bound[ord] = 0;
    s.minUnmet[ord] = required;
    s.hardCount[ord] = 0;
    s.found[ord] = 0;
    s.touched[s.nTouched++] = ord;
  }

  /** Whether posting i of `list` is live evidence under the query's filters. */
  private counts(list: PostingList, i: number, deadAtNow: Uint8Array, q: RetrievalQuery): boolean {
    if (this.alive[list.cand[i]!] === 0 || deadAtNow[i] === 1) return false;
    const { filters, nowMs } = q;
    if (!filters.verifiedOnly && filters.practicedSinceMs === null) return true;
    const verified = (list.flags[i]! & FLAG_VERIFIED) !== 0;
    return exclusionOf(false, null, verified, orNull(list.date[i]!), nowMs, filters) === null;
  }

  /**
   * Finds the candidates holding live evidence in one term. Each gains, towards the order in which
   * scoreBestFound picks them, what its best piece here would be worth on its own.
   */
  private find(term: Term, q: RetrievalQuery, query: number, required: number): void {
    const s = this.scratch;
    const epoch = s.nextEpoch();
    const req = q.requirements[term.requirement]!;
    const { minLevel } = req;
    const { config, trustByKind, meetsByCode } = this;
    this.fillMeetsTable(minLevel);
    const weightSum = totalWeight(q.requirements);
    const floor = config.directFloor;
    const meetGain = term.direct && req.required ? 1 : 0;
    const assumed = config.level.assumedLevel;
    for (const { list, relatedness } of term.lists) {
      const deadAtNow = list.excludedAt(q.nowMs, config);
      const rec = list.recencyAt(q.nowMs, config);
      const { n, cand, kind, code, level } = list;
      for (let i = 0; i < n; i++) {
        const ord = cand[i]!;
        if (!this.counts(list, i, deadAtNow, q)) continue;
        const k = kind[i]!;
        const c = code[i]!;
        const lvl = orNull(level[i]!);
        const meets =
          c === LEVEL_OTHER
            ? meetsProbability(lvl, minLevel, SOURCE_KINDS[k]!, config)
            : meetsByCode[(k === SELF ? 256 : 0) + c]!;
        const piece = relatedness * trustByKind[k]! * rec[i]! * meets;
        const estimate = term.direct ? floor + (1 - floor) * piece : floor * piece;
        const meetsMin = minLevel === null || (lvl ?? assumed) >= minLevel - 1e-9;
        const value = (meetsMin ? meetGain : 0) + contribution(req.weight, estimate, weightSum) / 2;
        if (s.queryStamp[ord] !== query) this.touch(ord, query, required);
        if (s.reqStamp[ord] !== epoch) {
          s.reqStamp[ord] = epoch;
          s.maxReliability[ord] = value; // the best piece in this term so far (reused scratch)
          s.found[ord] = s.found[ord]! + value;
        } else if (value > s.maxReliability[ord]!) {
          s.found[ord] = s.found[ord]! + value - s.maxReliability[ord]!;
          s.maxReliability[ord] = value;
        }
      }
    }
  }

  /**
   * Scores exactly the k best found so far (by what their best pieces are worth) not scored yet:
   * a k-th result to prune against. In recruiter search only those passing every hard filter
   * enter; the others are stamped −query so they are not tried again.
   */
  private scoreBestFound(k: number, query: number, q: ExactQuery, heap: TopK<Scored>): void {
    const s = this.scratch;
    const ords = s.touched.slice(0, s.nTouched);
    for (const ord of ords) s.order[ord] = -s.found[ord]!;
    const best = new KeyedMinHeap(ords, s.order, ords.length);
    for (let tried = 0; tried < k; ) {
      const ord = best.pop();
      if (ord === -1) return;
      if (s.scored[ord] === query || s.scored[ord] === -query) continue;
      tried++;
      const scored = this.scoreExactly(ord, q);
      if (q.hardRequired && scored.unmetRequired > 0) {
        s.scored[ord] = -query;
        continue;
      }
      s.scored[ord] = query;
      heap.offer(scored);
      s.nEarly++;
    }
  }

  /** Candidates found, passing the hard filters in recruiter search (hardCount ≥ 0). */
  private eligibleAmong(hardCount: number): number {
    const s = this.scratch;
    if (hardCount < 0) return s.nTouched;
    let n = 0;
    for (let i = 0; i < s.nTouched; i++) if (s.hardCount[s.touched[i]!] === hardCount) n++;
    return n;
  }

  /** Candidates with live evidence in the terms left unsearched that were not found elsewhere. */
  private countUnfound(terms: readonly Term[], q: RetrievalQuery, query: number): number {
    const s = this.scratch;
    const epoch = s.nextEpoch();
    let n = 0;
    for (const term of terms)
      for (const { list } of term.lists) {
        const deadAtNow = list.excludedAt(q.nowMs, this.config);
        for (let i = 0; i < list.n; i++) {
          const ord = list.cand[i]!;
          if (s.queryStamp[ord] === query || s.reqStamp[ord] === epoch) continue;
          if (!this.counts(list, i, deadAtNow, q)) continue;
          s.reqStamp[ord] = epoch;
          n++;
        }
      }
    return n;
  }

  /**
   * Every found candidate's score bound and fewest required requirements unmet, over all the
   * requirements; `findNew` also finds every candidate with evidence (the exhaustive walk).
   */
  private boundAll(q: RetrievalQuery, query: number, required: number, findNew: boolean): void {
    const s = this.scratch;
    const weightSum = totalWeight(q.requirements);
    const floor = this.config.directFloor;
    for (const req of q.requirements) {
      const n = this.boundRequirement(req, q, query, required, findNew);
      for (let j = 0; j < n; j++) {
        const ord = s.reqTouched[j]!;
        const direct = s.direct[ord] === 1;
        const confidence = 1 - (1 - s.maxReliability[ord]!) ** s.pieces[ord]!;
        const tier = confidence * s.maxMeets[ord]!;
        const ub = direct ? floor + (1 - floor) * tier : floor * tier;
        s.bound[ord] = s.bound[ord]! + contribution(req.weight, ub, weightSum);
        if (!req.required) continue;
        const canMeet = direct && (req.minLevel === null || s.maxLevel[ord]! >= req.minLevel - 1e-9);
        if (canMeet) s.minUnmet[ord] = s.minUnmet[ord]! - 1;
        if (s.hard[ord] === 1) s.hardCount[ord] = s.hardCount[ord]! + 1;
      }
    }
  }

  /**
   * Walks one requirement's neighbourhood for the candidates found (or, with `findNew`, for all);
   * leaves each one's tier bounds in scratch and them in `reqTouched`; returns how many.
   */
  private boundRequirement(
    req: Requirement,
    q: RetrievalQuery,
    query: number,
    required: number,
    findNew: boolean,
  ): number {
    const s = this.scratch;
    const epoch = s.nextEpoch();
    let reqTouched = 0;
    const { config, alive, trustByKind, meetsByCode } = this;
    const { nowMs, filters } = q;
    const { minLevel } = req;
    this.fillMeetsTable(minLevel);
    const filtered = filters.verifiedOnly || filters.practicedSinceMs !== null;
    const checkHard = q.hardRequired && req.required;
    const assumed = config.level.assumedLevel;
    for (const nb of this.neighbourhood(req.conceptId)) {
      const { n, cand, code, level, kind, date, flags } = nb.list;
      const rec = nb.list.recencyAt(nowMs, config);
      const deadAtNow = nb.list.excludedAt(nowMs, config);
      for (let i = 0; i < n; i++) {
        const ord = cand[i]!;
        if (s.queryStamp[ord] !== query && !findNew) continue;
        if (alive[ord] === 0 || deadAtNow[i] === 1) continue;
        if (
          filtered &&
          exclusionOf(false, null, (flags[i]! & FLAG_VERIFIED) !== 0, orNull(date[i]!), nowMs, filters)
        )
          continue;
        if (s.queryStamp[ord] !== query) this.touch(ord, query, required);
        const k = kind[i]!;
        const c = code[i]!;
        const lvl = orNull(level[i]!);
        const meets =
          c === LEVEL_OTHER
            ? meetsProbability(lvl, minLevel, SOURCE_KINDS[k]!, config)
            : meetsByCode[(k === SELF ? 256 : 0) + c]!;
        const reliability = nb.relatedness * trustByKind[k]! * rec[i]!;
        if (s.reqStamp[ord] !== epoch) {
          s.reqStamp[ord] = epoch;
          s.direct[ord] = 0;
          s.hard[ord] = 0;
          this.resetTier(ord);
          s.reqTouched[reqTouched++] = ord;
        }
        if (nb.direct && s.direct[ord] === 0) {
          s.direct[ord] = 1;
          this.resetTier(ord); // direct evidence silences the neighbours
        } else if (!nb.direct && s.direct[ord] === 1) continue;
        if (reliability > s.maxReliability[ord]!) s.maxReliability[ord] = reliability;
        if (meets > s.maxMeets[ord]!) s.maxMeets[ord] = meets;
        s.pieces[ord] = s.pieces[ord]! + 1;
        const asLevel = lvl ?? assumed;
        if (asLevel > s.maxLevel[ord]!) s.maxLevel[ord] = asLevel;
        if (checkHard && nb.hardRelation && satisfiesHardFilter("same", lvl, minLevel, config))
          s.hard[ord] = 1;
      }
    }
    return reqTouched;
  }

  private resetTier(ord: number): void {
    const s = this.scratch;
    s.maxReliability[ord] = 0;
    s.maxMeets[ord] = 0;
    s.pieces[ord] = 0;
    s.maxLevel[ord] = Number.NEGATIVE_INFINITY;
  }

  /** meetsProbability evaluated once per level code for this requirement's minimum. */
  private fillMeetsTable(minLevel: number | null): void {
    const fill = (c: number) => {
      const lvl = levelOfCode(c);
      this.meetsByCode[c] = meetsProbability(lvl, minLevel, "issued-credential", this.config);
      this.meetsByCode[256 + c] = meetsProbability(lvl, minLevel, "self-asserted", this.config);
    };
    for (let c = 0; c < LEVEL_CODES; c++) fill(c);
    fill(LEVEL_UNKNOWN);
  }

  /**
   * Touched candidates, fewest required requirements unmet first, then highest bound (a bound is
   * at most 1, so minUnmet − bound/2 orders both at once). In recruiter search (`hardCount` ≥ 0)
   * only candidates passing every hard filter take part.
   */
  private bestBoundFirst(hardCount: number, query: number): KeyedMinHeap {
    const s = this.scratch;
    const ords = new Int32Array(s.nTouched);
    let n = 0;
    for (let i = 0; i < s.nTouched; i++) {
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
    const s = this.scratch;
    const minUnmet = s.minUnmet[ord]!;
    if (minUnmet !== worst.unmetRequired) return minUnmet < worst.unmetRequired;
    return s.bound[ord]! + BOUND_SLACK >= worst.score;
  }

  /** Second pass: the evidence model itself, over the candidate's live assertions. */
  private scoreExactly(ord: number, q: ExactQuery): Scored {
    const out = this.exact.score(this.held(ord), q, this.exactOut);
    const matched: string[] = [];
    for (let r = 0; r < q.requirements.length; r++)
      if (out.basis[r] !== 0) matched.push(q.requirements[r]!.conceptId);
    return {
      candidateId: this.ids[ord]!,
      score: out.score,
      unmetRequired: out.unmetRequired,
      levelSurplus: out.levelSurplus,
      matched,
    };
  }

  /** The model's verdict on one requirement for one person: the exact scorer with it alone. */
  private metByModel(ord: number, req: Requirement, q: PopulationQuery): boolean {
    const query: ExactQuery = {
      requirements: [{ ...req, required: true }],
      related: [this.relatedTo(req.conceptId)],
      filters: q.filters,
      nowMs: q.nowMs,
      hardRequired: false,
    };
    return this.exact.score(this.held(ord), query, this.exactOut).unmetRequired === 0;
  }

  /** Held concept → how it counts for `asked`, cached like the neighbourhood. */
  private relatedTo(asked: string): ReadonlyMap<string, Relatedness> {
    let map = this.related.get(asked);
    if (!map) {
      map = new Map(this.neighbourhood(asked).map((nb) => [nb.conceptId, nb]));
      this.related.set(asked, map);
    }
    return map;
  }

  /**
   * The posting lists whose evidence counts for `asked` (relatedness > 0), cached per asked
   * concept until a concept gains its first posting list.
   */
  private neighbourhood(asked: string): Neighbour[] {
    const cached = this.neighbours.get(asked);
    if (cached) return cached;
    const out: Neighbour[] = [];
    for (const [held, rel] of neighbourhoodOf(this.taxonomy, asked)) {
      const rho = relatedness(rel.relation, rel.strength, this.config);
      const list = this.postings.get(held);
      if (rho > 0 && list)
        out.push({
          conceptId: held,
          list,
          relatedness: rho,
          direct: isDirect(rel.relation),
          hardRelation: satisfiesHardFilter(rel.relation, null, null, this.config),
        });
    }
    this.neighbours.set(asked, out);
    return out;
  }
}

/** A copy of `from` with room for at least `size` entries (doubling). */
function grown(from: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const to = new Int32Array(Math.max(size, from.length * 2));
  to.set(from);
  return to;
}
