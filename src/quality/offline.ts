/**
 * Match quality without the server in the loop: a labelled dataset is ingested once, its evidence
 * rows are kept in memory, and each scoring configuration ranks every position by scoring every
 * candidate with the evidence model itself (what the embedded index returns, without paging).
 * Fast enough to compare many configurations, seeds and worlds, and to fit weights by
 * cross-validation (tune.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Taxonomy } from "../../taxonomy/model.ts";
import type { BenchPosition, Qrels } from "../domain/bench-dataset.ts";
import { fixedClock, parseClockSetting } from "../domain/clock.ts";
import { type EvidenceRow, NO_FILTERS } from "../domain/evidence.ts";
import type { Requirement } from "../domain/schemas.ts";
import { openEngine } from "../engine/open.ts";
import { resolvePosition } from "../engine/requirements.ts";
import { DEFAULT_AS_OF } from "../generate/population.ts";
import type { ScoringConfig } from "../scoring/config.ts";
import { compareRanked } from "../scoring/ranking-order.ts";
import { scoreCandidate } from "../scoring/score.ts";
import { openStore } from "../store/sqlite-store.ts";
import type { Dataset } from "./dataset.ts";
import { evaluateRanking, type Run } from "./metrics.ts";
import {
  baselineRuns,
  type CandidateSkills,
  candidateIds,
  candidateSkills,
  ingestCorpus,
  positionInput,
} from "./runner.ts";

export interface Snapshot {
  name: string;
  positions: BenchPosition[];
  /** each position's requirements as the engine resolves them */
  requirements: Map<string, Requirement[]>;
  qrels: Qrels;
  evidence: Map<string, EvidenceRow[]>;
  skills: Map<string, CandidateSkills>;
  taxonomy: Taxonomy;
  nowMs: number;
  /** candidate → true occupation id, for generated sets (empty otherwise) */
  occupationOf: ReadonlyMap<string, string>;
}

/** Ingests the dataset once (a temporary SQLite file) and keeps every candidate's evidence rows. */
export async function snapshotOf(dataset: Dataset, taxonomy: Taxonomy): Promise<Snapshot> {
  const dir = mkdtempSync(join(tmpdir(), "ler-offline-"));
  const db = join(dir, "bench.db");
  const asOf = dataset.manifest.asOf;
  const nowMs = parseClockSetting(asOf ?? DEFAULT_AS_OF);
  try {
    const engine = await openEngine({
      db,
      taxonomyOverride: taxonomy,
      backend: "embedded",
      clock: fixedClock(nowMs),
    });
    let skills: Map<string, CandidateSkills>;
    try {
      await ingestCorpus(engine, dataset.documents, () => undefined);
      skills = await candidateSkills(engine, candidateIds(dataset));
    } finally {
      await engine.close();
    }
    const store = openStore(db);
    const evidence = store.evidenceFor([...skills.keys()]);
    store.close();
    const requirements = new Map(
      dataset.positions.map((p) => [p.id, resolvePosition(positionInput(p), taxonomy).requirements]),
    );
    return {
      name: dataset.manifest.name,
      positions: dataset.positions,
      requirements,
      qrels: dataset.qrels,
      evidence,
      skills,
      taxonomy,
      nowMs,
      occupationOf: dataset.occupations ?? new Map(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every position ranked by the evidence model under `config`, top `depth` kept. */
export function modelRun(snapshot: Snapshot, config: ScoringConfig, depth = 100, only?: Set<string>): Run {
  const run: Run = new Map();
  const ctx = {
    taxonomy: snapshot.taxonomy,
    config,
    nowMs: snapshot.nowMs,
    filters: NO_FILTERS,
    hardRequired: false,
  };
  for (const p of snapshot.positions) {
    if (only && !only.has(p.id)) continue;
    const requirements = snapshot.requirements.get(p.id) ?? [];
    const scored = [];
    for (const [candidateId, rows] of snapshot.evidence) {
      const s = scoreCandidate(requirements, rows, { ...ctx, candidateId });
      if (s.explanation.found.length > 0) scored.push(s);
    }
    scored.sort(compareRanked);
    run.set(p.id, new Map(scored.slice(0, depth).map((s, i) => [s.candidateId, depth - i])));
  }
  return run;
}

/** BM25 over skills as written, and a count of the position's concepts held. */
export function baselines(snapshot: Snapshot, depth = 100): { bm25: Run; overlap: Run } {
  return baselineRuns(snapshot.skills, snapshot.positions, snapshot.taxonomy, depth);
}

/**
 * A stronger simple baseline than a plain count: per requirement, the best stated level of the
 * skill itself (or a narrower one) against the minimum, min(1, level / min), weighted — levels
 * without trust, time, corroboration or neighbours.
 */
export function levelOverlapRun(snapshot: Snapshot, depth = 100): Run {
  const run: Run = new Map();
  for (const p of snapshot.positions) {
    const requirements = snapshot.requirements.get(p.id) ?? [];
    const total = requirements.reduce((s, r) => s + r.weight, 0) || 1;
    const scores: [string, number][] = [];
    for (const [candidateId, rows] of snapshot.evidence) {
      let sum = 0;
      for (const r of requirements) {
        let best = 0;
        for (const row of rows) {
          if (row.conceptId === null) continue;
          const rel = snapshot.taxonomy.relation(r.conceptId, row.conceptId).relation;
          if (rel !== "same" && rel !== "narrower") continue;
          const level = row.level ?? 2.5;
          best = Math.max(best, r.minLevel ? Math.min(1, level / r.minLevel) : 1);
        }
        sum += r.weight * best;
      }
      if (sum > 0) scores.push([candidateId, sum / total]);
    }
    scores.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    run.set(p.id, new Map(scores.slice(0, depth).map(([id], i) => [id, depth - i])));
  }
  return run;
}

/** One metric per position, in the snapshot's position order (paired across systems). */
export function perPosition(snapshot: Snapshot, run: Run, metric = "ndcg@10", only?: Set<string>): number[] {
  return snapshot.positions
    .filter((p) => !only || only.has(p.id))
    .map((p) => {
      const scores = run.get(p.id) ?? new Map<string, number>();
      const ranked = [...scores].sort((a, b) => b[1] - a[1]).map(([id]) => id);
      return evaluateRanking(ranked, snapshot.qrels.get(p.id) ?? new Map())[metric] ?? 0;
    });
}

export const mean = (xs: readonly number[]): number =>
  xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length;
