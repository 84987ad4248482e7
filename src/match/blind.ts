/**
 * A blind first look: the same ranking and every piece of evidence, with what identifies the
 * person — name, email, location, ids built from them, an issuer or place that names them —
 * replaced by a stable pseudonym ("Candidate 7F3A9C"), so the first screening pass judges skills.
 */
import { createHash } from "node:crypto";
import type { Evidence, MatchResult, RankedCandidate } from "../domain/match.ts";
import type { Candidate } from "../domain/schemas.ts";

export const BLIND_PREFIX = "blind-";
export const WITHHELD = "(withheld: names the candidate)";

const digest = (kind: string, value: string) =>
  createHash("sha256").update(`ler-match/blind/${kind}\0${value}`).digest("hex");

/** The same person gets the same pseudonym on every page and every call. */
export function pseudonymFor(candidateId: string): { id: string; label: string } {
  const hex = digest("candidate", candidateId);
  return { id: `${BLIND_PREFIX}${hex.slice(0, 16)}`, label: `Candidate ${hex.slice(0, 6).toUpperCase()}` };
}

/** Record ids carry the person's id (often an e-mail); blind ones are opaque but still distinct. */
const opaque = (id: string) => `ref-${digest("record", id).slice(0, 12)}`;

/** The strings that would identify the person wherever they appear. */
function revealing(candidateId: string, person: Candidate | undefined): string[] {
  const local = person?.email?.split("@")[0];
  return [candidateId, person?.name, person?.email, local, person?.location]
    .filter((s): s is string => typeof s === "string" && s.trim().length >= 3)
    .map((s) => s.trim().toLowerCase());
}

export function blindResult(result: MatchResult, person: Candidate | undefined): MatchResult {
  const reveals = revealing(result.candidateId, person);
  const mask = (s: string | null) =>
    s !== null && reveals.some((r) => s.toLowerCase().includes(r)) ? WITHHELD : s;
  const evidence = (e: Evidence): Evidence => ({
    ...e,
    assertionId: opaque(e.assertionId),
    documentId: opaque(e.documentId),
    issuer: mask(e.issuer),
    wherePracticed: mask(e.wherePracticed),
  });
  const { id, label } = pseudonymFor(result.candidateId);
  const { explanation } = result;
  return {
    ...result,
    candidateId: id,
    name: label,
    explanation: {
      ...explanation,
      requirements: explanation.requirements.map((r) => ({
        ...r,
        evidence: r.evidence.map(evidence),
        best: r.best && evidence(r.best),
        runnerUp: r.runnerUp && evidence(r.runnerUp),
        setAside: r.setAside.map((s) => ({ ...s, assertionId: opaque(s.assertionId) })),
      })),
      excluded: explanation.excluded.map((x) => ({
        ...x,
        assertionId: opaque(x.assertionId),
        documentId: opaque(x.documentId),
      })),
    },
  };
}

/** A result without its explanation, blind: only who it is changes. */
export function blindRanked(result: RankedCandidate): RankedCandidate {
  const { id, label } = pseudonymFor(result.candidateId);
  return { ...result, candidateId: id, name: label };
}
