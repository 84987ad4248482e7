/**
 * The index view of a candidate's evidence rows, derived with the scoring model's own date
 * parsing and trust, so an index built from it scores exactly as scoreCandidate does.
 */
import type { IndexedCandidate } from "../search/backend.ts";
import type { EvidenceRow } from "../store/types.ts";
import type { ScoringConfig } from "./config.ts";
import { evidenceDate, parseIsoDateMs } from "./dates.ts";
import { isVerified, trust } from "./factors.ts";

export function toIndexedCandidate(
  candidateId: string,
  rows: readonly EvidenceRow[],
  cfg: ScoringConfig,
): IndexedCandidate {
  const assertions = [];
  for (const row of rows) {
    if (row.conceptId === null) continue;
    assertions.push({
      assertionId: row.id,
      conceptId: row.conceptId,
      level: row.level,
      sourceKind: row.sourceKind,
      trust: trust(row.sourceKind, cfg),
      verified: isVerified(row),
      dateMs: parseIsoDateMs(evidenceDate(row)),
      validUntilMs: parseIsoDateMs(row.validUntil),
      revoked: row.revoked,
    });
  }
  return { id: candidateId, assertions };
}
