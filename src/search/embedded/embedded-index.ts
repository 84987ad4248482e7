/**
 * The embedded backend (DESIGN.md "Search backends"): postings per concept in typed arrays, each
 * candidate's assertions in shared columns (forward.ts) for exact scoring with the one evidence
 * model (src/scoring), and a query walk (walk.ts) that reads only the postings and scores only
 * the candidates that could still make the top k — so the top k are exactly the model's,
 * computed by the model's code.
 *
 * It also answers the requirement-cost analysis (PopulationSets): who meets one requirement over
 * the whole population, from the same postings and voices (met-sets.ts).
 */
import type { Taxonomy } from "../../../taxonomy/model.ts";
import { Bitset } from "../../analysis/bitset.ts";
import type { PopulationQuery, PopulationSets } from "../../analysis/population.ts";
import type { IndexedAssertion, IndexedCandidate } from "../../domain/evidence.ts";
import { askedConcepts, type Requirement } from "../../domain/schemas.ts";
import type { ScoringConfig } from "../../scoring/config.ts";
import { isDirect, relatedness, satisfiesHardFilter, trust } from "../../scoring/factors.ts";
import { neighbourhoodOf } from "../../scoring/relations.ts";
import type { BackendHealth, CandidateIndex, RetrievalQuery, Retrieved } from "../backend.ts";
import { type ExactQuery, type ExactScore, ExactScorer, type Relatedness, RelatedTable } from "./exact.ts";
import { byAssertionId, ForwardStore, grown, SOURCE_KINDS } from "./forward.ts";
import { MetSets } from "./met-sets.ts";
import { PostingList } from "./postings.ts";
import { type Scored, Walk, type WalkList, type WalkMode, type WalkStats } from "./walk.ts";

export type { WalkMode, WalkStats } from "./walk.ts";

/** A concept whose evidence counts for an asked concept, with its postings. */
interface Neighbour extends Relatedness, WalkList {
  conceptId: string;
  /** the concept's ordinal in the index */
  concept: number;
}

/** Dead ordinals below this never trigger a renumbering: small indexes are not worth the copy. */
export const RENUMBER_MIN_DEAD = 4096;

export class EmbeddedIndex implements CandidateIndex, PopulationSets {
  readonly name = "embedded" as const;
  mode: WalkMode = "pruned";
  /** concept id → ordinal, and back; kept across renumbering (the taxonomy bounds them) */
  private readonly conceptOrdinals = new Map<string, number>();
  private readonly conceptIds: string[] = [];
  /** concept ordinal → its postings */
  private lists: (PostingList | undefined)[] = [];
  private readonly neighbours = new Map<string, Neighbour[]>();
  private readonly ordinals = new Map<string, number>();
  /**
   * ordinal → candidate id. Ordinals are not reused (an upsert of a known id takes a new one), so
   * stale postings stay recognisable until their list is compacted; rebuild() renumbers, and so
   * does renumberWhenMostlyDead() once the dead outnumber the live.
   */
  private readonly ids: string[] = [];
  private alive = new Uint8Array(1024);
  /** ordinal → its person's organisation, as a code of `orgCodes` */
  private orgOf = new Int32Array(1024);
  private readonly orgCodes = new Map<string, number>();
  /** per organisation: `alive` and of that organisation; rebuilt lazily after a write */
  private readonly visibleByOrg = new Map<string, Uint8Array>();
  /**
   * Every candidate's assertions, in ordinal order: ordinal o's are [start[o], start[o + 1]) (the
   * last one's end at store.n); a dropped candidate's stay until renumbering.
   */
  private store = new ForwardStore();
  private start = new Int32Array(1024);
  private readonly voiceIds = new Map<string, number>();
  private readonly exact: ExactScorer;
  private readonly exactOut: ExactScore = { score: 0, unmetRequired: 0, levelSurplus: 0, basis: [] };
  /** The walk's query's neighbourhoods by held concept, and the met-sets' (one requirement). */
  private readonly walkTable = new RelatedTable();
  private readonly metTable = new RelatedTable();
  private readonly trustByKind: Float64Array;
  private readonly walk: Walk;
  private readonly met: MetSets;

  constructor(
    private readonly taxonomy: Taxonomy,
    private readonly config: ScoringConfig,
  ) {
    this.trustByKind = Float64Array.from(SOURCE_KINDS, (k) => trust(k, config));
    this.exact = new ExactScorer(config);
    this.walk = new Walk(
      {
        ordinals: () => this.ids.length,
        alive: (org) => this.visible(org),
        neighbourhood: (req) => this.neighbourhoodOfRequirement(req),
        exactQuery: (q) => ({ ...q, ...this.relatedTable(this.walkTable, q.requirements) }),
        scoreExactly: (ord, q) => this.scoreExactly(ord, q),
      },
      config,
    );
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
    this.renumberWhenMostlyDead();
  }

