/**
 * The Elasticsearch backend (DESIGN.md "Search backends"): documents live in a versioned index
 * behind an alias; writes go through the alias (and, while a reindex builds, into the new index
 * too), searches read the alias, and `reindex` swaps the alias atomically — no downtime.
 */

import type { Client } from "@elastic/elasticsearch";
import type { Taxonomy } from "../../../taxonomy/model.ts";
import { wallClock } from "../../domain/clock.ts";
import { LerError } from "../../domain/errors.ts";
import type { IndexedCandidate } from "../../domain/evidence.ts";
import type { ScoringConfig } from "../../scoring/config.ts";
import type { BackendHealth, CandidateIndex, RetrievalQuery, Retrieved } from "../backend.ts";
import { type BulkOp, bulkWrite } from "./bulk.ts";
import { call, createClient } from "./client.ts";
import type { ElasticsearchConfig } from "./config.ts";
import {
  CANDIDATE_MAPPING,
  type CandidateDocument,
  candidateDocument,
  isCurrentMapping,
  scoringFingerprint,
  versionedIndexName,
} from "./mapping.ts";
import { readHit, type SearchHit, searchBody } from "./query.ts";

/** index.max_result_window's default: deeper pages need search_after, which ranking never does. */
export const MAX_RESULT_WINDOW = 10_000;
/** All a hit is read for (readHit): the response leaves out the rest (shards, _index, timings). */
const HIT_FIELDS = ["hits.hits._score", "hits.hits.sort", "hits.hits.matched_queries"];
/** Documents per bulk request when reindexing. */
const REINDEX_BATCH = 1000;

export interface ReindexReport {
  index: string;
  previous: string[];
  documents: number;
}

export class ElasticsearchIndex implements CandidateIndex {
  readonly name = "elasticsearch" as const;
  readonly client: Client;
  private ready: Promise<void> | null = null;
  /** The index a running reindex is filling; writes go there too so none is lost at the swap. */
  private building: string | null = null;
  /**
   * The latest state written during a reindex (null = removed), replayed into the new index just
   * before the swap: the reindex may have copied an older state of the same candidate after it.
   */
  private writtenDuringBuild = new Map<string, CandidateDocument | null>();
  private lastStampMs = 0;

  constructor(
    private readonly taxonomy: Taxonomy,
    private readonly scoring: ScoringConfig,
    readonly config: ElasticsearchConfig,
    client?: Client,
  ) {
    this.client = client ?? createClient(config);
  }

  get candidatePool(): number {
    return this.config.candidatePool;
  }

  get alias(): string {
    return this.config.indexPrefix;
  }

  async upsert(batch: IndexedCandidate[]): Promise<void> {
    await this.ensureAlias();
    const docs = batch.map((c) => ({ id: c.id, doc: candidateDocument(c, this.taxonomy, this.scoring) }));
    if (this.building) for (const d of docs) this.writtenDuringBuild.set(d.id, d.doc);
    await this.write((index) => docs.map((d): BulkOp => ({ index, op: "upsert", ...d })));
  }

  async remove(ids: string[]): Promise<void> {
    await this.ensureAlias();
    if (this.building) for (const id of ids) this.writtenDuringBuild.set(id, null);
    await this.write((index) => ids.map((id): BulkOp => ({ index, op: "delete", id })));
  }

  /**
   * Through the alias with the configured refresh; into an index being built without one: it
   * refreshes only when the build ends, so "wait_for" there would wait for the whole build.
   */
  private async write(ops: (index: string) => BulkOp[]): Promise<void> {
    // read before any await: the build may swap meanwhile, and this write must still reach it
    const building = this.building;
    await bulkWrite(this.client, ops(this.alias), this.config.refreshOnWrite);
    if (building) await bulkWrite(this.client, ops(building), false);
  }

  async retrieve(q: RetrievalQuery, k: number): Promise<Retrieved[]> {
    if (q.requirements.length === 0 || k <= 0) return [];
    if (k > MAX_RESULT_WINDOW)
      throw new LerError("invalid_input", `Elasticsearch retrieves at most ${MAX_RESULT_WINDOW} candidates`, {
        details: { requested: k, max: MAX_RESULT_WINDOW },
      });
    await this.ensureAlias();
    const body = searchBody(q, k, {
      taxonomy: this.taxonomy,
      config: this.scoring,
      firstStage: this.config.firstStage,
    });
    const res = await call("a search", () =>
      this.client.search({ index: this.alias, ...body, filter_path: HIT_FIELDS }),
    );
    const order = q.requirements.map((r) => r.conceptId);
    // filtered, a response without hits has no `hits` at all
    return (res.hits?.hits ?? []).map((h) => {
      const hit = readHit(h as SearchHit);
      const matched = new Set(hit.matched);
      return { ...hit, matched: order.filter((c) => matched.has(c)) };
    });
  }

