/**
 * The engine: store + taxonomy + pipeline + search backend + the one scoring model, behind the
 * Engine facade. Index updates always flow through the store's outbox, for every backend.
 */

import { createPipeline } from "../../indexer/pipeline.ts";
import { applyStatusLists, parseStatusLists } from "../../indexer/status-list.ts";
import { parseJobDescription, parseJobDescriptionAsync } from "../../taxonomy/jd/index.ts";
import type { Taxonomy } from "../../taxonomy/model.ts";
import type { OccupationProfile } from "../../taxonomy/starter.ts";
import type { Clock } from "../domain/clock.ts";
import { LerError } from "../domain/errors.ts";
import { MatchOptions } from "../domain/schemas.ts";
import { explainOne, rankCandidates } from "../match/rank.ts";
import type { ScoringConfig } from "../scoring/config.ts";
import { toIndexedCandidates } from "../scoring/indexed.ts";
import type { CandidateIndex } from "../search/backend.ts";
import type { OutboxWorker } from "../search/outbox-worker.ts";
import type { Store } from "../store/types.ts";
import { createAccess } from "./access.ts";
import { createAlerts, type PositionSource, savedPositionSource } from "./alerts.ts";
import { createAnalyser } from "./analyse.ts";
import { createBlinding } from "./blind.ts";
import { applyRetention, eraseCandidate } from "./erasure.ts";
import { gapMethods } from "./gaps.ts";
import { jobDescriptionMethods } from "./job-descriptions.ts";
import { positionMethods } from "./positions.ts";
import { buildProfile } from "./profile.ts";
import { type ResolvedPosition, resolvePosition } from "./requirements.ts";
import { roleMethods } from "./roles.ts";
import { createTrustService } from "./trust.ts";
import type { Engine, MatchPage } from "./types.ts";

export interface EngineParts {
  store: Store;
  taxonomy: Taxonomy;
  occupations: readonly OccupationProfile[];
  index: CandidateIndex;
  worker: OutboxWorker;
  scoring: ScoringConfig;
  now: Clock;
  /** positions to watch when an alerts call names none; the store's saved positions by default */
  positions?: PositionSource;
}

export function createEngine(parts: EngineParts): Engine {
  const { store, taxonomy, index, worker, scoring, now } = parts;
  const blinding = createBlinding(store);
  const pipeline = createPipeline({ store, taxonomy, now, onStored: () => syncIndex() });
  const access = createAccess(store, now);
  const erasure = { store, access, now, syncIndex: () => worker.drainAll() };

  /** Every acknowledged write is searchable when the call returns: drain the whole outbox. */
  async function syncIndex(): Promise<void> {
    try {
      await worker.drainAll();
    } catch {
      // The outbox keeps the work; the worker retries with back-off. Ingest has already succeeded.
    }
  }

  const rankingInputs = (
    mode: "match" | "search",
    resolved: ResolvedPosition,
    options: Partial<MatchOptions>,
  ) => ({
    requirements: resolved.requirements,
    options: MatchOptions.parse(options),
    mode,
    index,
    evidence: (ids: readonly string[], concepts?: readonly string[]) => store.evidenceFor(ids, concepts),
    names: (ids: readonly string[]) => new Map(ids.map((id) => [id, store.getCandidate(id)?.name ?? null])),
    taxonomy,
    config: scoring,
    nowMs: now(),
  });

  async function rank(
    mode: "match" | "search",
    resolved: ResolvedPosition,
    options: Partial<MatchOptions> = {},
  ): Promise<MatchPage> {
    const args = rankingInputs(mode, resolved, options);
    if (resolved.requirements.length === 0)
      throw new LerError(
        "unknown_concept",
        `no requirement resolved to a known skill: ${resolved.unresolved.join(", ")}`,
        {
          details: { unresolved: resolved.unresolved },
        },
      );
    const { total, results } = await rankCandidates(args);
    return {
      requirements: resolved.requirements,
      unresolved: resolved.unresolved,
      total,
      results: args.options.blind ? blinding.blind(results) : results,
    };
  }

  const parseJd = (text: string) =>
    parseJobDescriptionAsync(text, { taxonomy, occupations: parts.occupations });
  const analyser = createAnalyser({ index, store, taxonomy, scoring, now });
  return {
    ...positionMethods({ store, taxonomy, now, parseJobDescription: parseJd }),
    ...roleMethods(parts),
    ...gapMethods(parts),
    taxonomy,
    now,
    ingest: (inputs, options) => pipeline.ingest(inputs, options),
    trust: createTrustService(store.trust, now),
    match: (position, options) => rank("match", resolvePosition(position, taxonomy), options),
    search: (position, options) => rank("search", resolvePosition(position, taxonomy), options),
    ...jobDescriptionMethods({
      parse: parseJd,
      match: (resolved, options) => rank("match", resolved, options),
      analyser,
    }),
    async explain(asked, position, options = {}) {
      const candidateId = blinding.resolve(asked);
      const candidate = store.getCandidate(candidateId);
      if (!candidate) throw new LerError("not_found", `no candidate with id "${asked}"`);
      const args = rankingInputs("match", resolvePosition(position, taxonomy), options);
      const result = await explainOne({ ...args, candidateId });
      return args.options.blind ? (blinding.blind([result])[0] as typeof result) : result;
    },
    analyse: analyser.analyse,
    alerts: createAlerts({ store, taxonomy, now }, parts.positions ?? savedPositionSource(store.positions)),
    personBehind: (candidateId) => blinding.resolve(candidateId),
    async profile(candidateId) {
      const candidate = store.getCandidate(candidateId);
      if (!candidate) throw new LerError("not_found", `no candidate with id "${candidateId}"`);
      const evidence = store.evidenceFor([candidateId]).get(candidateId) ?? [];
      return buildProfile(candidate, store.listDocuments(candidateId), evidence, taxonomy, now());
    },
    access,
    erase: (personId, by) => eraseCandidate(erasure, personId, by),
    applyRetention: (days) => applyRetention(erasure, days),
    async deleteCandidate(candidateId) {
      if (!store.deleteCandidate(candidateId))
        throw new LerError("not_found", `no candidate with id "${candidateId}"`);
      await syncIndex();
    },
    parseJobDescription: (text) => parseJobDescription(text, { taxonomy, occupations: parts.occupations }),
    parseJobDescriptionAsync: (text) =>
      parseJobDescriptionAsync(text, { taxonomy, occupations: parts.occupations }),
    async applyStatusLists(lists) {
      const applied = applyStatusLists(store, parseStatusLists(lists));
      await syncIndex();
      return applied;
    },
    async reindex() {
      const candidates = [...toIndexedCandidates(store.indexableCandidates(undefined), scoring.trust)];
      if (index.rebuild) await index.rebuild(candidates);
      else await index.upsert(candidates);
      return { backend: index.name, candidates: candidates.length };
    },
    async health() {
      const [backend, stats] = [await index.health(), store.stats()];
      return {
        ...backend,
        candidates: stats.candidates,
        assertions: stats.assertions,
        outboxPending: stats.outboxPending,
      };
    },
    async close() {
      await worker.stop();
      await index.close();
      store.close();
    },
  };
}
