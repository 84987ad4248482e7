/**
 * The gap between a person and one target: each requirement they do not meet, what closing it
 * would add to their score, and the nearest thing they already have.
 *
 * "Closing" is measured by the model itself: the person's evidence plus one verified credential of
 * the asked skill at the asked minimum, issued now, re-weighed and re-aggregated. Only the
 * requirements that credential bears on change, so the new score is exactly what scoreCandidate
 * would return over the extended evidence. A skill also counts as a neighbour of others in the
 * target, so closing it may lift them too — the gain includes that.
 */
import type { Taxonomy } from "../../taxonomy/model.ts";
import type { Relation, RequirementOutcome } from "../domain/match.ts";
import { askedConcepts, type Requirement } from "../domain/schemas.ts";
import type { ScoringConfig } from "../scoring/config.ts";
import { formatScore, scorePoints } from "../scoring/display.ts";
import { relatedness } from "../scoring/factors.ts";
import { neighbourhoodOf, relationsFor } from "../scoring/relations.ts";
import { aggregate, type LiveEvidence, type Weighed, weighRequirement } from "../scoring/score.ts";
import { anchorName } from "../scoring/summary.ts";

export interface NearestEvidence {
  conceptId: string;
  label: string;
  /** canonical 0–5, null when not stated */
  level: number | null;
  relation: Relation;
  relatedness: number;
}

export interface GapItem {
  conceptId: string;
  label: string;
  minLevel: number | null;
  weight: number;
  required: boolean;
  outcome: Exclude<RequirementOutcome, "met">;
  /** what the direct evidence puts their level at, null without direct evidence */
  estimatedLevel: number | null;
  /** the score with this requirement closed, minus the score now (0…1) */
  gain: number;
  scoreIfClosed: number;
  nearest: NearestEvidence | null;
  /** "has MySQL at advanced; PostgreSQL would add 12 points" */
  note: string;
}

export interface GapContext {
  taxonomy: Taxonomy;
  config: ScoringConfig;
  nowMs: number;
}

/** Structure orders neighbours when measured relatedness ties: the skill itself, then closer kin. */
const RELATION_ORDER: Record<Relation, number> = {
  same: 0,
  narrower: 1,
  broader: 2,
  related: 3,
  sibling: 4,
  cooccurrence: 5,
  none: 6,
};

const outcomeOf = (w: Weighed): RequirementOutcome =>
  w.estimate.met ? "met" : w.estimate.basis === "none" ? "missing" : "partial";

/** The gaps of one target for one person, largest gain first. */
export function gapsFor(
  requirements: readonly Requirement[],
  live: readonly LiveEvidence[],
  ctx: GapContext,
): GapItem[] {
  const weighed = requirements.map((r) => weighRequirement(r, live, ctx));
  const now = aggregate(requirements, weighed, false).score;
  const relationsTo = requirements.map((r) => askedConcepts(r).map((c) => relationsFor(ctx.taxonomy, c)));
  const bearsOn = (j: number, held: string) =>
    (relationsTo[j] as ReturnType<typeof relationsFor>[]).some((relationTo) => {
      const rel = relationTo(held);
      return relatedness(rel.relation, rel.strength, ctx.config) > 0;
    });
  const gaps: GapItem[] = [];
  requirements.forEach((req, i) => {
    const w = weighed[i] as Weighed;
    const outcome = outcomeOf(w);
    if (outcome === "met") return;
    const closed = [...live, closingCredential(req, ctx)];
    const reweighed = requirements.map((other, j) =>
      bearsOn(j, req.conceptId) ? weighRequirement(other, closed, ctx) : (weighed[j] as Weighed),
    );
    const scoreIfClosed = aggregate(requirements, reweighed, false).score;
    const nearest = nearestEvidence(req.conceptId, live, ctx);
    const gain = scoreIfClosed - now;
    gaps.push({
      conceptId: req.conceptId,
      label: req.label,
      minLevel: req.minLevel,
      weight: req.weight,
      required: req.required,
      outcome,
      estimatedLevel: w.estimate.level,
      gain,
      scoreIfClosed,
      nearest,
      note: gapNote(req.label, nearest, gain),
    });
  });
  return gaps.sort((a, b) => b.gain - a.gain || a.label.localeCompare(b.label));
}

/** The piece of evidence that stands for "met at the minimum": verified, at the bar, current. */
function closingCredential(req: Requirement, ctx: GapContext): LiveEvidence {
  return {
    assertionId: `gap:${req.conceptId}`,
    conceptId: req.conceptId,
    level: req.minLevel ?? ctx.config.level.defaultMinimum,
    sourceKind: "verified-credential",
    issuer: "gap:closed",
    dateMs: ctx.nowMs,
  };
}

/**
 * The person's evidence closest to an asked skill, through the same taxonomy relations the model
 * weighs: highest relatedness first, then the closer relation, then the higher level.
 */
export function nearestEvidence(
  asked: string,
  live: readonly LiveEvidence[],
  ctx: GapContext,
): NearestEvidence | null {
  const neighbours = neighbourhoodOf(ctx.taxonomy, asked);
  let best: NearestEvidence | null = null;
  for (const e of live) {
    const sim = neighbours.get(e.conceptId);
    if (!sim || sim.relation === "none") continue;
    const candidate: NearestEvidence = {
      conceptId: e.conceptId,
      label: ctx.taxonomy.get(e.conceptId)?.label ?? e.conceptId,
      level: e.level,
      relation: sim.relation,
      relatedness: relatedness(sim.relation, sim.strength, ctx.config),
    };
    if (!best || closer(candidate, best)) best = candidate;
  }
  return best;
}

function closer(a: NearestEvidence, b: NearestEvidence): boolean {
  if (a.relatedness !== b.relatedness) return a.relatedness > b.relatedness;
  if (a.relation !== b.relation) return RELATION_ORDER[a.relation] < RELATION_ORDER[b.relation];
  if ((a.level ?? -1) !== (b.level ?? -1)) return (a.level ?? -1) > (b.level ?? -1);
  return a.conceptId < b.conceptId;
}

export function gapNote(label: string, nearest: NearestEvidence | null, gain: number): string {
  const adds = `${label} would add ${formatScore(gain)} point${scorePoints(gain) === 1 ? "" : "s"}`;
  if (!nearest) return `nothing related yet; ${adds}`;
  const level = nearest.level === null ? "(level not stated)" : `at ${anchorName(nearest.level)}`;
  return `has ${nearest.label} ${level}; ${adds}`;
}
