/**
 * Estimate, then compare: what all the live evidence of one person says about one requirement
 * (docs/scoring.md). Pure, and the only place evidence is aggregated — the embedded index, the
 * re-scoring after Elasticsearch and the explanation all call it.
 *
 * 1. Pieces are grouped by source: one issuer of one kind is one voice, and everything a person
 *    says about themselves is one voice. Within a voice, a later record of a concept supersedes
 *    an earlier one, and the voice speaks through its strongest remaining piece.
 * 2. Voices about the skill itself (or a narrower form of it) are "direct"; when there are none,
 *    voices about neighbouring skills speak instead, below the level any direct voice reaches.
 * 3. Confidence C = 1 − Π(1 − reliability): independent voices that agree raise it.
 *    Meets Q = reliability-weighted mean of P(meets the minimum): voices that disagree pull it
 *    toward the middle. The estimate is P = floor + (1 − floor)·C·Q for direct evidence and
 *    floor·C·Q for neighbours only, so the skill itself always outranks its neighbours.
 */
import type { Relation } from "../domain/match.ts";
import type { SourceKind } from "../domain/schemas.ts";
import type { ScoringConfig } from "./config.ts";
import { isDirect, levelForEstimate } from "./factors.ts";

/** One live assertion weighed against one requirement. */
export interface Piece {
  assertionId: string;
  conceptId: string;
  relation: Relation;
  /** how much this concept says about the asked one (1 = the skill itself) */
  relatedness: number;
  level: number | null;
  sourceKind: SourceKind;
  issuer: string | null;
  dateMs: number | null;
  trust: number;
  recency: number;
  /** P(meets the asked minimum) read from this piece's level */
  meets: number;
}

export type Basis = "direct" | "neighbours" | "none";
export type SetAside = "superseded" | "same-source";

export interface CountedPiece {
  piece: Piece;
  reliability: number;
  /** this piece's share of the requirement's estimate; shares add up to 1 */
  share: number;
}

export interface RequirementEstimate {
  basis: Basis;
  /** P_r in 0…1: how likely the person meets this requirement */
  estimate: number;
  /** C: how sure the evidence is that the person has the skill (0 when there is none) */
  confidence: number;
  /** Q: how likely the level meets the minimum, given the evidence */
  meets: number;
  /** reliability-weighted level of the direct evidence; null without direct evidence */
  level: number | null;
  /** direct evidence puts the person at or above the minimum (any level, without one) */
  met: boolean;
  counted: CountedPiece[];
  setAside: { piece: Piece; reason: SetAside }[];
}

export const reliabilityOf = (p: Piece): number => p.relatedness * p.trust * p.recency;
const strengthOf = (p: Piece): number => reliabilityOf(p) * p.meets;

const NO_EVIDENCE: RequirementEstimate = Object.freeze({
  basis: "none",
  estimate: 0,
  confidence: 0,
  meets: 0,
  level: null,
  met: false,
  counted: [],
  setAside: [],
}) as RequirementEstimate;

/** One issuer of one kind is one voice; everything a person claims themselves is one voice. */
const voiceOf = (p: Piece): string =>
  p.sourceKind === "self-asserted" ? "self" : `${p.sourceKind}|${p.issuer ?? `?${p.assertionId}`}`;

/** Newer first; undated counts as oldest; then the stronger piece; then the id, for determinism. */
function newerFirst(a: Piece, b: Piece): number {
  const da = a.dateMs ?? Number.NEGATIVE_INFINITY;
  const db = b.dateMs ?? Number.NEGATIVE_INFINITY;
  if (da !== db) return db - da;
  return strengthOf(b) - strengthOf(a) || (a.assertionId < b.assertionId ? -1 : 1);
}

/** Each voice's one counted piece, and what it set aside. */
function voices(pieces: readonly Piece[]): { speaking: Piece[]; setAside: RequirementEstimate["setAside"] } {
  const byVoice = new Map<string, Piece[]>();
  for (const p of pieces) {
    const list = byVoice.get(voiceOf(p));
    if (list) list.push(p);
    else byVoice.set(voiceOf(p), [p]);
  }
  const speaking: Piece[] = [];
  const setAside: RequirementEstimate["setAside"] = [];
  for (const list of byVoice.values()) {
    const latestByConcept = new Map<string, Piece>();
    for (const p of [...list].sort(newerFirst)) {
      if (latestByConcept.has(p.conceptId)) setAside.push({ piece: p, reason: "superseded" });
      else latestByConcept.set(p.conceptId, p);
    }
    const [first, ...others] = [...latestByConcept.values()].sort(
      (a, b) => strengthOf(b) - strengthOf(a) || (a.assertionId < b.assertionId ? -1 : 1),
    );
    if (first) speaking.push(first);
    for (const p of others) setAside.push({ piece: p, reason: "same-source" });
  }
  // a fixed order, so the same evidence gives the same bits whatever order it arrived in
  speaking.sort((a, b) => (a.assertionId < b.assertionId ? -1 : 1));
  return { speaking, setAside };
}

export function estimateRequirement(
  pieces: readonly Piece[],
  minLevel: number | null,
  cfg: ScoringConfig,
): RequirementEstimate {
  const direct = pieces.filter((p) => isDirect(p.relation));
  const basis: Basis = direct.length > 0 ? "direct" : pieces.length > 0 ? "neighbours" : "none";
  if (basis === "none") return NO_EVIDENCE;
  const { speaking, setAside } = voices(basis === "direct" ? direct : pieces);
  let doubt = 1;
  let reliabilitySum = 0;
  let meetsSum = 0;
  let levelSum = 0;
  for (const p of speaking) {
    const r = reliabilityOf(p);
    doubt *= 1 - r;
    reliabilitySum += r;
    meetsSum += r * p.meets;
    levelSum += r * levelForEstimate(p.level, cfg);
  }
  const confidence = 1 - doubt;
  const meets = reliabilitySum > 0 ? meetsSum / reliabilitySum : 0;
  const floor = cfg.directFloor;
  const estimate = basis === "direct" ? floor + (1 - floor) * confidence * meets : floor * confidence * meets;
  const level = basis === "direct" && reliabilitySum > 0 ? levelSum / reliabilitySum : null;
  const met = basis === "direct" && (minLevel === null || (level !== null && level >= minLevel - 1e-9));
  const counted = speaking
    .map((piece) => {
      const reliability = reliabilityOf(piece);
      const share = meetsSum > 0 ? (reliability * piece.meets) / meetsSum : 1 / speaking.length;
      return { piece, reliability, share };
    })
    .sort((a, b) => b.share - a.share || (a.piece.assertionId < b.piece.assertionId ? -1 : 1));
  return { basis, estimate, confidence, meets, level, met, counted, setAside };
}
