/** A candidate's normalised profile: their skills, best live level, and the evidence behind each. */

import type { Taxonomy } from "../../taxonomy/model.ts";
import { type EvidenceRow, NO_FILTERS } from "../domain/evidence.ts";
import type { Candidate, LerDocument } from "../domain/schemas.ts";
import { isVerified, standingOf } from "../scoring/index.ts";
import type { CandidateProfile, ProfileEvidence, ProfileSkill } from "./types.ts";

export function buildProfile(
  candidate: Candidate,
  documents: LerDocument[],
  evidence: EvidenceRow[],
  taxonomy: Taxonomy,
  nowMs: number,
): CandidateProfile {
  const skills = new Map<string, ProfileSkill>();
  const unresolved: CandidateProfile["unresolved"] = [];
  for (const row of evidence) {
    if (row.conceptId === null) {
      unresolved.push({ skillText: row.skillText, documentId: row.documentId });
      continue;
    }
    const skill = skills.get(row.conceptId) ?? {
      conceptId: row.conceptId,
      label: taxonomy.get(row.conceptId)?.label ?? row.skillText,
      level: null,
      verified: false,
      evidence: [],
    };
    const excluded = exclusionAt(row, nowMs);
    skill.evidence.push({ ...row, excluded });
    if (excluded === null) {
      if (row.level !== null && (skill.level === null || row.level > skill.level)) skill.level = row.level;
      skill.verified ||= isVerified(row);
    }
    skills.set(row.conceptId, skill);
  }
  const ordered = [...skills.values()].sort(
    (a, b) => (b.level ?? -1) - (a.level ?? -1) || a.label.localeCompare(b.label),
  );
  return {
    candidate,
    documents: documents.map(({ raw: _raw, compactJws: _jws, ...rest }) => rest),
    skills: ordered,
    unresolved,
  };
}

/** Why a row does not count for scoring now, or null: the scoring model's own rule, without filters. */
function exclusionAt(row: EvidenceRow, nowMs: number): ProfileEvidence["excluded"] {
  // with no filters, the model excludes only what is revoked or expired
  return standingOf(row, nowMs, NO_FILTERS).excluded as ProfileEvidence["excluded"];
}
