/**
 * Roles for a person: every occupation and saved position ranked by the one evidence model, the
 * same score and explanation a match gives, read from the person's own evidence.
 *
 * Sparse and exact. A target scores above zero only if some live piece of the person's evidence
 * bears on one of its requirements (relatedness > 0), so the index maps each evidence concept to
 * the targets it can count for, built once from the taxonomy's neighbourhoods. Each requirement's
 * estimate depends only on its concept, its minimum and the person's live evidence — not on the
 * target — so it is weighed once per person and shared by every target that asks for it. The
 * score is then `aggregate` over the same weighed requirements scoreCandidate uses: the same
 * numbers bit for bit, which the tests check against scoring every target (rankRolesExhaustive).
 */
import type { Taxonomy } from "../../taxonomy/model.ts";
import type { Requirement } from "../domain/schemas.ts";
import type { ScoringConfig } from "../scoring/config.ts";
import { relatedness } from "../scoring/factors.ts";
import { compareRanked } from "../scoring/rank.ts";
import {
  aggregate,
  type CandidateScore,
  liveEvidence,
  type ScoringContext,
  scoreCandidate,
  type Weighed,
  weighRequirement,
} from "../scoring/score.ts";
import type { EvidenceRow } from "../store/types.ts";
import { type RoleTarget, targetKey } from "./targets.ts";

export interface RoleIndex {
  targets: readonly RoleTarget[];
  /** per target, the slot of each requirement: one slot per distinct (concept, minimum) asked */
  slotsOf: readonly Int32Array[];
  /** each slot's requirement, as first asked (weight and required do not enter an estimate) */
  slotRequirement: readonly Requirement[];
  /** evidence concept → indices of the targets it can count for */
  targetsReached: ReadonlyMap<string, readonly number[]>;
  /** evidence concept → the slots it can count for */
  slotsReached: ReadonlyMap<string, readonly number[]>;
}

export function buildRoleIndex(
  targets: readonly RoleTarget[],
  taxonomy: Taxonomy,
  config: ScoringConfig,
): RoleIndex {
  const slotByKey = new Map<string, number>();
  const slotRequirement: Requirement[] = [];
  const slotsReached = new Map<string, number[]>();
  const heldFor = new Map<string, string[]>();
  const heldConcepts = (asked: string): string[] => {
    let held = heldFor.get(asked);
    if (!held) {
      held = [];
      // the members of relationsFor's map (relations.ts), weighed without keeping the map: an index
      // over ESCO asks this of ~14k concepts and keeps only the ~1 in 6 neighbours that count
      for (const id of new Set([asked, ...taxonomy.neighbourhood(asked)])) {
        const sim = taxonomy.relation(asked, id);
        if (relatedness(sim.relation, sim.strength, config) > 0) held.push(id);
      }
      heldFor.set(asked, held);
    }
    return held;
  };
  const slotOf = (r: Requirement): number => {
    const key = `${r.conceptId}\u0000${r.minLevel ?? ""}`;
    let slot = slotByKey.get(key);
    if (slot === undefined) {
      slot = slotRequirement.length;
      slotByKey.set(key, slot);
      slotRequirement.push(r);
      for (const id of heldConcepts(r.conceptId)) {
        const list = slotsReached.get(id);
        if (list) list.push(slot);
        else slotsReached.set(id, [slot]);
      }
    }
    return slot;
  };
  const targetsReached = new Map<string, number[]>();
  const slotsOf = targets.map((t, i) => {
    const slots = Int32Array.from(t.requirements, slotOf);
    for (const r of t.requirements)
      for (const id of heldConcepts(r.conceptId)) {
        const list = targetsReached.get(id);
        if (!list) targetsReached.set(id, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    return slots;
  });
  return { targets, slotsOf, slotRequirement, targetsReached, slotsReached };
}

/** A target's place for one person: the ordering keys of compareRanked, keyed by the target. */
export interface RoleRank {
  target: RoleTarget;
  candidateId: string;
  score: number;
  unmetRequired: number;
  levelSurplus: number;
}

export type RoleContext = Omit<ScoringContext, "hardRequired" | "candidateId">;

/** Every target the person's evidence bears on, best first (compareRanked). */
export function rankRoles(index: RoleIndex, evidence: readonly EvidenceRow[], ctx: RoleContext): RoleRank[] {
  const live = liveEvidence(evidence, ctx);
  const weighCtx = { taxonomy: ctx.taxonomy, config: ctx.config, nowMs: ctx.nowMs };
  const reachable = new Set<number>();
  const weighed: (Weighed | undefined)[] = new Array(index.slotRequirement.length);
  for (const e of live) {
    for (const i of index.targetsReached.get(e.conceptId) ?? []) reachable.add(i);
    for (const slot of index.slotsReached.get(e.conceptId) ?? [])
      weighed[slot] ??= weighRequirement(index.slotRequirement[slot] as Requirement, live, weighCtx);
  }
  const ranked: RoleRank[] = [];
  if (reachable.size === 0) return ranked;
  // every requirement no live piece bears on has the same estimate: no evidence
  const untouched = weighRequirement(index.slotRequirement[0] as Requirement, [], weighCtx);
  for (const i of reachable) {
    const target = index.targets[i] as RoleTarget;
    const slots = index.slotsOf[i] as Int32Array;
    const ws: Weighed[] = new Array(slots.length);
    let found = false;
    for (let k = 0; k < slots.length; k++) {
      const w = weighed[slots[k] as number] ?? untouched;
      found ||= w.estimate.basis !== "none";
      ws[k] = w;
    }
    if (!found) continue;
    const { score, unmetRequired, levelSurplus } = aggregate(target.requirements, ws, false);
    ranked.push({ target, candidateId: targetKey(target), score, unmetRequired, levelSurplus });
  }
  return ranked.sort(compareRanked);
}

/** The reference: scoreCandidate over every target. rankRoles must agree with it exactly. */
export function rankRolesExhaustive(
  targets: readonly RoleTarget[],
  evidence: readonly EvidenceRow[],
  ctx: RoleContext,
): RoleRank[] {
  const ranked: RoleRank[] = [];
  for (const target of targets) {
    const s = scoreRole(target, evidence, ctx);
    if (s.explanation.found.length === 0) continue;
    ranked.push({
      target,
      candidateId: s.candidateId,
      score: s.score,
      unmetRequired: s.unmetRequired,
      levelSurplus: s.levelSurplus,
    });
  }
  return ranked.sort(compareRanked);
}

/** One target scored and explained for one person, exactly as a match would. */
export const scoreRole = (
  target: RoleTarget,
  evidence: readonly EvidenceRow[],
  ctx: RoleContext,
): CandidateScore =>
  scoreCandidate(target.requirements, evidence, {
    ...ctx,
    hardRequired: false,
    candidateId: targetKey(target),
  });
