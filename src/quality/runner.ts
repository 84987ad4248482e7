/**
 * Runs scoring configurations and baselines over a labelled dataset and scores every ranking with
 * the same metrics. The corpus is ingested once into a temporary SQLite store; each configuration
 * opens an engine on that store with its own scoring numbers.
 *
 * Systems in one run: each configuration given; ablations of the first one (one factor switched
 * off at a time); BM25 over each candidate's skills as written; a count of the position's concepts
 * the candidate has evidence for (skill overlap).
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Taxonomy } from "../../taxonomy/model.ts";
import {
  loadStarterOccupations,
  loadStarterTaxonomy,
  type OccupationProfile,
} from "../../taxonomy/starter.ts";
import { type BenchPosition, documentCandidateId } from "../domain/bench-dataset.ts";
import { fixedClock, parseClockSetting } from "../domain/clock.ts";
import { LerError } from "../domain/errors.ts";
import type { PositionInput } from "../domain/schemas.ts";
import { openEngine } from "../engine/open.ts";
import type { Engine } from "../engine/types.ts";
import { DEFAULT_AS_OF, GENERATOR_ATTESTATION } from "../generate/population.ts";
import { DEFAULT_SCORING, ScoringConfig, type ScoringConfigInput } from "../scoring/config.ts";
import { openStore } from "../store/sqlite-store.ts";
import { buildBm25 } from "./bm25.ts";
import { bootstrapMean, comparePaired, type Interval, type PairedComparison } from "./compare.ts";
import type { Dataset } from "./dataset.ts";
import { DEFAULT_CUTOFFS, evaluateRun, type MetricValues, metricNames, type Run } from "./metrics.ts";
import { type RoleQuality, roleQuality } from "./roles.ts";

/** A configuration file names only what it changes, down to single fields of a group. */
export type ScoringOverrides = {
  [K in keyof ScoringConfig]?: ScoringConfig[K] extends object ? Partial<ScoringConfig[K]> : ScoringConfig[K];
};

export interface NamedConfig {
  name: string;
  scoring: ScoringOverrides | ScoringConfigInput;
}

export interface RunOptions {
  configs: NamedConfig[];
  ablations?: boolean;
  baselines?: boolean;
  /** also rank positions that have a job-description text from the engine's reading of that text */
  jdText?: boolean;
  /** ranked candidates kept per position */
  depth?: number;
  seed?: number;
  iterations?: number;
  cutoffs?: readonly number[];
  taxonomy?: Taxonomy;
  /** the occupations a generated set's people were drawn from: their roles are ranked over these */
  occupations?: readonly OccupationProfile[];
  log?: (line: string) => void;
}

export type SystemKind = "config" | "ablation" | "text" | "baseline";

export interface SystemResult {
  name: string;
  kind: SystemKind;
  description: string;
  run: Run;
  mean: MetricValues;
  perPosition: Record<string, MetricValues>;
  /** bootstrap CI of the mean, per metric */
  ci: Record<string, Interval>;
}

export interface QualityReport {
  dataset: string;
  positions: number;
  candidates: number;
  ingest: { documents: number; failed: number; assertions: number };
  metrics: string[];
  systems: SystemResult[];
  /** every other system against the first, per metric: mean of (other − first), CI, p */
  comparisons: { baseline: string; system: string; metric: string; result: PairedComparison }[];
  /** the other direction, when the set labels each person's true occupation (roles.ts) */
  roles?: RoleQuality;
}

/** A configuration file may name only what it changes: merged over the defaults, then validated. */
export function resolveScoring(input: ScoringOverrides | ScoringConfigInput): ScoringConfig {
  const merged: Record<string, unknown> = { ...DEFAULT_SCORING };
  for (const [key, value] of Object.entries(input)) {
    const base = (DEFAULT_SCORING as Record<string, unknown>)[key];
    merged[key] =
      value && typeof value === "object" && base && typeof base === "object" ? { ...base, ...value } : value;
  }
  const parsed = ScoringConfig.safeParse(merged);
  if (parsed.success) return parsed.data;
  throw new LerError("invalid_input", "scoring configuration is invalid", {
    details: parsed.error.issues.map((i) => ({ path: i.path, message: i.message })),
    cause: parsed.error,
  });
}

export const ABLATIONS: readonly {
  name: string;
  description: string;
  change: (c: ScoringConfig) => ScoringConfig;
}[] = [
  {
    name: "no-levels",
    description: "stated levels ignored (every piece reads as a coin flip on the minimum)",
    change: (c) => ({ ...c, level: { ...c.level, slope: 1e-9 } }),
  },
  { name: "no-trust", description: "source trust off", change: (c) => ({ ...c, trustEnabled: false }) },
  {
    name: "no-recency",
    description: "recency off",
    change: (c) => ({ ...c, recency: { ...c.recency, enabled: false } }),
  },
  {
    name: "no-expansion",
    description: "taxonomy expansion off",
    change: (c) => ({ ...c, expansion: false }),
  },
];

const PAGE = 500;

