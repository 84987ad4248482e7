/**
 * The store's contract: the system of record (SQLite via drizzle). Implemented by store.ts;
 * used by the ingestion pipeline, the engine, the outbox worker and the API.
 */
import type { DegreeEvidence } from "../domain/education.ts";
import type { LerError } from "../domain/errors.ts";
import type { EvidenceRow, ExplainedRow, IndexableCandidate } from "../domain/evidence.ts";
import type { Candidate, LerDocument, SkillAssertion } from "../domain/schemas.ts";
import type { PositionStore } from "./positions.ts";
import type { SecurityStore } from "./security-store.ts";
import type { TaxonomyTables } from "./taxonomy-store.ts";
import type { TrustStore } from "./trust-store.ts";

/** One document ready to write: everything resolved and normalised, ids assigned. */
export interface DocumentWrite {
  candidate: Candidate;
  document: LerDocument;
  assertions: SkillAssertion[];
  /** degrees the document records (education.ts), kept apart from skill assertions */
  degrees?: DegreeEvidence[];
  /** the organisation writing it (DEFAULT_ORG when unset); a person belongs to one organisation */
  org?: string;
  /**
   * Whether the writer may change the name or email of a person already on record (admin, the
   * operator's CLI); otherwise a different non-empty value fails with `identity_locked`.
   */
  mayChangeIdentity?: boolean;
}

export type WriteOutcome = "stored" | "replaced" | "unchanged";

export interface OutboxItem {
  id: number;
  candidateId: string;
  op: "upsert" | "delete";
  attempts: number;
}

export interface StoreStats {
  candidates: number;
  documents: number;
  assertions: number;
  outboxPending: number;
}

export interface Store {
  /**
   * Writes each document in its own transaction (all of its rows or none) and enqueues an
   * outbox item for its candidate in that same transaction. Identical content → "unchanged";
   * same document id with new content → "replaced" (old assertions removed). A document id that
   * belongs to another person throws LerError("conflict"), unless that person is anonymous; so does
   * a person or document id of another organisation. A different name or email for a person on
   * record throws LerError("identity_locked") unless `mayChangeIdentity`.
   */
  writeDocument(write: DocumentWrite): WriteOutcome;
  /**
   * writeDocument for many documents in one commit: each document is still all-or-nothing (a
   * savepoint of its own), and a document that fails is reported in place, the others still land.
   */
  writeDocuments(writes: readonly DocumentWrite[]): (WriteOutcome | LerError)[];
  getCandidate(id: string): Candidate | undefined;
  listDocuments(candidateId: string): LerDocument[];
  getDocument(id: string): LerDocument | undefined;
  /**
   * Ids of the documents whose verification depends on the trust list, keys or contexts: those
   * with a compact JWS or with a proof in any credential checked (never those verified before
   * verification existed, nor those with no proof at all).
   */
  documentsWithProofs(): string[];
  /** Evidence rows per candidate, in document order; only rows on `concepts` when given. */
  evidenceFor(candidateIds: readonly string[], concepts?: readonly string[]): Map<string, EvidenceRow[]>;
  /** The same rows with only what an explanation reads (ExplainedRow): what a match page reads back. */
  explainedEvidenceFor(
    candidateIds: readonly string[],
    concepts?: readonly string[],
  ): Map<string, ExplainedRow[]>;
  /** Each known candidate's display name (null when none is on record); unknown ids are left out. */
  namesOf(candidateIds: readonly string[]): Map<string, string | null>;
  /** Removes the candidate and every row about them; false when unknown. */
  deleteCandidate(id: string): boolean;
  /**
   * The indexable rows of these candidates (all when undefined), page by page, for building an
   * index or draining the outbox; scoring turns them into the index's view (toIndexedCandidates).
   */
  indexableCandidates(ids: readonly string[] | undefined): Iterable<IndexableCandidate>;
  candidateIds(): string[];
  /** Every assertion of these concepts, whoever holds it (credentials under watch). */
  evidenceOfConcepts(conceptIds: readonly string[]): EvidenceRow[];
  /** Every stored degree, for the education side of a position analysis. */
  allDegrees(): DegreeEvidence[];
  setRevocation(documentId: string, status: LerDocument["revocation"]): void;
  /** Documents that carry a credentialStatus, for re-checking against a status list. */
  documentsWithCredentialStatus(): { id: string; candidateId: string; credentialStatus: unknown }[];
  outboxPending(limit: number, nowMs: number): OutboxItem[];
  outboxAck(ids: readonly number[]): void;
  outboxRetry(id: number, error: string, nextAttemptMs: number): void;
  stats(): StoreStats;
  /** The operator's trust list and issuer keys (docs/verification.md). */
  trust: TrustStore;
  /** API keys, the audit trail and erasure receipts, in the same database. */
  readonly security: SecurityStore;
  /** Folds the write-ahead log into the database file and truncates it (after an erasure). */
  checkpoint(): void;
  /** Positions the organisation saved (positions.ts). */
  readonly positions: PositionStore;
  /**
   * The store as one organisation sees it (org-scope.ts). The store openStore returns reads every
   * organisation (the index feed, the outbox worker, retention) and writes, saves positions and keeps
   * trust for the default one; the engine only ever reads through an organisation's view.
   */
  forOrg(org: string): Store;
  /** The imported taxonomies' tables, over this same connection. */
  readonly taxonomy: TaxonomyTables;
  close(): void;
}
