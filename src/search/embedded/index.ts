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
 */
import type { Taxonomy } from "../../../taxonomy/model.ts";
import { Bitset } from "../../analysis/bitset.ts";
import type { PopulationQuery, PopulationSets } from "../../analysis/population.ts";
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
import { compareRanked, type Rankable } from "../../scoring/rank.ts";
import { neighbourhoodOf } from "../../scoring/relations.ts";
import { aggregate, type LiveEvidence, weighRequirement } from "../../scoring/score.ts";
import type {
  BackendHealth,
  CandidateIndex,
  IndexedAssertion,
  IndexedCandidate,
  RetrievalQuery,
  Retrieved,
} from "../backend.ts";
import { KeyedMinHeap, TopK } from "./heap.ts";
import {
  FLAG_VERIFIED,
  LEVEL_CODES,
  LEVEL_OTHER,
  LEVEL_UNKNOWN,
  levelOfCode,
  OWN_VOICE,
  orNull,
  PostingList,
  SELF_VOICE,
  SOURCE_KINDS,
} from "./postings.ts";
import { Scratch } from "./scratch.ts";

/** A concept whose evidence counts for an asked concept, with its postings. */
interface Neighbour {
  conceptId: string;
  list: PostingList;
  relatedness: number;
  direct: boolean;
  /** evidence here can pass recruiter search's exact filter (the skill itself, or narrower) */
  hardRelation: boolean;
}

/** An exact result on its way into the top k. */
interface Scored extends Rankable {
  matched: string[];
}

/** Floating-point slack between a bound and the exact sum it bounds. */
const BOUND_SLACK = 1e-9;
const SELF = SOURCE_KINDS.indexOf("self-asserted");

export class EmbeddedIndex implements CandidateIndex, PopulationSets {
  readonly name = "embedded" as const;
  private readonly postings = new Map<string, PostingList>();
  private readonly neighbours = new Map<string, Neighbour[]>();
  private readonly ordinals = new Map<string, number>();
  private readonly voices = new Map<string, number>();
  /**
   * ordinal → candidate id. Ordinals are not reused (an upsert of a known id takes a new one), so
   * stale postings stay recognisable until their list is compacted; rebuild() renumbers.
   */
  private readonly ids: string[] = [];
  private alive = new Uint8Array(1024);
  private readonly listsOf: (PostingList[] | undefined)[] = [];
  private readonly assertionsOf: (IndexedAssertion[] | undefined)[] = [];
  private readonly trustByKind: Float64Array;
  private readonly scratch = new Scratch();
  /** P(meets) by level code, for self-asserted (row 1) and other sources (row 0). */
  private readonly meetsByCode = new Float64Array(512);