  /** Starts afresh from the store's view: new ordinals, no tombstones. */
  async rebuild(candidates: Iterable<IndexedCandidate>): Promise<void> {
    this.reset();
    for (const candidate of candidates) this.add(candidate);
    for (const list of this.lists) list?.trim();
  }

  async remove(ids: string[]): Promise<void> {
    for (const id of ids) this.drop(id);
    this.renumberWhenMostlyDead();
  }

  /** Ordinals ever handed out, live or dead (what renumbering reclaims). */
  get ordinalsHandedOut(): number {
    return this.ids.length;
  }

  /** What the last query's walk did (bench:query reports it). */
  get lastWalk(): WalkStats {
    return this.walk.stats;
  }

  async retrieve(q: RetrievalQuery, k: number): Promise<Retrieved[]> {
    return this.retrieveSync(q, k);
  }

  async retrievePage(q: RetrievalQuery, k: number, pool: number) {
    const { hits, eligible } = this.walk.top(q, k, this.mode, pool);
    return { hits, pooled: Math.min(pool, eligible) };
  }

  /** retrieve() without the promise, for callers (and benchmarks) that stay synchronous. */
  retrieveSync(q: RetrievalQuery, k: number, mode: WalkMode = this.mode): Retrieved[] {
    return this.walk.top(q, k, mode, 0).hits;
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
    let concepts = 0;
    for (const list of this.lists) {
      if (!list) continue;
      concepts++;
      postings += list.n;
      dead += list.dead;
    }
    return {
      backend: "embedded",
      state: "ok",
      documents: this.ordinals.size,
      detail: `${postings} postings over ${concepts} concepts, ${dead} awaiting compaction`,
    };
  }

  /** Bytes held by the typed arrays: postings, forward store, per-ordinal columns (capacity, not length). */
  memoryBytes(): number {
    let bytes = this.alive.byteLength + this.orgOf.byteLength + this.start.byteLength + this.store.bytes;
    for (const list of this.lists) bytes += list?.bytes ?? 0;
    return bytes;
  }

  async close(): Promise<void> {
    this.reset();
  }

  /**
   * Ordinals are never reused, so every re-upsert and removal leaves a dead one behind with its
   * assertions; a long-running server would grow without end. Once the dead outnumber the live
   * (and RENUMBER_MIN_DEAD), the live candidates are indexed afresh in their order from the
   * forward store: a rebuild from memory, amortised over the writes that made the dead, as a
   * growing array's copies are.
   */
  private renumberWhenMostlyDead(): void {
    const dead = this.ids.length - this.ordinals.size;
    if (dead < RENUMBER_MIN_DEAD || dead <= this.ordinals.size) return;
    const live = [...this.ordinals.values()].sort((a, b) => a - b);
    const old = { store: this.store, start: this.start, ends: live.map((ord) => this.endOf(ord)) };
    const who = live.map((ord) => ({ id: this.ids[ord]!, org: this.orgOf[ord]! }));
    this.reset();
    live.forEach((ord, i) => {
      const next = this.newOrdinal(who[i]!.id, who[i]!.org);
      this.start[next] = this.store.n;
      for (let g = old.start[ord]!; g < old.ends[i]!; g++) this.post(next, this.store.copy(old.store, g));
    });
  }

  private reset(): void {
    this.lists = [];
    this.neighbours.clear();
    this.ordinals.clear();
    this.ids.length = 0;
    this.store = new ForwardStore();
    this.start = new Int32Array(1024);
    this.alive = new Uint8Array(1024);
    this.orgOf = new Int32Array(1024);
    this.visibleByOrg.clear();
  }

  private add(candidate: IndexedCandidate): void {
    this.drop(candidate.id);
    if (!this.orgCodes.has(candidate.org)) this.orgCodes.set(candidate.org, this.orgCodes.size);
    const ord = this.newOrdinal(candidate.id, this.orgCodes.get(candidate.org)!);
    const start = this.store.n;
    this.start[ord] = start;
    // in assertion-id order: positions within the candidate then compare as the model's ids do
    [...candidate.assertions].sort(byAssertionId).forEach((a, i) => {
      const f = this.store.append(a, this.conceptOrdinal(a.conceptId), this.voiceOf(a, i));
      this.post(ord, f);
    });
  }

  /** Hands out the next ordinal to a live candidate. */
  private newOrdinal(id: string, org: number): number {
    const ord = this.ids.length;
    this.ids.push(id);
    this.ordinals.set(id, ord);
    if (ord >= this.alive.length) {
      const size = this.alive.length * 2;
      this.alive = grown(this.alive, new Uint8Array(size), this.alive.length);
      this.orgOf = grown(this.orgOf, new Int32Array(size), this.orgOf.length);
    }
    if (ord + 1 >= this.start.length)
      this.start = grown(this.start, new Int32Array(this.start.length * 2), ord);
    this.alive[ord] = 1;
    this.orgOf[ord] = org;
    this.visibleByOrg.clear();
    return ord;
  }

