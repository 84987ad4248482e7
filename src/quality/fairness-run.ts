/** The bias audit over a labelled dataset: the model ranks every position, the top k are selected. */
import type { Taxonomy } from "../../taxonomy/model.ts";
import type { ScoringConfig } from "../scoring/config.ts";
import type { Dataset } from "./dataset.ts";
import { auditFairness, type FairnessAudit, type Groups } from "./fairness.ts";
import { modelRun, snapshotOf } from "./offline.ts";
import { candidateIds } from "./runner.ts";

export async function runFairness(
  dataset: Dataset,
  groups: Groups,
  options: { k: number; taxonomy: Taxonomy; config: ScoringConfig },
): Promise<FairnessAudit> {
  const snapshot = await snapshotOf(dataset, options.taxonomy);
  const run = modelRun(snapshot, options.config, options.k);
  // a run keeps each position's ranking in order, best first
  const selections = new Map([...run].map(([position, ranked]) => [position, [...ranked.keys()]]));
  return auditFairness(selections, groups, candidateIds(dataset), options.k);
}