  constructor(
    private readonly taxonomy: Taxonomy,
    private readonly config: ScoringConfig,
  ) {
    this.trustByKind = Float64Array.from(SOURCE_KINDS, (k) => trust(k, config));
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

  /** retrieve() without the promise, for callers (and benchmarks) that stay synchronous. */
  retrieveSync(q: RetrievalQuery, k: number): Retrieved[] {
    if (k <= 0 || q.requirements.length === 0) return [];
    this.scratch.ensure(this.ids.length, q.requirements.length + 1);
    const touched = this.boundAll(q);
    const required = q.requirements.filter((r) => r.required).length;
    const heap = new TopK<Scored>(k, compareRanked);
    const best = this.bestBoundFirst(touched, q.hardRequired ? required : -1);
    for (let ord = best.pop(); ord !== -1; ord = best.pop()) {
      const worst = heap.worstWhenFull;
      if (worst && !this.couldBeat(ord, worst)) break;
      heap.offer(this.scoreExactly(ord, q));
    }
    return heap.sorted().map((r) => ({ candidateId: r.candidateId, score: r.score, matched: r.matched }));
  }

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

  /**
   * Who meets `req` at each minimum, over everyone with live direct evidence for it. "Met" reads
   * only direct evidence (the skill itself or a narrower form): the estimated level is the
   * reliability-weighted mean of the levels of the pieces that speak, one per voice. So a holder
   * whose weighted pieces all sit on one side of the minimum is decided by that; for the others the
   * speaking pieces are picked as the model picks them (one per voice, the latest of a concept) and
   * the mean is taken here; only a voice that ties or names several concepts is left to the model
   * itself (weighRequirement over the holder's direct evidence).
   */
  metSets(req: Requirement, minimums: readonly (number | null)[], q: PopulationQuery): Bitset[] {
    const sets = minimums.map(() => new Bitset(this.ids.length));
    const walk = this.directPieces(req, q);
    const s = this.scratch;
    const direct = new Set(
      this.neighbourhood(req.conceptId)
        .filter((nb) => nb.direct)
        .map((nb) => nb.conceptId),
    );
    const ctx = { taxonomy: this.taxonomy, config: this.config, nowMs: q.nowMs };
    minimums.forEach((minLevel, v) => {
      const set = sets[v]!;
      const variant = { ...req, minLevel };
      const bar = minLevel === null ? 0 : minLevel - 1e-9;
      for (const ord of walk.holders) {
        if (minLevel === null) set.add(ord);
        else if (s.pieces[ord] === 0 || s.maxLevel[ord]! < bar) continue;
        else if (s.minLevel[ord]! >= bar) set.add(ord);
        else {
          const level = walk.meanLevel(ord);
          if (level !== null) {
            if (level >= bar) set.add(ord);
          } else {
            const live = this.liveEvidence(ord, q, (a) => direct.has(a.conceptId));
            if (weighRequirement(variant, live, ctx).estimate.met) set.add(ord);
          }
        }
      }
    });
    return sets;
  }

  /**
   * Every holder of live direct evidence for `req`, and per holder over the pieces that carry
   * weight (reliability > 0): how many (scratch.pieces), the lowest and highest level
   * (scratch.minLevel, scratch.maxLevel), and every live piece, chained through `next` from
   * `scratch.order` (as an index).
   */
  private directPieces(req: Requirement, q: PopulationQuery) {
    const s = this.scratch;
    s.ensure(this.ids.length, 1);
    const epoch = s.nextEpoch();
    const holders: number[] = [];
    const { config, alive, trustByKind } = this;
    const { nowMs, filters } = q;
    const filtered = filters.verifiedOnly || filters.practicedSinceMs !== null;
    const assumed = config.level.assumedLevel;
    const lists = this.neighbourhood(req.conceptId).filter((nb) => nb.direct);
    const capacity = lists.reduce((n, nb) => n + nb.list.n, 0);
    const weightOf = new Float64Array(capacity);
    const levelOf = new Float64Array(capacity);
    const voiceOf = new Int32Array(capacity);
    const conceptOf = new Int32Array(capacity);
    const dateOf = new Float64Array(capacity);
    const next = new Int32Array(capacity);
    let pieces = 0;
    lists.forEach((nb, listIndex) => {
      const { n, cand, level, kind, date, flags, voice } = nb.list;
      const rec = nb.list.recencyAt(nowMs, config);
      const deadAtNow = nb.list.excludedAt(nowMs, config);
      for (let i = 0; i < n; i++) {
        const ord = cand[i]!;
        if (alive[ord] === 0 || deadAtNow[i] === 1) continue;
        if (
          filtered &&
          exclusionOf(false, null, (flags[i]! & FLAG_VERIFIED) !== 0, orNull(date[i]!), nowMs, filters)
        )
          continue;
        if (s.reqStamp[ord] !== epoch) {
          s.reqStamp[ord] = epoch;
          s.pieces[ord] = 0;
          s.order[ord] = -1;
          s.minLevel[ord] = Number.POSITIVE_INFINITY;
          s.maxLevel[ord] = Number.NEGATIVE_INFINITY;
          holders.push(ord);
        }
        const reliability = nb.relatedness * trustByKind[kind[i]!]! * rec[i]!;
        const lvl = orNull(level[i]!) ?? assumed;
        const v = voice[i]!;
        weightOf[pieces] = reliability;
        levelOf[pieces] = lvl;
        voiceOf[pieces] = v;
        conceptOf[pieces] = listIndex;
        // undated is oldest, as the model's newerFirst reads it
        dateOf[pieces] = Number.isNaN(date[i]!) ? Number.NEGATIVE_INFINITY : date[i]!;
        next[pieces] = s.order[ord]!;
        s.order[ord] = pieces++;
        if (reliability <= 0) continue; // speaks, with no weight
        s.pieces[ord] = s.pieces[ord]! + 1;
        if (lvl < s.minLevel[ord]!) s.minLevel[ord] = lvl;
        if (lvl > s.maxLevel[ord]!) s.maxLevel[ord] = lvl;
      }
    });
    /**
     * The model's estimated level over the pieces that speak: every piece of a voice of its own; in
     * a voice with several pieces of one concept, the latest (the rest are superseded). A voice
     * whose pieces name several concepts, or tie on the latest date, is left to the model (null).
     */
    const meanLevel = (ord: number): number | null => {
      let weighted = 0;
      let total = 0;
      for (let j = s.order[ord]!; j !== -1; j = next[j]!) {
        const v = voiceOf[j]!;
        if (v !== OWN_VOICE) {
          let speaks = true;
          for (let other = s.order[ord]!; other !== -1; other = next[other]!) {
            if (other === j || voiceOf[other] !== v) continue;
            if (conceptOf[other] !== conceptOf[j] || dateOf[other] === dateOf[j]) return null;
            if (dateOf[other]! > dateOf[j]!) speaks = false;
          }
          if (!speaks) continue;
        }
        weighted += weightOf[j]! * levelOf[j]!;
        total += weightOf[j]!;
      }
      return weighted / total;
    };
    return { holders, meanLevel };
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

  /** Bytes held by the posting arrays (capacity, not just length). */
  memoryBytes(): number {
    let bytes = this.alive.byteLength;
    for (const list of this.postings.values()) bytes += list.bytes;
    return bytes;
  }

  async close(): Promise<void> {
    this.reset();
  }

  private reset(): void {
    this.postings.clear();
    this.neighbours.clear();
    this.ordinals.clear();
    this.ids.length = 0;
    this.listsOf.length = 0;
    this.assertionsOf.length = 0;
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
    for (const a of candidate.assertions) {
      let list = this.postings.get(a.conceptId);
      if (!list) {
        list = new PostingList();
        this.postings.set(a.conceptId, list);
        this.neighbours.clear();
      }
      list.push(ord, a, this.voiceOf(a));
      lists.push(list);
    }
    this.listsOf[ord] = lists;
    this.assertionsOf[ord] = candidate.assertions;
  }

  /** The evidence model's voice key (estimate.ts voiceOf), interned as a number. */
  private voiceOf(a: IndexedAssertion): number {
    if (a.sourceKind === "self-asserted") return SELF_VOICE;
    if (a.issuer === null) return OWN_VOICE;
    const key = `${a.sourceKind}|${a.issuer}`;
    let id = this.voices.get(key);
    if (id === undefined) {
      id = this.voices.size + 1;
      this.voices.set(key, id);
    }
    return id;
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

  /** First pass: every touched candidate's score bound and fewest required requirements unmet. */
  private boundAll(q: RetrievalQuery): number[] {
    const s = this.scratch;
    const query = s.nextEpoch();
    const weightSum = totalWeight(q.requirements);
    const required = q.requirements.filter((r) => r.required).length;
    const floor = this.config.directFloor;
    const touched: number[] = [];
    for (const req of q.requirements) {
      for (const ord of this.boundRequirement(req, q)) {
        if (s.queryStamp[ord] !== query) {
          s.queryStamp[ord] = query;
          s.bound[ord] = 0;
          s.minUnmet[ord] = required;
          s.hardCount[ord] = 0;
          touched.push(ord);
        }
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
    return touched;
  }

  /** Walks one requirement's neighbourhood; leaves each touched candidate's tier bounds in scratch. */
  private boundRequirement(req: Requirement, q: RetrievalQuery): number[] {
    const s = this.scratch;
    const epoch = s.nextEpoch();
    const reqTouched: number[] = [];
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
        if (alive[ord] === 0 || deadAtNow[i] === 1) continue;
        if (
          filtered &&
          exclusionOf(false, null, (flags[i]! & FLAG_VERIFIED) !== 0, orNull(date[i]!), nowMs, filters)
        )
          continue;
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
          reqTouched.push(ord);
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
  private bestBoundFirst(touched: readonly number[], hardCount: number): KeyedMinHeap {
    const s = this.scratch;
    const ords = new Int32Array(touched.length);
    let n = 0;
    for (const ord of touched) {
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
  private scoreExactly(ord: number, q: RetrievalQuery): Scored {
    const live = this.liveEvidence(ord, q);
    const ctx = { taxonomy: this.taxonomy, config: this.config, nowMs: q.nowMs };
    const weighed = q.requirements.map((req) => weighRequirement(req, live, ctx));
    const { score, unmetRequired, levelSurplus } = aggregate(q.requirements, weighed, q.hardRequired);
    return {
      candidateId: this.ids[ord]!,
      score,
      unmetRequired,
      levelSurplus,
      matched: q.requirements.filter((_, i) => weighed[i]!.estimate.basis !== "none").map((r) => r.conceptId),
    };
  }

  /** A candidate's assertions that count at `nowMs` under the filters (and `keep`, when given). */
  private liveEvidence(
    ord: number,
    q: PopulationQuery,
    keep: (a: IndexedAssertion) => boolean = () => true,
  ): LiveEvidence[] {
    const live: LiveEvidence[] = [];
    for (const a of this.assertionsOf[ord] ?? []) {
      if (!keep(a)) continue;
      const verified = a.verified || a.sourceKind === "verified-credential";
      if (exclusionOf(a.revoked, a.validUntilMs, verified, a.dateMs, q.nowMs, q.filters) === null)
        live.push(a);
    }
    return live;
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