  /** Adds the stored assertion f, held by `ord`, to its concept's postings. */
  private post(ord: number, f: number): void {
    const concept = this.store.concept[f]!;
    let list = this.lists[concept];
    if (!list) {
      list = new PostingList(this.store);
      this.lists[concept] = list;
      this.neighbours.clear();
    }
    list.push(ord, f);
  }

  private conceptOrdinal(conceptId: string): number {
    let ord = this.conceptOrdinals.get(conceptId);
    if (ord === undefined) {
      ord = this.conceptIds.length;
      this.conceptIds.push(conceptId);
      this.conceptOrdinals.set(conceptId, ord);
    }
    return ord;
  }

  /**
   * One issuer of one kind, or "self", interned. An assertion with no named issuer is a voice of
   * its own; voices are only compared within one candidate, so a negative number unique within
   * the candidate (its position there) will do, without interning a key per assertion.
   */
  private voiceOf(a: IndexedAssertion, position: number): number {
    if (a.sourceKind !== "self-asserted" && a.issuer === null) return -1 - position;
    const key = a.sourceKind === "self-asserted" ? "self" : `${a.sourceKind}|${a.issuer}`;
    let voice = this.voiceIds.get(key);
    if (voice === undefined) {
      voice = this.voiceIds.size;
      this.voiceIds.set(key, voice);
    }
    return voice;
  }

  /** Where ordinal `ord`'s assertions end in the forward store. */
  private endOf(ord: number): number {
    return ord + 1 < this.ids.length ? this.start[ord + 1]! : this.store.n;
  }

  private drop(id: string): void {
    const ord = this.ordinals.get(id);
    if (ord === undefined) return;
    this.ordinals.delete(id);
    this.alive[ord] = 0;
    this.ids[ord] = ""; // the ordinal stays until renumbering; who it was does not
    this.visibleByOrg.clear();
    // each assertion is one posting in its concept's list (lists are never removed but by reset)
    for (let f = this.start[ord]!; f < this.endOf(ord); f++) {
      const list = this.lists[this.store.concept[f]!]!;
      list.dead++;
      if (list.dead * 2 > list.n) list.compact(this.alive);
    }
  }

  /** The evidence model itself, over the candidate's live assertions. */
  private scoreExactly(ord: number, q: ExactQuery): Scored {
    const out = this.exact.score(this.store, this.start[ord]!, this.endOf(ord), q, this.exactOut);
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
    const requirements = [{ ...req, required: true }];
    const query: ExactQuery = {
      requirements,
      ...this.relatedTable(this.metTable, requirements),
      filters: q.filters,
      nowMs: q.nowMs,
      hardRequired: false,
    };
    const out = this.exact.score(this.store, this.start[ord]!, this.endOf(ord), query, this.exactOut);
    return out.unmetRequired === 0;
  }

  /**
   * `table` filled with the requirements' neighbourhoods, by held concept: one slot per concept a
   * requirement asks (an any-of requirement's alternatives are weighed apart, then the best kept).
   */
  private relatedTable(
    table: RelatedTable,
    requirements: readonly Requirement[],
  ): Pick<ExactQuery, "related" | "slotRequirement"> {
    table.reset(this.conceptIds.length);
    const slotRequirement: number[] = [];
    requirements.forEach((req, r) => {
      for (const asked of askedConcepts(req)) {
        for (const nb of this.neighbourhood(asked)) table.add(nb.concept, slotRequirement.length, nb);
        slotRequirement.push(r);
      }
    });
    return { related: table, slotRequirement };
  }

  /**
   * The lists whose evidence counts for a requirement, for the walk's bounds: an any-of
   * requirement's alternatives' together, each list once at its closest relation to any of them —
   * a bound on the best of them.
   */
  private neighbourhoodOfRequirement(req: Requirement): readonly Neighbour[] {
    const concepts = askedConcepts(req);
    if (concepts.length === 1) return this.neighbourhood(req.conceptId);
    const closest = new Map<number, Neighbour>();
    for (const asked of concepts)
      for (const nb of this.neighbourhood(asked)) {
        const seen = closest.get(nb.concept);
        if (!seen) closest.set(nb.concept, nb);
        else
          closest.set(nb.concept, {
            ...seen,
            relatedness: Math.max(seen.relatedness, nb.relatedness),
            direct: seen.direct || nb.direct,
            hardRelation: seen.hardRelation || nb.hardRelation,
          });
      }
    return [...closest.values()];
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
      const concept = this.conceptOrdinals.get(held);
      const list = concept === undefined ? undefined : this.lists[concept];
      if (rho > 0 && list)
        out.push({
          conceptId: held,
          concept: concept!,
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