export function positionInput(p: BenchPosition): PositionInput {
  return {
    ...(p.title ? { title: p.title } : {}),
    requirements: p.requirements.map((r) => ({
      concept: r.concept,
      ...(r.minLevel !== undefined ? { minLevel: r.minLevel } : {}),
      weight: r.weight,
      required: r.required,
    })),
  };
}

/** Ranks are kept exactly: the run's score is depth − rank + 1, so trec_eval sees the engine's order. */
/**
 * The position as the engine understands its job-description text; positions without text (or
 * whose text yields no requirement) keep their requirement list, so systems stay paired.
 */
function fromText(engine: Engine, p: BenchPosition): PositionInput {
  if (!p.text) return positionInput(p);
  const parsed = engine.parseJobDescription(p.text);
  if (parsed.requirements.length === 0) return positionInput(p);
  const requirements = parsed.requirements.map(({ conceptId, minLevel, weight, required }) => ({
    concept: conceptId,
    minLevel: minLevel ?? undefined,
    weight,
    required,
  }));
  return positionInput({ ...p, requirements });
}

async function engineRun(
  engine: Engine,
  positions: readonly BenchPosition[],
  depth: number,
  useText = false,
): Promise<Run> {
  const run: Run = new Map();
  for (const p of positions) {
    const ranked: string[] = [];
    const input = useText ? fromText(engine, p) : positionInput(p);
    while (ranked.length < depth) {
      const page = await engine.match(input, {
        includePartial: true,
        limit: Math.min(PAGE, depth - ranked.length),
        offset: ranked.length,
      });
      ranked.push(...page.results.map((r) => r.candidateId));
      if (page.results.length === 0 || ranked.length >= page.total) break;
    }
    run.set(p.id, new Map(ranked.map((id, i) => [id, depth - i])));
  }
  return run;
}

export async function ingestCorpus(engine: Engine, documents: readonly unknown[], log: (l: string) => void) {
  const totals = { documents: documents.length, failed: 0, assertions: 0 };
  for (let i = 0; i < documents.length; i += PAGE) {
    const inputs = documents.slice(i, i + PAGE).map((content, j) => ({ name: `corpus[${i + j}]`, content }));
    // the generator is the upstream verifier of its own synthetic credentials
    const report = await engine.ingest(inputs, { attestedBy: GENERATOR_ATTESTATION });
    totals.failed += report.totals.failed;
    totals.assertions += report.totals.assertions;
  }
  log(`ingested ${totals.documents} documents (${totals.failed} failed, ${totals.assertions} assertions)`);
  return totals;
}

export interface CandidateSkills {
  text: string;
  concepts: Set<string>;
}

export async function candidateSkills(
  engine: Engine,
  ids: Iterable<string>,
): Promise<Map<string, CandidateSkills>> {
  const out = new Map<string, CandidateSkills>();
  for (const id of ids) {
    const profile = await engine.profile(id).catch(() => null);
    if (!profile) continue;
    const written = [
      ...profile.skills.flatMap((s) => s.evidence.map((e) => e.skillText)),
      ...profile.unresolved.map((u) => u.skillText),
    ];
    out.set(id, { text: written.join(" \n "), concepts: new Set(profile.skills.map((s) => s.conceptId)) });
  }
  return out;
}

function topK(scores: Map<string, number>, depth: number): Map<string, number> {
  return new Map([...scores].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1)).slice(0, depth));
}

export function baselineRuns(
  skills: Map<string, CandidateSkills>,
  positions: readonly BenchPosition[],
  taxonomy: Taxonomy,
  depth: number,
): { bm25: Run; overlap: Run } {
  const index = buildBm25([...skills].map(([id, s]) => [id, s.text] as const));
  const bm25: Run = new Map();
  const overlap: Run = new Map();
  for (const p of positions) {
    const query = p.requirements.map((r) => taxonomy.get(r.concept)?.label ?? r.concept).join(" ");
    bm25.set(p.id, topK(index.search(query), depth));
    const counts = new Map<string, number>();
    for (const [id, s] of skills) {
      const n = p.requirements.filter((r) => s.concepts.has(r.concept)).length;
      if (n > 0) counts.set(id, n);
    }
    overlap.set(p.id, topK(counts, depth));
  }
  return { bm25, overlap };
}

interface PlannedSystem {
  name: string;
  kind: SystemKind;
  description: string;
  scoring?: ScoringConfig;
  useText?: boolean;
  run?: Run;
}

