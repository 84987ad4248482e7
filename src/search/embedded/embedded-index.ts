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
const SELF = SOURCE_KINDS.indexOf("self-asserted");

/**
 * "pruned" stops once no remaining bound can beat the k-th exact score; "exhaustive" scores every
 * candidate with evidence exactly — the yardstick the pruned walk must equal (benchmarks, tests).
 */
export type WalkMode = "pruned" | "exhaustive";

export class EmbeddedIndex implements CandidateIndex, PopulationSets {
  readonly name = "embedded" as const;
  mode: WalkMode = "pruned";
  private readonly postings = new Map<string, PostingList>();
  private readonly neighbours = new Map<string, Neighbour[]>();
  private readonly ordinals = new Map<string, number>();
  /**
   * ordinal → candidate id. Ordinals are not reused (an upsert of a known id takes a new one), so
   * stale postings stay recognisable until their list is compacted; rebuild() renumbers.
   */
  private readonly ids: string[] = [];
  private alive = new Uint8Array(1024);
  /** ordinal → its person's organisation, as a code of `orgCodes` */
  private orgOf = new Int32Array(1024);
  private readonly orgCodes = new Map<string, number>();
  /** per organisation: `alive` and of that organisation; rebuilt lazily after a write */
  private readonly visibleByOrg = new Map<string, Uint8Array>();
  private readonly listsOf: (PostingList[] | undefined)[] = [];
  private readonly heldOf: (Held | undefined)[] = [];
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
      alive: (org) => this.visible(org),
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
    const { hits, eligible } = this.top(q, k);
    return { hits, pooled: Math.min(pool, eligible) };
  }

  /** retrieve() without the promise, for callers (and benchmarks) that stay synchronous. */
  retrieveSync(q: RetrievalQuery, k: number, mode: WalkMode = this.mode): Retrieved[] {
    return this.top(q, k, mode).hits;
  }

  /** The best k, and how many candidates have evidence for the query (and pass its hard filters). */
  private top(
    q: RetrievalQuery,
    k: number,
    mode: WalkMode = this.mode,
  ): { hits: Retrieved[]; eligible: number } {
    const prune = mode === "pruned";
    if (k <= 0 || q.requirements.length === 0) return { hits: [], eligible: 0 };
    this.scratch.ensure(this.ids.length, q.requirements.length + 1);
    const touched = this.boundAll(q);
    const required = q.requirements.filter((r) => r.required).length;
    const heap = new TopK<Scored>(k, compareRanked);
    const best = this.bestBoundFirst(touched, q.hardRequired ? required : -1);
    const eligible = best.remaining;
    const exactQuery: ExactQuery = { ...q, related: q.requirements.map((r) => this.relatedTo(r.conceptId)) };
    for (let ord = best.pop(); ord !== -1; ord = best.pop()) {
      const worst = heap.worstWhenFull;
      if (prune && worst && !this.couldBeat(ord, worst)) break;
      heap.offer(this.scoreExactly(ord, exactQuery));
    }
    const hits = heap.sorted().map((r) => ({
      candidateId: r.candidateId,
      score: r.score,
      matched: r.matched,
      exact: { unmetRequired: r.unmetRequired, levelSurplus: r.levelSurplus },
    }));
    return { hits, eligible };
  }

  /** Every live person of the organisation (all when unset), as ordinals (the analysis's population). */
  population(org?: string): Bitset {
    const out = new Bitset(this.ids.length);
    const visible = this.visible(org);
    for (const ord of this.ordinals.values()) if (visible[ord] === 1) out.add(ord);
    return out;
  }

  /**
   * Who a query may see: `alive`, narrowed to one organisation's ordinals. Both walks and the
   * met-sets read this instead of `alive`, so another organisation's postings are skipped in the
   * walk itself, never merely dropped from its answer.
   */
  private visible(org: string | undefined): Uint8Array {
    if (org === undefined) return this.alive;
    let mask = this.visibleByOrg.get(org);
    if (!mask) {
      mask = new Uint8Array(this.alive.length);
      const code = this.orgCodes.get(org);
      if (code !== undefined)
        for (let ord = 0; ord < this.ids.length; ord++)
          mask[ord] = this.alive[ord] === 1 && this.orgOf[ord] === code ? 1 : 0;
      this.visibleByOrg.set(org, mask);
    }
    return mask;
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
    this.related.clear();
    this.ordinals.clear();
    this.ids.length = 0;
    this.listsOf.length = 0;
    this.heldOf.length = 0;
    this.alive = new Uint8Array(1024);
    this.orgOf = new Int32Array(1024);
    this.visibleByOrg.clear();
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
      const orgs = new Int32Array(this.alive.length);
      orgs.set(this.orgOf);
      this.orgOf = orgs;
    }
    this.alive[ord] = 1;
    if (!this.orgCodes.has(candidate.org)) this.orgCodes.set(candidate.org, this.orgCodes.size);
    this.orgOf[ord] = this.orgCodes.get(candidate.org)!;
    this.visibleByOrg.clear();
    const lists: PostingList[] = [];
    const held = this.held(candidate.assertions);
    candidate.assertions.forEach((a, i) => {
      let list = this.postings.get(a.conceptId);
      if (!list) {
        list = new PostingList();
        this.postings.set(a.conceptId, list);
        this.neighbours.clear();
        this.related.clear();
      }
      list.push(ord, a, held.voices[i]!);
      lists.push(list);
    });
    this.listsOf[ord] = lists;
    this.heldOf[ord] = held;
  }

  /** What scoring a candidate needs that no query changes: each assertion's trust and voice. */
  private held(assertions: IndexedAssertion[]): Held {
    const voices = new Int32Array(assertions.length);
    const trusts = new Float64Array(assertions.length);
    assertions.forEach((a, i) => {
      const key =
        a.sourceKind === "self-asserted" ? "self" : `${a.sourceKind}|${a.issuer ?? `?${a.assertionId}`}`;
      let voice = this.voiceIds.get(key);
      if (voice === undefined) {
        voice = this.voiceIds.size;
        this.voiceIds.set(key, voice);
      }
      voices[i] = voice;
      trusts[i] = trust(a.sourceKind, this.config);
    });
    return { assertions, voices, trust: trusts };
  }

  private drop(id: string): void {
    const ord = this.ordinals.get(id);
    if (ord === undefined) return;
    this.ordinals.delete(id);
    this.alive[ord] = 0;
    this.visibleByOrg.clear();
    for (const list of this.listsOf[ord] ?? []) {
      list.dead++;
      if (list.dead * 2 > list.n) list.compact(this.alive);
    }
    this.listsOf[ord] = undefined;
    this.heldOf[ord] = undefined;
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
    const { config, trustByKind, meetsByCode } = this;
    const { nowMs, filters } = q;
    const alive = this.visible(filters.org);
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
  private scoreExactly(ord: number, q: ExactQuery): Scored {
    // only live ordinals reach here, and every live ordinal holds its assertions
    const out = this.exact.score(this.heldOf[ord]!, q, this.exactOut);
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
    return this.exact.score(this.heldOf[ord]!, query, this.exactOut).unmetRequired === 0;
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