  async health(): Promise<BackendHealth> {
    try {
      const health = await call("a health check", () => this.client.cluster.health({ timeout: "5s" }));
      const exists = await call("an alias check", () =>
        this.client.indices.existsAlias({ name: this.alias }),
      );
      const documents = exists
        ? (await call("a count", () => this.client.count({ index: this.alias }))).count
        : 0;
      const state = health.status === "red" ? "degraded" : "ok";
      return {
        backend: "elasticsearch",
        state,
        documents,
        detail: `cluster ${health.status}, alias ${this.alias}`,
      };
    } catch (e) {
      return { backend: "elasticsearch", state: "unavailable", documents: 0, detail: (e as Error).message };
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /**
   * Builds a fresh versioned index from `source` (the store), then points the alias at it and
   * drops the old ones in one atomic alias update; searches see the old index until then.
   */
  /** CandidateIndex.rebuild: a new versioned index, then the alias swap. */
  async rebuild(candidates: Iterable<IndexedCandidate>): Promise<void> {
    await this.reindex(candidates);
  }

  async reindex(
    source: Iterable<IndexedCandidate> | AsyncIterable<IndexedCandidate>,
  ): Promise<ReindexReport> {
    await this.ensureAlias();
    // no refresh while building: nothing searches the new index until the swap
    const index = await this.createIndex({ refresh_interval: "-1" });
    this.building = index;
    let documents = 0;
    // one bulk in flight while the next batch is built
    let inFlight: Promise<void> = Promise.resolve();
    try {
      let batch: BulkOp[] = [];
      const send = async (ops: BulkOp[]) => {
        await inFlight;
        inFlight = bulkWrite(this.client, ops, false);
        // its failure is thrown where it is awaited, not reported as unhandled meanwhile
        inFlight.catch(() => undefined);
        documents += ops.length;
      };
      for await (const c of source) {
        batch.push({ index, op: "upsert", id: c.id, doc: candidateDocument(c, this.taxonomy, this.scoring) });
        if (batch.length >= REINDEX_BATCH) {
          await send(batch);
          batch = [];
        }
      }
      await send(batch);
      await inFlight;
      await call("restoring the refresh interval", () =>
        // null: back to the cluster's default (the client's types do not allow it)
        this.client.indices.putSettings({ index, settings: { refresh_interval: null as never } }),
      );
      await this.replayWrittenDuringBuild(index);
      await call("a refresh", () => this.client.indices.refresh({ index }));
      const previous = await this.aliasedIndices();
      await call("the alias swap", () =>
        this.client.indices.updateAliases({
          actions: [
            ...previous.map((old) => ({ remove: { index: old, alias: this.alias } })),
            { add: { index, alias: this.alias, is_write_index: true } },
          ],
        }),
      );
      this.stopBuilding();
      if (previous.length)
        await call("dropping old indices", () => this.client.indices.delete({ index: previous }));
      return { index, previous, documents };
    } catch (e) {
      this.stopBuilding();
      // a bulk still running would otherwise land after the delete and create the index again
      await inFlight.catch(() => undefined);
      await this.client.indices.delete({ index }, { ignore: [404] }).catch(() => undefined);
      throw e;
    }
  }

  /** Deletes every index behind the alias (tests and `reindex --fresh`). */
  async drop(): Promise<void> {
    const indices = await this.aliasedIndices();
    if (indices.length) await call("dropping indices", () => this.client.indices.delete({ index: indices }));
    this.ready = null;
  }

  /**
   * The alias points at indices of an older mapping version (their names carry it), or built with
   * other scoring numbers than this configuration's (the mapping's _meta carries those).
   */
  async outdated(): Promise<boolean> {
    const aliased = await this.aliasedIndices();
    if (aliased.length === 0) return false;
    const indices = aliased.filter((index) => isCurrentMapping(this.alias, index));
    if (indices.length === 0) return true;
    const mappings = await call("a mapping lookup", () => this.client.indices.getMapping({ index: indices }));
    const built = Object.values(mappings).map((m) => m.mappings._meta?.scoring);
    return !built.includes(scoringFingerprint(this.scoring));
  }

  /** The versioned indices the alias points at now. */
  async aliasedIndices(): Promise<string[]> {
    const exists = await call("an alias check", () => this.client.indices.existsAlias({ name: this.alias }));
    if (!exists) return [];
    const res = await call("an alias lookup", () => this.client.indices.getAlias({ name: this.alias }));
    return Object.keys(res).sort();
  }

  private async replayWrittenDuringBuild(index: string): Promise<void> {
    const ops = [...this.writtenDuringBuild].map(
      ([id, doc]): BulkOp => (doc ? { index, op: "upsert", id, doc } : { index, op: "delete", id }),
    );
    this.writtenDuringBuild.clear();
    await bulkWrite(this.client, ops, false);
  }

  private stopBuilding(): void {
    this.building = null;
    this.writtenDuringBuild.clear();
  }

  /** Creates the first versioned index and its alias on first use; retried after a failure. */
  private ensureAlias(): Promise<void> {
    this.ready ??= this.createAliasIfMissing().catch((e) => {
      this.ready = null;
      throw e;
    });
    return this.ready;
  }

  private async createAliasIfMissing(): Promise<void> {
    if ((await this.aliasedIndices()).length) return;
    const index = await this.createIndex();
    await call("creating the alias", () =>
      this.client.indices.updateAliases({
        actions: [{ add: { index, alias: this.alias, is_write_index: true } }],
      }),
    );
  }

  private async createIndex(settings: Record<string, unknown> = {}): Promise<string> {
    // Two builds in the same millisecond must still get two names.
    this.lastStampMs = Math.max(wallClock(), this.lastStampMs + 1);
    const index = versionedIndexName(this.alias, this.lastStampMs);
    await call("creating an index", () =>
      this.client.indices.create({
        index,
        settings: {
          number_of_shards: this.config.shards,
          number_of_replicas: this.config.replicas,
          ...settings,
        },
        mappings: { ...CANDIDATE_MAPPING, _meta: { scoring: scoringFingerprint(this.scoring) } } as never,
        wait_for_active_shards: 1,
      }),
    );
    return index;
  }
}
