/**
 * Roles for a person: every occupation and saved position ranked by the one evidence model, the
 * same score and explanation a match gives, read from the person's own evidence.
 *
 * Sparse and exact. A target scores above zero only if some live piece of the person's evidence
 * bears on one of its requirements (relatedness > 0), so the index maps each evidence concept to
 * the requirements it can count for, read from its neighbourhood when it is first held. Each requirement's
 * estimate depends only on its concept, its minimum and the person's live evidence — not on the
 * target — so it is weighed once per person and shared by every target that asks for it. The
 * score is then `aggregate` over the same weighed requirements scoreCandidate uses: the same
 * numbers bit for bit, which the tests check against scoring every target (rankRolesExhaustive).
 */
import type { Taxonomy } from "../../taxonomy/model.ts";
import type { EvidenceRow } from "../domain/evidence.ts";
import { getOrMake } from "../domain/maps.ts";
import { askedConcepts, type Requirement } from "../domain/schemas.ts";
import type { ScoringConfig } from "../scoring/config.ts";
import { relatedness } from "../scoring/factors.ts";
import { compareRanked } from "../scoring/ranking-order.ts";
import {
  aggregate,
  type CandidateScore,
  liveEvidence,
  type ScoringContext,
  scoreCandidate,
  type Weighed,
  weighRequirement,
} from "../scoring/score.ts";
import { type RoleTarget, targetKey } from "./targets.ts";

export interface RoleIndex {
  targets: readonly RoleTarget[];
  /** per target, the slot of each requirement: one slot per distinct (concept, minimum) asked */
  slotRequirement: readonly Requirement[];
  slotsOf: readonly Int32Array[];
  /** per slot, the targets that ask for it */
  targetsOf: readonly (readonly number[])[];
  /** evidence concept → the slots it can count for, worked out when the concept is first held */
  slotsReached(held: string): readonly number[];
}

/**
 * Which side the slots a held concept reaches are worked out from: "held", concept by concept as
 * people's evidence meets them (many targets, one person); "asked", all at once from the targets'
 * concepts (a few requirements met by a whole team).
 */
export type ReachFrom = "held" | "asked";

/**
 * Cheap to build: the slots and who asks for them. Which slots a held concept reaches is read from
 * the held concept's own neighbourhood, which holds every asked concept it bears on (a relation
 * other than "none" works both ways), so only the concepts people actually hold are ever weighed —
 * weighing every asked concept's neighbourhood up front took seconds over ESCO.
 */
export function buildRoleIndex(
  targets: readonly RoleTarget[],
  taxonomy: Taxonomy,
  config: ScoringConfig,
  reachFrom: ReachFrom = "held",
): RoleIndex {
  const slotByKey = new Map<string, number>();
  const slotRequirement: Requirement[] = [];
  const targetsOf: number[][] = [];
  const slotsAsking = new Map<string, number[]>();
  const slotOf = (r: Requirement): number => {
    const concepts = askedConcepts(r);
    const key = `${concepts.join("\u0001")}\u0000${r.minLevel ?? ""}`;
    return getOrMake(slotByKey, key, () => {
      const slot = slotRequirement.length;
      slotRequirement.push(r);
      targetsOf.push([]);
      for (const asked of concepts) getOrMake(slotsAsking, asked, () => []).push(slot);
      return slot;
    });
  };
  const slotsOf = targets.map((t, i) => {
    const slots = Int32Array.from(t.requirements, slotOf);
    for (const slot of slots) {
      const askers = targetsOf[slot] as number[];
      if (askers[askers.length - 1] !== i) askers.push(i);
    }
    return slots;
  });
  // The siblings left out of the close neighbourhood all weigh as an unmeasured sibling: unless a
  // config makes that count for something, they need no weighing one by one (~2 in 3 over ESCO).
  const nearby =
    relatedness("sibling", 0, config) > 0
      ? (held: string) => taxonomy.neighbourhood(held)
      : (held: string) => taxonomy.closeNeighbourhood(held);
  const reached = new Map<string, number[]>();
  if (reachFrom === "asked") {
    for (const [asked, own] of slotsAsking)
      for (const held of new Set([asked, ...nearby(asked)])) {
        const sim = taxonomy.relation(asked, held);
        if (relatedness(sim.relation, sim.strength, config) <= 0) continue;
        const slots = reached.get(held);
        if (slots) slots.push(...own);
        else reached.set(held, [...own]);
      }
    return { targets, slotRequirement, slotsOf, targetsOf, slotsReached: (held) => reached.get(held) ?? [] };
  }
  const slotsReached = (held: string): number[] => {
    let slots = reached.get(held);
    if (!slots) {
      slots = [];
      for (const asked of new Set([held, ...nearby(held)])) {
        const own = slotsAsking.get(asked);
        if (!own) continue;
        const sim = taxonomy.relation(asked, held);
        if (relatedness(sim.relation, sim.strength, config) > 0) slots.push(...own);
      }
      reached.set(held, slots);
    }
    return slots;
  };
  return { targets, slotRequirement, slotsOf, targetsOf, slotsReached };
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
  for (const e of live)
    for (const slot of index.slotsReached(e.conceptId)) {
      if (weighed[slot]) continue;
      weighed[slot] = weighRequirement(index.slotRequirement[slot] as Requirement, live, weighCtx);
      for (const i of index.targetsOf[slot] as number[]) reachable.add(i);
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
