/**
 * The embedded backend (DESIGN.md "Search backends"): postings per concept in typed arrays, exact
 * scoring of every candidate a posting touches, top-k with a heap. It computes each factor with
 * src/scoring's functions, so its scores equal scoreCandidate's to the last bit.
 */
import type { Taxonomy } from "../../../taxonomy/model.ts";
import type { Relation } from "../../domain/match.ts";
import type { Requirement } from "../../domain/schemas.ts";
import type { ScoringConfig } from "../../scoring/config.ts";
import {
  contribution,
  exclusionOf,
  levelFit,
  levelSurplus,
  matchValue,
  satisfiesHardFilter,
  similarity,
  totalWeight,
  trust,
} from "../../scoring/factors.ts";
import { compareRanked, type Rankable } from "../../scoring/rank.ts";
import { neighbourhoodOf } from "../../scoring/relations.ts";
import type {
  BackendHealth,
  CandidateIndex,
  IndexedCandidate,
  RetrievalQuery,
  Retrieved,
} from "../backend.ts";
import { TopK } from "./heap.ts";
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

/** A concept whose evidence counts for an asked concept, with its postings and similarity. */
interface Neighbour {
  list: PostingList;
  relation: Relation;
  sim: number;
}

export class EmbeddedIndex implements CandidateIndex {
  readonly name = "embedded" as const;
  private readonly postings = new Map<string, PostingList>();
  private readonly neighbours = new Map<string, Neighbour[]>();
  private readonly ordinalOf = new Map<string, number>();
  /**
   * ordinal → candidate id. Ordinals are not reused (an upsert of a known id takes a new one), so
   * stale postings stay recognisable until their list is compacted; rebuild() renumbers.
   */
  private readonly ids: string[] = [];
  private alive = new Uint8Array(1024);
  private readonly listsOf: (PostingList[] | undefined)[] = [];
  private readonly trustByKind: Float64Array;
  private readonly scratch = new Scratch();

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
    const s = this.scratch;
    s.ensure(this.ids.length, q.requirements.length + 1);
    const query = s.nextEpoch();
    const weightSum = totalWeight(q.requirements);
    const touchedByReq: number[][] = [];
    const touched: number[] = [];
    for (const req of q.requirements) {
      const reqTouched = this.scoreRequirement(req, q);
      touchedByReq.push(reqTouched);
      for (const ord of reqTouched) {
        if (s.queryStamp[ord] !== query) {
          s.queryStamp[ord] = query;
          s.score[ord] = 0;
          s.surplus[ord] = 0;
          s.requiredOk[ord] = 0;
          touched.push(ord);
        }
        s.score[ord] = s.score[ord]! + contribution(req.weight, s.best[ord]!, weightSum);
        s.surplus[ord] = s.surplus[ord]! + s.bestSurplus[ord]!;
        if (req.required && this.passesRequired(ord, q)) s.requiredOk[ord] = s.requiredOk[ord]! + 1;
      }
    }
    const top = this.topK(touched, q, k);
    return this.toRetrieved(top, q.requirements, touchedByReq, query);
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
      documents: this.ordinalOf.size,
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
    this.ordinalOf.clear();
    this.ids.length = 0;
    this.listsOf.length = 0;
    this.alive = new Uint8Array(1024);
  }

  private add(candidate: IndexedCandidate): void {
    this.drop(candidate.id);
    const ord = this.ids.length;
    this.ids.push(candidate.id);
    this.ordinalOf.set(candidate.id, ord);
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
      list.push(ord, a);
      lists.push(list);
    }
    this.listsOf[ord] = lists;
  }

  private drop(id: string): void {
    const ord = this.ordinalOf.get(id);
    if (ord === undefined) return;
    this.ordinalOf.delete(id);
    this.alive[ord] = 0;
    for (const list of this.listsOf[ord] ?? []) {
      list.dead++;
      if (list.dead * 2 > list.n) list.compact(this.alive);
    }
    this.listsOf[ord] = undefined;
  }

  /** Walks the requirement's neighbourhood; leaves each touched candidate's m_r in scratch.best. */
  private scoreRequirement(req: Requirement, q: RetrievalQuery): number[] {
    const s = this.scratch;
    const epoch = s.nextEpoch();
    const reqTouched: number[] = [];
    const { config, alive, trustByKind } = this;
    const { nowMs, filters } = q;
    const { reqStamp, best, bestSurplus, hard, fitByCode, surplusByCode, hardByCode } = s;
    const minLevel = req.minLevel;
    this.fillLevelTables(minLevel);
    const checkHard = q.hardRequired && req.required;
    // Revocation and expiry are cached per "now"; only the caller's filters are checked here.
    const filtered = filters.verifiedOnly || filters.practicedSinceMs !== null;
    for (const nb of this.neighbourhood(req.conceptId)) {
      const list = nb.list;
      const { n, cand, code, level, kind, date, flags } = list;
      const rec = list.recencyAt(nowMs, config);
      const deadAtNow = list.excludedAt(nowMs, config);
      const sim = nb.sim;
      const hardRelation = checkHard && satisfiesHardFilter(nb.relation, null, null, config);
      for (let i = 0; i < n; i++) {
        const ord = cand[i]!;
        if (alive[ord] === 0 || deadAtNow[i] === 1) continue;
        if (
          filtered &&
          exclusionOf(false, null, (flags[i]! & FLAG_VERIFIED) !== 0, orNull(date[i]!), nowMs, filters)
        )
          continue;
        const c = code[i]!;
        let fit: number;
        let surplus: number;
        let levelOk: boolean;
        if (c === LEVEL_OTHER) {
          const lvl = level[i]!;
          fit = levelFit(lvl, minLevel, config);
          surplus = levelSurplus(lvl, minLevel);
          levelOk = satisfiesHardFilter("same", lvl, minLevel, config);
        } else {
          fit = fitByCode[c]!;
          surplus = surplusByCode[c]!;
          levelOk = hardByCode[c] === 1;
        }
        const m = matchValue(sim, fit, trustByKind[kind[i]!]!, rec[i]!);
        const isHard = hardRelation && levelOk;
        if (reqStamp[ord] !== epoch) {
          reqStamp[ord] = epoch;
          best[ord] = m;
          bestSurplus[ord] = surplus;
          hard[ord] = isHard ? 1 : 0;
          reqTouched.push(ord);
          continue;
        }
        const current = best[ord]!;
        if (m > current) {
          best[ord] = m;
          bestSurplus[ord] = surplus;
        } else if (m === current && surplus > bestSurplus[ord]!) bestSurplus[ord] = surplus;
        if (isHard) hard[ord] = 1;
      }
    }
    return reqTouched;
  }

  /** The factor functions evaluated once per level code for this requirement's minimum. */
  private fillLevelTables(minLevel: number | null): void {
    const { fitByCode, surplusByCode, hardByCode } = this.scratch;
    const fill = (c: number) => {
      const lvl = levelOfCode(c);
      fitByCode[c] = levelFit(lvl, minLevel, this.config);
      surplusByCode[c] = levelSurplus(lvl, minLevel);
      hardByCode[c] = satisfiesHardFilter("same", lvl, minLevel, this.config) ? 1 : 0;
    };
    for (let c = 0; c < LEVEL_CODES; c++) fill(c);
    fill(LEVEL_UNKNOWN);
  }

  private passesRequired(ord: number, q: RetrievalQuery): boolean {
    const s = this.scratch;
    return q.hardRequired ? s.hard[ord] === 1 : s.best[ord]! >= this.config.requiredThreshold;
  }

  private topK(touched: readonly number[], q: RetrievalQuery, k: number): number[] {
    const s = this.scratch;
    const required = q.requirements.filter((r) => r.required).length;
    const a: Rankable = { candidateId: "", score: 0, qualified: false, levelSurplus: 0 };
    const b: Rankable = { candidateId: "", score: 0, qualified: false, levelSurplus: 0 };
    const load = (into: Rankable, ord: number) => {
      into.candidateId = this.ids[ord]!;
      into.score = s.score[ord]!;
      into.qualified = s.requiredOk[ord] === required;
      into.levelSurplus = s.surplus[ord]!;
      return into;
    };
    const heap = new TopK<number>(k, (x, y) => compareRanked(load(a, x), load(b, y)));
    const { score, requiredOk } = s;
    for (const ord of touched) {
      const qualified = requiredOk[ord] === required;
      // Recruiter search: a candidate failing a hard filter is not a result at all.
      if (q.hardRequired && !qualified) continue;
      // Cheap pre-check on the comparator's leading keys (qualified, then score) before the full one.
      const worst = heap.worstWhenFull;
      if (worst !== undefined) {
        const worstQualified = requiredOk[worst] === required;
        if (worstQualified && !qualified) continue;
        if (worstQualified === qualified && score[ord]! < score[worst]!) continue;
      }
      heap.offer(ord);
    }
    return heap.sorted();
  }

  private toRetrieved(
    top: number[],
    requirements: readonly Requirement[],
    touchedByReq: number[][],
    query: number,
  ): Retrieved[] {
    const { topStamp, topSlot, score } = this.scratch;
    top.forEach((ord, i) => {
      topStamp[ord] = query;
      topSlot[ord] = i;
    });
    const matched: string[][] = top.map(() => []);
    touchedByReq.forEach((reqTouched, r) => {
      for (const ord of reqTouched)
        if (topStamp[ord] === query) matched[topSlot[ord]!]!.push(requirements[r]!.conceptId);
    });
    return top.map((ord, i) => ({ candidateId: this.ids[ord]!, score: score[ord]!, matched: matched[i]! }));
  }

  /**
   * The posting lists whose evidence counts for `asked` (similarity > 0), cached per asked concept
   * until a concept gains its first posting list.
   */
  private neighbourhood(asked: string): Neighbour[] {
    const cached = this.neighbours.get(asked);
    if (cached) return cached;
    const out: Neighbour[] = [];
    for (const [held, rel] of neighbourhoodOf(this.taxonomy, asked)) {
      const sim = similarity(rel.relation, rel.strength, this.config);
      const list = this.postings.get(held);
      if (sim > 0 && list) out.push({ list, relation: rel.relation, sim });
    }
    this.neighbours.set(asked, out);
    return out;
  }
}
