/**
 * Evidence as the layers pass it along: the store's rows with their document's state, and the
 * index's view of them. Plain data — the store fills it, scoring and the search backends read it.
 */
import type { SkillAssertion, SourceKind } from "./schemas.ts";

/** An assertion as the scoring model needs it: the row plus the state of its document. */
export interface EvidenceRow extends SkillAssertion {
  verified: boolean;
  /** Who vouches for it when verified: trusted issuers' names, or "attested by …" (docs/verification.md). */
  verifiedBy?: string | null;
  revoked: boolean;
  documentTitle: string | null;
  documentFormat: string;
}

/**
 * What scoring and its explanation read of a row: everything but how the skill was resolved, where
 * in the document it sat, and the document's title and format, which no explanation shows. A match
 * page reads only these columns back (src/store/evidence-query.ts).
 */
export type ExplainedRow = Omit<
  EvidenceRow,
  "resolution" | "sourcePath" | "documentTitle" | "documentFormat"
>;

/** What indexing needs of a resolved assertion and the state of its document. */
export type IndexableRow = Pick<
  EvidenceRow,
  | "id"
  | "level"
  | "sourceKind"
  | "issuer"
  | "verified"
  | "revoked"
  | "issuedAt"
  | "lastPracticedAt"
  | "validUntil"
> & { conceptId: string };

/** One candidate's indexable rows, as the store pages them out to build or refresh an index. */
export interface IndexableCandidate {
  id: string;
  /** the organisation the person belongs to: the index keeps it and filters on it */
  org: string;
  rows: IndexableRow[];
}

/** One live-or-not assertion as an index sees it: enough to retrieve and to approximate the score. */
export interface IndexedAssertion {
  assertionId: string;
  conceptId: string;
  level: number | null;
  sourceKind: SourceKind;
  /** who vouched: one issuer of one kind is one voice in the evidence model */
  issuer: string | null;
  trust: number;
  verified: boolean;
  /** Last practiced, else issued: epoch milliseconds, or null when unknown. */
  dateMs: number | null;
  /** epoch milliseconds, or null when it never expires */
  validUntilMs: number | null;
  revoked: boolean;
}

export interface IndexedCandidate {
  id: string;
  org: string;
  assertions: IndexedAssertion[];
}

export interface RetrievalFilters {
  /**
   * Only this organisation's people; every index applies it in its walk or query. Unset only where
   * no organisation asks (benchmarks, quality runs): the engine always sets it.
   */
  org?: string;
  verifiedOnly: boolean;
  /** epoch ms: evidence older than this does not count */
  practicedSinceMs: number | null;
}

/** Every piece of live evidence counts: no organisation, no verification or recency filter. */
export const NO_FILTERS: Readonly<RetrievalFilters> = { verifiedOnly: false, practicedSinceMs: null };
