/**
 * The embedded backend (DESIGN.md "Search backends"): postings per concept in typed arrays, each
 * candidate's assertions held for exact scoring with the one evidence model (src/scoring), and a
 * query walk (walk.ts) that reads only the postings and scores only the candidates that could
 * still make the top k — so the top k are exactly the model's, computed by the model's code.
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
import { isDirect, relatedness, satisfiesHardFilter, trust } from "../../scoring/factors.ts";
import { neighbourhoodOf } from "../../scoring/relations.ts";
import type { BackendHealth, CandidateIndex, RetrievalQuery, Retrieved } from "../backend.ts";
import { type ExactQuery, type ExactScore, ExactScorer, type Held, type Relatedness } from "./exact.ts";
import { MetSets } from "./met-sets.ts";
import { PostingList, SOURCE_KINDS } from "./postings.ts";
import { type Scored, Walk, type WalkList, type WalkMode, type WalkStats } from "./walk.ts";

export type { WalkMode, WalkStats } from "./walk.ts";

/** A concept whose evidence counts for an asked concept, with its postings. */
interface Neighbour extends Relatedness, WalkList {
  conceptId: string;
}

/** Dead ordinals below this never trigger a renumbering: small indexes are not worth the copy. */
export const RENUMBER_MIN_DEAD = 4096;

export class EmbeddedIndex implements CandidateIndex, PopulationSets {
  readonly name = "embedded" as const;
  mode: WalkMode = "pruned";
  private readonly postings = new Map<string, PostingList>();
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
  private readonly assertionsOf: (IndexedAssertion[] | undefined)[] = [];
  /** Every candidate's voices, end to end (see Held); a dropped candidate's stay until renumbering. */
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
        neighbourhood: (conceptId) => this.neighbourhood(conceptId),
        exactQuery: (q) => ({ ...q, related: q.requirements.map((r) => this.relatedTo(r.conceptId)) }),
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

  /**
   * Ordinals are never reused, so every re-upsert and removal leaves a dead one behind with its
   * voices; a long-running server would grow without end. Once the dead outnumber the live (and
   * RENUMBER_MIN_DEAD), the held candidates are indexed afresh in their order: rebuild() from
   * memory, amortised over the writes that made the dead, as a growing array's copies are.
   */
  private renumberWhenMostlyDead(): void {
    const dead = this.ids.length - this.ordinals.size;
    if (dead < RENUMBER_MIN_DEAD || dead <= this.ordinals.size) return;
    const orgName = [...this.orgCodes.keys()];
    const live: IndexedCandidate[] = [...this.ordinals.values()]
      .sort((a, b) => a - b)
      .map((ord) => ({
        id: this.ids[ord]!,
        org: orgName[this.orgOf[ord]!]!,
        assertions: this.assertionsOf[ord]!,
      }));
    this.reset();
    for (const candidate of live) this.add(candidate);
  }

  private reset(): void {
    this.postings.clear();
    this.neighbours.clear();
    this.related.clear();
    this.ordinals.clear();
    this.ids.length = 0;
    this.assertionsOf.length = 0;
    this.voicesEnd = 0;
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
    });
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
    this.ids[ord] = ""; // the ordinal stays until renumbering; who it was does not
    this.visibleByOrg.clear();
    // each assertion is one posting in its concept's list (lists are never removed but by reset)
    for (const a of this.assertionsOf[ord] ?? []) {
      const list = this.postings.get(a.conceptId)!;
      list.dead++;
      if (list.dead * 2 > list.n) list.compact(this.alive);
    }
    this.assertionsOf[ord] = undefined;
  }

  /** The evidence model itself, over the candidate's live assertions. */
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
