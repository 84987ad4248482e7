/**
 * Role-ranking quality: for every generated person with a true occupation, the occupations are
 * ranked for them (the engine's roles ranking, rankRoles) and graded on where the true one lands —
 * mean reciprocal rank and accuracy at 1 — beside a skill-overlap baseline: the weighted share of
 * an occupation's skills the person names, levels and sources ignored.
 */

import type { Taxonomy } from "../../taxonomy/model.ts";
import type { OccupationProfile } from "../../taxonomy/starter.ts";
import { type EvidenceRow, NO_FILTERS } from "../domain/evidence.ts";
import { buildRoleIndex, rankRoles } from "../match/roles.ts";
import { occupationTarget, type RoleTarget } from "../match/targets.ts";
import type { ScoringConfig } from "../scoring/config.ts";
import { comparePaired, type PairedComparison } from "./compare.ts";

/** What grading needs of a labelled set: each person's evidence rows and true occupation. */
export interface RoleSnapshot {
  taxonomy: Taxonomy;
  nowMs: number;
  evidence: ReadonlyMap<string, readonly EvidenceRow[]>;
  occupationOf: ReadonlyMap<string, string>;
}

const mean = (xs: readonly number[]): number => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

export interface RoleAccuracy {
  mrr: number;
  acc1: number;
}

export interface RoleQuality {
  /** people graded: those with a true occupation and any evidence */
  people: number;
  model: RoleAccuracy;
  overlap: RoleAccuracy;
  /** paired over people, on reciprocal rank: model − overlap */
  vsOverlap: PairedComparison;
}

const reciprocalRank = (ranked: readonly string[], truth: string): number => {
  const at = ranked.indexOf(truth);
  return at < 0 ? 0 : 1 / (at + 1);
};

/** Occupations by the weighted share of their skills the person names; ties by id. */
export function overlapRanking(targets: readonly RoleTarget[], rows: readonly EvidenceRow[]): string[] {
  const held = new Set(rows.flatMap((r) => (r.conceptId ? [r.conceptId] : [])));
  return targets
    .map((t) => {
      let have = 0;
      let total = 0;
      for (const r of t.requirements) {
        total += r.weight;
        if (held.has(r.conceptId)) have += r.weight;
      }
      return { id: t.id, share: total ? have / total : 0 };
    })
    .filter((x) => x.share > 0)
    .sort((a, b) => b.share - a.share || (a.id < b.id ? -1 : 1))
    .map((x) => x.id);
}

export function roleQuality(
  snapshot: RoleSnapshot,
  occupations: readonly OccupationProfile[],
  config: ScoringConfig,
  iterations = 10_000,
): RoleQuality {
  const targets = occupations.flatMap((o) => occupationTarget(o, snapshot.taxonomy) ?? []);
  const index = buildRoleIndex(targets, snapshot.taxonomy, config);
  const ctx = {
    taxonomy: snapshot.taxonomy,
    config,
    nowMs: snapshot.nowMs,
    filters: NO_FILTERS,
  };
  const model: number[] = [];
  const overlap: number[] = [];
  const modelTop: number[] = [];
  const overlapTop: number[] = [];
  for (const [candidateId, truth] of snapshot.occupationOf) {
    const rows = snapshot.evidence.get(candidateId);
    if (!rows?.length) continue;
    const byModel = rankRoles(index, rows, ctx).map((r) => r.target.id);
    const byOverlap = overlapRanking(targets, rows);
    model.push(reciprocalRank(byModel, truth));
    overlap.push(reciprocalRank(byOverlap, truth));
    modelTop.push(byModel[0] === truth ? 1 : 0);
    overlapTop.push(byOverlap[0] === truth ? 1 : 0);
  }
  return {
    people: model.length,
    model: { mrr: mean(model), acc1: mean(modelTop) },
    overlap: { mrr: mean(overlap), acc1: mean(overlapTop) },
    vsOverlap: comparePaired(overlap, model, { iterations, seed: 1 }),
  };
}
