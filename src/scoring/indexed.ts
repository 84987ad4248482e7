/**
 * The index view of evidence rows, derived with the scoring model's own date parsing and trust,
 * so an index built from it scores exactly as scoreCandidate does. The store builds its index
 * view with the same function.
 */
import type { SourceKind } from "../domain/schemas.ts";
import type { IndexedAssertion, IndexedCandidate } from "../search/backend.ts";
import type { EvidenceRow } from "../store/types.ts";
import type { ScoringConfig } from "./config.ts";
import { evidenceDate, parseIsoDateMs } from "./dates.ts";
import { isVerified, trust } from "./factors.ts";

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
): IndexedCandidate {
  const trustOf = (kind: SourceKind) => trust(kind, cfg);
  const assertions: IndexedAssertion[] = [];
  for (const row of rows) {
    const { conceptId } = row;
    if (conceptId !== null) assertions.push(toIndexedAssertion({ ...row, conceptId }, trustOf));
  }
  return { id: candidateId, assertions };
}
