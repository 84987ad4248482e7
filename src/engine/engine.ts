/**
 * The engine: store + taxonomy + pipeline + search backend + the one scoring model, behind the
 * Engine facade. Index updates always flow through the store's outbox, for every backend.
 */

import { createPipeline } from "../../indexer/pipeline.ts";
import { applyStatusLists, parseStatusLists } from "../../indexer/status-list.ts";
import { parseJobDescription, parseJobDescriptionAsync } from "../../taxonomy/jd/index.ts";
import type { Taxonomy } from "../../taxonomy/model.ts";
import type { OccupationProfile } from "../../taxonomy/starter.ts";
import { DEFAULT_ORG } from "../domain/access.ts";
import type { Clock } from "../domain/clock.ts";
import { LerError } from "../domain/errors.ts";
import { MatchOptions } from "../domain/schemas.ts";
import { blindRanked } from "../match/blind.ts";
import { explainOne, type PageTotal, type RankArgs, rankCandidates, rankingOnly } from "../match/rank.ts";
import type { ScoringConfig } from "../scoring/config.ts";
import { toIndexedCandidates } from "../scoring/indexed.ts";
import type { CandidateIndex } from "../search/backend.ts";
import type { OutboxWorker } from "../search/outbox-worker.ts";
import { scopeIndex } from "../search/scoped-index.ts";
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
import type { Engine, MatchPage, RankingPage } from "./types.ts";

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

/** The engine of the default organisation; `forOrg` gives any other, each built once. */
export function createEngine(parts: EngineParts): Engine {
  const engines = new Map<string, Engine>();
  const forOrg = (org: string): Engine => {
    const engine = engines.get(org) ?? orgEngine(parts, org, forOrg);
    engines.set(org, engine);
    return engine;
  };
  return forOrg(DEFAULT_ORG);
}

/**
 * One organisation's engine: the store seen through the organisation (org-scope.ts) and the index
 * asked with the organisation as a retrieval filter (scoped-index.ts), so nothing any method reads,
 * counts or writes crosses into another organisation. Rebuilding the index and retention stay
 * deployment-wide, on the whole store.
 */
function orgEngine(parts: EngineParts, org: string, forOrg: (org: string) => Engine): Engine {
  const { taxonomy, worker, scoring, now } = parts;
  const store = parts.store.forOrg(org);
  const index = scopeIndex(parts.index, org);
  const scoped = { ...parts, store, index };
  const blinding = createBlinding(store);
  const pipeline = createPipeline({ store, taxonomy, now, onStored: () => syncIndex() });
  const access = createAccess(store, now, org);
  const erasure = { store, org, access, now, syncIndex: () => worker.drainAll() };

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
    evidence: (ids: readonly string[], concepts?: readonly string[]) =>
      store.explainedEvidenceFor(ids, concepts),
    names: (ids: readonly string[]) => store.namesOf(ids),
    taxonomy,
    config: scoring,
    nowMs: now(),
  });

  /** A page of the ranking `how` ranks, blind when asked; a position must resolve to something. */
  async function pageOf<R>(
    mode: "match" | "search",
    resolved: ResolvedPosition,
    options: Partial<MatchOptions>,
    how: (args: RankArgs) => Promise<PageTotal & { results: R[] }>,
    blind: (results: R[]) => R[],
  ) {
    if (resolved.requirements.length === 0)
      throw new LerError(
        "unknown_concept",
        `no requirement resolved to a known skill: ${resolved.unresolved.join(", ")}`,
        {
          details: { unresolved: resolved.unresolved },
        },
      );
    const args = rankingInputs(mode, resolved, options);
    const { total, totalExact, results } = await how(args);
    return {
      requirements: resolved.requirements,
      unresolved: resolved.unresolved,
      total,
      totalExact,
      results: args.options.blind ? blind(results) : results,
    };
  }

  const rank = (
    mode: "match" | "search",
    resolved: ResolvedPosition,
    options: Partial<MatchOptions> = {},
  ): Promise<MatchPage> => pageOf(mode, resolved, options, rankCandidates, blinding.blind);

  const ranking = (
    mode: "match" | "search",
    resolved: ResolvedPosition,
    options: Partial<MatchOptions> = {},
  ): Promise<RankingPage> =>
    pageOf(mode, resolved, options, rankingOnly, (results) => results.map(blindRanked));

  const parseJd = (text: string) =>
    parseJobDescriptionAsync(text, { taxonomy, occupations: parts.occupations });
  const analyser = createAnalyser({ index, store, taxonomy, scoring, now });
  return {
    ...positionMethods({ store, taxonomy, now, parseJobDescription: parseJd }),
    ...roleMethods(scoped),
    ...gapMethods(scoped),
    org,
    forOrg,
    taxonomy,
    now,
    ingest: (inputs, options) => pipeline.ingest(inputs, options),
    trust: createTrustService(store.trust, now, () => pipeline.reverify()),
    match: (position, options) => rank("match", resolvePosition(position, taxonomy), options),
    search: (position, options) => rank("search", resolvePosition(position, taxonomy), options),
    ranking: (mode, position, options) => ranking(mode, resolvePosition(position, taxonomy), options),
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
    applyRetention: (days) =>
      applyRetention(
        (o) => ({ ...erasure, store: parts.store.forOrg(o), org: o, access: forOrg(o).access }),
        now,
        days,
      ),
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
      const { index: whole, store: all } = parts;
      const candidates = [...toIndexedCandidates(all.indexableCandidates(undefined), scoring.trust)];
      if (whole.rebuild) await whole.rebuild(candidates);
      else await whole.upsert(candidates);
      return { backend: whole.name, candidates: candidates.length };
    },
    async health() {
      const [backend, stats] = [await index.health(), store.stats()];
      return {
        ...backend,
        // the index's own figure counts every organisation's people
        documents: stats.candidates,
        candidates: stats.candidates,
        assertions: stats.assertions,
        outboxPending: stats.outboxPending,
      };
    },
    async close() {
      await worker.stop();
      await parts.index.close();
      parts.store.close();
    },
  };
}
