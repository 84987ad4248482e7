/**
 * The index view of evidence rows, derived with the scoring model's own date parsing and trust,
 * so an index built from it scores exactly as scoreCandidate does — from the scorer's rows or
 * from the store's indexable rows alike.
 */

import { DEFAULT_ORG } from "../domain/access.ts";
import { evidenceDate, parseIsoDateMs } from "../domain/dates.ts";
import type {
  EvidenceRow,
  IndexableCandidate,
  IndexableRow,
  IndexedAssertion,
  IndexedCandidate,
} from "../domain/evidence.ts";
import type { SourceKind } from "../domain/schemas.ts";
import type { ScoringConfig } from "./config.ts";
import { isVerified, trust } from "./factors.ts";

export function toIndexedAssertion(
  row: IndexableRow,
  trustOf: (kind: SourceKind) => number,
): IndexedAssertion {
  return {
    assertionId: row.id,
    conceptId: row.conceptId,
    level: row.level,
    sourceKind: row.sourceKind,
    issuer: row.issuer,
    trust: trustOf(row.sourceKind),
    verified: isVerified(row),
    dateMs: parseIsoDateMs(evidenceDate(row)),
    validUntilMs: parseIsoDateMs(row.validUntil),
    revoked: row.revoked,
  };
}

export function toIndexedCandidate(
  candidateId: string,
  rows: readonly EvidenceRow[],
  cfg: ScoringConfig,
  org: string = DEFAULT_ORG,
): IndexedCandidate {
  const trustOf = (kind: SourceKind) => trust(kind, cfg);
  const assertions: IndexedAssertion[] = [];
  for (const row of rows) {
    const { conceptId } = row;
    if (conceptId !== null) assertions.push(toIndexedAssertion({ ...row, conceptId }, trustOf));
  }
  return { id: candidateId, org, assertions };
}

/** The index's view of the store's indexable rows, lazily, page for page as the store yields them. */
export function* toIndexedCandidates(
  candidates: Iterable<IndexableCandidate>,
  trust: Record<SourceKind, number>,
): Iterable<IndexedCandidate> {
  const trustOf = (kind: SourceKind) => trust[kind];
  for (const { id, org, rows } of candidates)
    yield { id, org, assertions: rows.map((row) => toIndexedAssertion(row, trustOf)) };
}
