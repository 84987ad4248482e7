/**
 * What every search backend implements (DESIGN.md, "Search backends"). A backend retrieves;
 * the final score and explanation are computed once, by src/scoring, for every backend.
 */
import type { IndexedCandidate, RetrievalFilters } from "../domain/evidence.ts";
import type { Requirement } from "../domain/schemas.ts";

export interface RetrievalQuery {
  requirements: Requirement[];
  filters: RetrievalFilters;
  /** "now" for expiry and recency, so a query is reproducible. */
  nowMs: number;
  /** Required requirements are hard filters (recruiter search) rather than disqualifiers. */
  hardRequired: boolean;
  /**
   * false: the hits' `matched` may be left empty. Re-scoring does not read them, and Elasticsearch
   * names them by running every named clause again on every hit (half its first stage's time).
   */
  namesMatched?: boolean;
}

export interface Retrieved {
  candidateId: string;
  /** The backend's estimate; exact for the embedded backend. */
  score: number;
  /** Requirement concept ids the hit matched (may be empty when the query's namesMatched is false). */
  matched: string[];
  /**
   * Present when `score` is the evidence model's exact score: the rest of the ranking keys, so the
   * caller can cut the page before reading any evidence.
   */
  exact?: { unmetRequired: number; levelSurplus: number };
}

export interface BackendHealth {
  backend: "embedded" | "elasticsearch";
  state: "ok" | "degraded" | "unavailable";
  documents: number;
  detail?: string;
}

export interface CandidateIndex {
  readonly name: "embedded" | "elasticsearch";
  upsert(batch: IndexedCandidate[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  /** Recall-oriented first stage: the best k candidates for the query, best first. */
  retrieve(q: RetrievalQuery, k: number): Promise<Retrieved[]>;
  /**
   * A backend that scores exactly ranks once for a page: the best k, each with its `exact` keys,
   * and how many candidates with evidence retrieve(q, pool) would return.
   */
  retrievePage?(q: RetrievalQuery, k: number, pool: number): Promise<{ hits: Retrieved[]; pooled: number }>;
  /** An estimating backend's own pool for exact re-scoring, measured for its first stage. */
  readonly candidatePool?: number;
  health(): Promise<BackendHealth>;
  /** Rebuilds the whole index from the store's view (Elasticsearch: a new index, then an alias swap). */
  rebuild?(candidates: Iterable<IndexedCandidate>): Promise<void>;
  /** True when what the index holds was built for an older document layout and must be rebuilt. */
  outdated?(): Promise<boolean>;
  close(): Promise<void>;
}