export async function runQuality(dataset: Dataset, options: RunOptions): Promise<QualityReport> {
  const log = options.log ?? (() => undefined);
  const depth = options.depth ?? 1000;
  const cutoffs = options.cutoffs ?? DEFAULT_CUTOFFS;
  const taxonomy = options.taxonomy ?? loadStarterTaxonomy();
  const configs = options.configs.length > 0 ? options.configs : [{ name: "default", scoring: {} }];
  const systems: PlannedSystem[] = configs.map((c) => ({
    name: c.name,
    kind: "config",
    description: "configuration",
    scoring: resolveScoring(c.scoring),
  }));
  const first = systems[0]?.scoring ?? DEFAULT_SCORING;
  if (options.ablations !== false)
    for (const a of ABLATIONS)
      systems.push({
        name: `${configs[0]?.name}/${a.name}`,
        kind: "ablation",
        description: a.description,
        scoring: a.change(first),
      });

  if (options.jdText !== false && dataset.positions.some((p) => p.text))
    systems.push({
      name: `${configs[0]?.name}/jd-text`,
      kind: "text",
      description: "requirements read from the job-description text where there is one",
      scoring: first,
      useText: true,
    });

  const dir = mkdtempSync(join(tmpdir(), "ler-quality-"));
  const db = join(dir, "bench.db");
  try {
    // A dataset is generated "as of" a date: scoring it as of that date keeps its figures fixed.
    const asOf = dataset.manifest.asOf;
    const clock = asOf ? fixedClock(parseClockSetting(asOf)) : undefined;
    const open = (scoring: ScoringConfig) =>
      openEngine({ db, scoring, taxonomyOverride: taxonomy, backend: "embedded", clock });
    const loader = await open(first);
    let ingest: QualityReport["ingest"];
    let skills: Map<string, CandidateSkills>;
    try {
      ingest = await ingestCorpus(loader, dataset.documents, log);
      skills = await candidateSkills(loader, candidateIds(dataset));
    } finally {
      await loader.close();
    }
    const roles = dataset.occupations && rolesOf(db, dataset.occupations, taxonomy, first, asOf, options);
    for (const s of systems) {
      const engine = await open(s.scoring as ScoringConfig);
      try {
        s.run = await engineRun(engine, dataset.positions, depth, s.useText);
      } finally {
        await engine.close();
      }
      log(`ran ${s.name}`);
    }
    if (options.baselines !== false) {
      const { bm25, overlap } = baselineRuns(skills, dataset.positions, taxonomy, depth);
      systems.push({ name: "bm25", kind: "baseline", description: "BM25 over skills as written", run: bm25 });
      systems.push({
        name: "skill-overlap",
        kind: "baseline",
        description: "count of position concepts held",
        run: overlap,
      });
    }
    const report = score(
      dataset,
      systems.flatMap((s) => (s.run ? [{ ...s, run: s.run }] : [])),
      ingest,
      skills.size,
      cutoffs,
      options,
    );
    return roles ? { ...report, roles } : report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Occupations ranked for every labelled person, from the evidence the ingest stored. */
function rolesOf(
  db: string,
  occupationOf: ReadonlyMap<string, string>,
  taxonomy: Taxonomy,
  scoring: ScoringConfig,
  asOf: string | undefined,
  options: RunOptions,
): RoleQuality {
  const store = openStore(db);
  try {
    const evidence = store.evidenceFor([...occupationOf.keys()]);
    const nowMs = parseClockSetting(asOf ?? DEFAULT_AS_OF);
    return roleQuality(
      { taxonomy, nowMs, evidence, occupationOf },
      options.occupations ?? loadStarterOccupations(),
      scoring,
      options.iterations,
    );
  } finally {
    store.close();
  }
}

/** Every candidate the corpus names (qrels can only judge those). */
export function candidateIds(dataset: Dataset): Set<string> {
  const ids = new Set<string>();
  for (const judged of dataset.qrels.values()) for (const id of judged.keys()) ids.add(id);
  for (const doc of dataset.documents) {
    const id = documentCandidateId(doc);
    if (id) ids.add(id);
  }
  return ids;
}

function score(
  dataset: Dataset,
  systems: { name: string; kind: SystemKind; description: string; run: Run }[],
  ingest: QualityReport["ingest"],
  candidates: number,
  cutoffs: readonly number[],
  options: RunOptions,
): QualityReport {
  const names = metricNames(cutoffs);
  const stats = { seed: options.seed ?? 1, iterations: options.iterations ?? 10_000 };
  const results: SystemResult[] = systems.map((s) => {
    const evaluation = evaluateRun(dataset.qrels, s.run, cutoffs);
    const perPosition = Object.fromEntries(evaluation.perPosition);
    const ci = Object.fromEntries(
      names.map((m) => [
        m,
        bootstrapMean(
          [...evaluation.perPosition.values()].map((v) => v[m] ?? 0),
          stats,
        ),
      ]),
    );
    return { ...s, mean: evaluation.mean, perPosition, ci };
  });
  const reference = results[0];
  const positionIds = [...dataset.qrels.keys()];
  const comparisons = reference
    ? results.slice(1).flatMap((s) =>
        names.map((metric) => {
          const values = (r: SystemResult) => positionIds.map((q) => r.perPosition[q]?.[metric] ?? 0);
          return {
            baseline: reference.name,
            system: s.name,
            metric,
            result: comparePaired(values(reference), values(s), stats),
          };
        }),
      )
    : [];
  return {
    dataset: dataset.manifest.name,
    positions: dataset.qrels.size,
    candidates,
    ingest,
    metrics: names,
    systems: results,
    comparisons,
  };
}
