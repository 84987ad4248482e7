/**
 * The engine facade: what the API, the CLI and the pages call. One implementation wires the store,
 * the taxonomy, the ingestion pipeline, a search backend and the scoring model together.
 */

import type { StatusApplied } from "../../indexer/status-list.ts";
import type { IngestInput, IngestReport } from "../../indexer/types.ts";
import type { JobDescriptionParse } from "../../taxonomy/jd/types.ts";
import type { Taxonomy } from "../../taxonomy/model.ts";
import type { ErasureReceipt } from "../domain/access.ts";
import type { AlertsReport } from "../domain/alerts.ts";
import type { Clock } from "../domain/clock.ts";
import type { EvidenceRow } from "../domain/evidence.ts";
import type { MatchResult, RankedCandidate } from "../domain/match.ts";
import type { Candidate, LerDocument, MatchOptions, PositionInput, Requirement } from "../domain/schemas.ts";
import type { ExclusionReason } from "../scoring/factors.ts";
import type { BackendHealth } from "../search/backend.ts";
import type { Access } from "./access.ts";
import type { AlertsQuery } from "./alerts.ts";
import type { AnalysedPosition, PositionAnalysis } from "./analyse.ts";
import type { GapMethods } from "./gaps.ts";
import type { PositionMethods } from "./positions.ts";
import type { RoleMethods } from "./roles.ts";
import type { TrustService } from "./trust.ts";

export interface MatchPage {
  /** The requirements as understood (resolved concepts). */
  requirements: Requirement[];
  /** Requirement texts that did not resolve to a concept. */
  unresolved: string[];
  /** Candidates with any evidence for any requirement (qualified or not, before paging), up to the candidate pool. */
  total: number;
  /** false when the count stopped at the candidate pool: more people may have evidence */
  totalExact: boolean;
  results: MatchResult[];
}

export interface JobDescriptionPosition {
  jobDescription: JobDescriptionParse;
  /** Its requirements as a position to edit or save; skills inferred from the title are never required. */
  position: PositionInput;
}

/** A page of `match` or `search`'s ranking alone: the same people, order and keys, no explanations. */
export interface RankingPage extends Omit<MatchPage, "results"> {
  results: RankedCandidate[];
}

export type JobDescriptionMatch = MatchPage & { jobDescription: JobDescriptionParse };

/**
 * Each fails with 422 unknown_concept when no skill in the text resolves, 422
 * too_many_requirements past a position's limit, and 503 timeout past the parse's time budget.
 */
export interface JobDescriptionMethods {
  /** What a pasted job description asks for, as a position. */
  positionFromJobDescription(text: string): Promise<JobDescriptionPosition>;
  /** Rank candidates against what a pasted job description asks for. */
  matchJobDescription(text: string, options?: Partial<MatchOptions>): Promise<JobDescriptionMatch>;
  /** What each required skill of a pasted job description costs in qualified people, and its degrees. */
  analyseJobDescription(text: string, options?: Partial<MatchOptions>): Promise<PositionAnalysis>;
}

export interface CandidateProfile {
  candidate: Candidate;
  documents: Omit<LerDocument, "raw" | "compactJws">[];
  skills: ProfileSkill[];
  unresolved: { skillText: string; documentId: string }[];
}

export interface ProfileSkill {
  conceptId: string;
  label: string;
  /** best live canonical level */
  level: number | null;
  verified: boolean;
  evidence: ProfileEvidence[];
}

/** A row of evidence with why it does not count now (revoked, expired), or null when it counts. */
export type ProfileEvidence = EvidenceRow & {
  excluded: Extract<ExclusionReason, "revoked" | "expired"> | null;
};

/**
 * Saved positions, roles for a person, a team's gap and the pasted-job-description use cases live
 * in positions.ts, roles.ts, gaps.ts and job-descriptions.ts.
 */
export interface Engine extends PositionMethods, RoleMethods, GapMethods, JobDescriptionMethods {
  /**
   * The organisation this engine acts for: every read, count, write, key, audit row, trust
   * decision and saved position is this organisation's alone (openEngine: the default one).
   */
  readonly org: string;
  /** The same engine acting for another organisation (a request's key, the CLI's --org). */
  forOrg(org: string): Engine;
  readonly taxonomy: Taxonomy;
  /** The engine's one "now" (LER_MATCH_NOW, else the real clock): everything time-dependent reads it. */
  readonly now: Clock;
  /** `attestedBy`: the operator or API key that verified the documents upstream (docs/verification.md). */
  /**
   * `mayChangeIdentity` (default true: the caller is the operator): whether a document may change
   * the name or email of a person on record; the API passes false for a key that is not admin.
   * `maxDocuments`: refuse the call (413 too_many_documents), storing nothing, past this many documents.
   */
  ingest(
    inputs: IngestInput[],
    options?: { dryRun?: boolean; attestedBy?: string; mayChangeIdentity?: boolean; maxDocuments?: number },
  ): Promise<IngestReport>;
  /** The issuer trust list and operator-supplied issuer keys. */
  readonly trust: TrustService;
  /** Rank candidates against a position; `required` requirements disqualify. */
  match(position: PositionInput, options?: Partial<MatchOptions>): Promise<MatchPage>;
  /** Recruiter search: `required` skills with a minLevel are exact hard filters. */
  search(position: PositionInput, options?: Partial<MatchOptions>): Promise<MatchPage>;
  /**
   * `match` or `search`'s page without explanations (POST /v1/match with explain "none"): a backend
   * that scores exactly answers from its own ranking keys, reading no evidence.
   */
  ranking(
    mode: "match" | "search",
    position: PositionInput,
    options?: Partial<MatchOptions>,
  ): Promise<RankingPage>;
  /** Explain one candidate against a position (also when they would not be retrieved). */
  explain(
    candidateId: string,
    position: PositionInput,
    options?: Partial<MatchOptions>,
  ): Promise<MatchResult>;
  /** What each required requirement costs in qualified people, over the whole population. */
  analyse(position: AnalysedPosition, options?: Partial<MatchOptions>): Promise<PositionAnalysis>;
  /** Required licences and certifications that expire within N days, expired, or were revoked. */
  alerts(query?: AlertsQuery): Promise<AlertsReport>;
  /** The person behind a blind pseudonym (any other id as it is): the audit trail names people. */
  personBehind(candidateId: string): string;
  profile(candidateId: string): Promise<CandidateProfile>;
  deleteCandidate(candidateId: string): Promise<void>;
  /** API keys and the audit trail. */
  readonly access: Access;
  /** Removes the person from every copy (store, index, outbox, log) and returns the receipt. */
  erase(personId: string, by: string): Promise<ErasureReceipt>;
  /** Erases everyone, of every organisation, whose newest document is older than `days` days. */
  applyRetention(days: number): Promise<{ erased: number }>;
  parseJobDescription(text: string): JobDescriptionParse;
  /**
   * The same parse for a server: lets other requests run every few milliseconds, and fails with
   * `timeout` (503) past its time budget, so one long text never stalls the process.
   */
  parseJobDescriptionAsync(text: string): Promise<JobDescriptionParse>;
  /**
   * Re-marks stored documents from status lists the user supplies (Bitstring / StatusList2021
   * credentials, or { revoked: [ids] }); documents no list covers stay "unchecked".
   */
  applyStatusLists(lists: unknown[]): Promise<StatusApplied>;
  /** Rebuilds the search index, every organisation's people, from the store. */
  reindex(): Promise<{ backend: string; candidates: number }>;
  health(): Promise<BackendHealth & { candidates: number; assertions: number; outboxPending: number }>;
  close(): Promise<void>;
}
