/**
 * Elasticsearch vs embedded, side by side in one run (npm run bench:es -- --size 100000).
 * Needs a node: ELASTICSEARCH_URL (npm run es:start). Elasticsearch is measured once per first
 * stage over the same index (`--stages`, default all three): the Painless script over every nested
 * piece (the baseline, "script"), plain queries over every nested piece ("features"), and each
 * concept's strongest-piece values on the candidate document ("concepts", the default).
 * Measures, on the same synthetic population:
 *   - indexing rate (candidates/s; Elasticsearch through ElasticsearchIndex.reindex, the bulk
 *     rebuild, or with `--load upsert` through upsert in batches of `--bulk`)
 *   - top-50 latency p50/p95 of rankCandidates (first stage + exact re-scoring with explanations)
 *   - first-stage recall@50 against the exact top 50 (the embedded backend re-scored exactly,
 *     which the conformance suite proves equal to the exhaustive scorer), and after re-scoring
 *   - the smallest pool whose re-scoring holds the exact top 50 on every query: the deepest
 *     first-stage rank of an exact top-50 candidate (what ES_CANDIDATE_POOL is chosen from)
 *   - how often the pooled top 50 equals the exact top 50 (ids and scores)
 *   - the Elasticsearch index's size on disk (primaries, after a force-merge to one segment)
 */
import { loadavg } from "node:os";
import { NO_FILTERS } from "../src/domain/evidence.ts";
import { MatchOptions, type Requirement } from "../src/domain/schemas.ts";
import { rankCandidates } from "../src/match/rank.ts";
import { DEFAULT_SCORING } from "../src/scoring/config.ts";
import { toIndexedCandidate } from "../src/scoring/indexed.ts";
import type { CandidateIndex, RetrievalQuery } from "../src/search/backend.ts";
import {
  ES_CANDIDATE_POOL,
  elasticsearchConfig,
  elasticsearchUrlFromEnv,
} from "../src/search/elasticsearch/config.ts";
import { ElasticsearchIndex } from "../src/search/elasticsearch/index.ts";
import type { FirstStage } from "../src/search/elasticsearch/query.ts";
import { EmbeddedIndex } from "../src/search/embedded/index.ts";
import { buildTaxonomy } from "../taxonomy/graph.ts";
import { benchArgs } from "./lib/args.ts";
import { fmtMs, percentile, timedAsync } from "./lib/stats.ts";
import {
  BENCH_NOW,
  candidateId,
  ordinalOf,
  rowsOf,
  syntheticPopulation,
  syntheticPositions,
  syntheticTaxonomy,
} from "./synthetic.ts";

const TOP = 50;
const WARMUP = 3;
/** How deep the first stage is read to find where each exact top-50 candidate sits. */
const DEPTH = 5000;
const cfg = DEFAULT_SCORING;

const args = benchArgs(
  { size: 100_000, queries: 50, pool: ES_CANDIDATE_POOL, bulk: 500 },
  { stages: "script,features,concepts", load: "reindex", prefix: "ler-match-bench", keep: "" },
);
const { size, queries, pool, bulk } = args;
const stages = args.stages.split(",") as FirstStage[];
const url = elasticsearchUrlFromEnv();
if (!url) {
  console.error("bench:es needs a node: set ELASTICSEARCH_URL (npm run es:start prints it).");
  process.exit(2);
}

const tax = syntheticTaxonomy();
const taxonomy = buildTaxonomy(tax.concepts);
const positions = syntheticPositions(tax, queries);
const pop = syntheticPopulation(tax, size);
console.log(
  `${size.toLocaleString()} candidates, ${pop.offsets[size]!.toLocaleString()} assertions, ${positions.length} positions, top ${TOP}, pool ${pool}`,
);

const embedded = new EmbeddedIndex(taxonomy, cfg);
const es = new ElasticsearchIndex(
  taxonomy,
  cfg,
  elasticsearchConfig({
    url,
    // --keep <alias>: an index kept across runs (built once, reused while it holds this population)
    indexPrefix: args.keep || `${args.prefix}-${Date.now()}`,
    requestTimeoutMs: 300_000,
    refreshOnWrite: false,
  }),
);
/** The same index, read through each first stage. */
const reader = (stage: FirstStage) =>
  new ElasticsearchIndex(taxonomy, cfg, { ...es.config, firstStage: stage }, es.client);
const load1 = () => loadavg()[0]!.toFixed(2);

interface Column {
  name: string;
  /** deepest first-stage rank (1-based) of an exact top-50 candidate, over every query */
  poolNeeded: number | null;
  rescoredRecall: number;
  indexMs: number;
  latency: { p50: number; p95: number };
  /** retrieve(q, pool) alone: the first stage without re-scoring */
  firstStage: { p50: number; p95: number };
  recall: number;
  exactTop: string;
  /** the 1-minute load average when the column was measured */
  load: string;
}

try {
  const embeddedMs = await load(embedded);
  const reused = args.keep ? await reusable(es) : null;
  const esMs = reused ?? (args.load === "upsert" ? await load(es) : await reindex(es));
  if (reused === null) {
    await es.client.indices.refresh({ index: es.alias });
    await es.client.indices.forcemerge({ index: es.alias, max_num_segments: 1 });
  }
  const diskBytes = await mergedBytes(es);
  console.log(
    `  elasticsearch: ${(diskBytes / 2 ** 20).toFixed(1)} MiB on disk after force-merge ` +
      `(${(diskBytes / pop.offsets[size]!).toFixed(1)} B per assertion)`,
  );
  const exact: { candidateId: string; score: number }[][] = [];
  for (const p of positions) exact.push((await rank(embedded, p, pool)).results);
  const columns: Column[] = [];
  columns.push(await measure("embedded", embedded, embeddedMs, exact));
  for (const stage of stages)
    columns.push(await measure(`elasticsearch, ${stage}`, reader(stage), esMs, exact));
  print(columns);
} finally {
  if (!args.keep) await es.drop().catch(() => undefined);
  await es.close();
}

/**
 * A kept index is reused when it is current (mapping version and scoring numbers) and holds the
 * population's size; its build time, recorded in the mapping's _meta, stands for the indexing rate.
 */
async function reusable(index: ElasticsearchIndex): Promise<number | null> {
  const aliased = await index.aliasedIndices();
  if (aliased.length !== 1 || (await index.outdated())) return null;
  const { count } = await index.client.count({ index: index.alias });
  const built = (await index.client.indices.getMapping({ index: aliased[0]! }))[aliased[0]!]?.mappings._meta
    ?.benchBuildMs;
  if (count !== size || typeof built !== "number") return null;
  console.log(`  ${index.name}: reusing ${aliased[0]} (${count.toLocaleString()} documents)`);
  return built;
}

/**
 * The primaries' size once the force-merge has left one segment per shard: the merge call can
 * return while the segments it replaces are still listed, which read as twice the size.
 */
async function mergedBytes(index: ElasticsearchIndex): Promise<number> {
  const deadline = performance.now() + 600_000;
  for (;;) {
    const res = await index.client.indices.segments({ index: index.alias });
    const shards = Object.values(res.indices)
      .flatMap((i) => Object.values(i.shards).flat())
      .filter((shard) => shard.routing.primary);
    const segments = shards.flatMap((shard) => Object.values(shard.segments));
    if (segments.length <= shards.length || performance.now() > deadline)
      return segments.reduce((sum, segment) => sum + (segment.size_in_bytes ?? 0), 0);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

function* candidates() {
  for (let c = 0; c < size; c++) yield toIndexedCandidate(candidateId(c), rowsOf(pop, c), cfg);
}

async function reindex(index: ElasticsearchIndex): Promise<number> {
  const t = await timedAsync(() => index.reindex(candidates()));
  console.log(`  ${index.name}: reindexed in ${(t.ms / 1000).toFixed(1)} s (load ${load1()})`);
  // the build time, for a later run that reuses the kept index (--keep)
  const built = t.value.index;
  const meta = (await index.client.indices.getMapping({ index: built }))[built]?.mappings._meta;
  // putMapping replaces _meta whole: the scoring fingerprint outdated() reads is kept
  await index.client.indices.putMapping({ index: built, _meta: { ...meta, benchBuildMs: t.ms } });
  return t.ms;
}

async function load(index: CandidateIndex): Promise<number> {
  const t = await timedAsync(async () => {
    for (let start = 0; start < size; start += bulk) {
      const batch = [];
      for (let c = start; c < Math.min(size, start + bulk); c++)
        batch.push(toIndexedCandidate(candidateId(c), rowsOf(pop, c), cfg));
      await index.upsert(batch);
    }
  });
  console.log(`  ${index.name}: indexed in ${(t.ms / 1000).toFixed(1)} s (load ${load1()})`);
  return t.ms;
}

function rank(index: CandidateIndex, requirements: Requirement[], candidatePool: number) {
  return rankCandidates({
    requirements,
    options: MatchOptions.parse({ limit: TOP }),
    mode: "match",
    index,
    // as the store reads it: only the rows on the concepts the position bears on, when asked
    evidence: (ids, concepts) => {
      const bearing = concepts && new Set(concepts);
      return new Map(ids.map((id) => [id, rowsOf(pop, ordinalOf(id), bearing)]));
    },
    names: (ids) => new Map(ids.map((id) => [id, null])),
    taxonomy,
    config: cfg,
    nowMs: BENCH_NOW,
    candidatePool,
  });
}

function query(requirements: Requirement[]): RetrievalQuery {
  return {
    requirements,
    filters: NO_FILTERS,
    nowMs: BENCH_NOW,
    hardRequired: false,
    // as rankCandidates asks
    namesMatched: false,
  };
}

async function measure(
  name: string,
  index: CandidateIndex,
  indexMs: number,
  exact: { candidateId: string; score: number }[][],
): Promise<Column> {
  for (const p of positions.slice(0, WARMUP)) await rank(index, p, pool);
  const samples: number[] = [];
  const firstStageSamples: number[] = [];
  let recallSum = 0;
  let rescoredSum = 0;
  let same = 0;
  let poolNeeded = 0;
  const fraction = (want: { candidateId: string }[], got: Set<string>) =>
    want.length ? want.filter((r) => got.has(r.candidateId)).length / want.length : 1;
  for (const [i, p] of positions.entries()) {
    const t = await timedAsync(() => rank(index, p, pool));
    samples.push(t.ms);
    const want = exact[i]!;
    const key = (rs: { candidateId: string; score: number }[]) =>
      rs.map((r) => `${r.candidateId}:${r.score}`).join();
    if (key(t.value.results) === key(want)) same++;
    rescoredSum += fraction(want, new Set(t.value.results.map((r) => r.candidateId)));
    firstStageSamples.push((await timedAsync(() => index.retrieve(query(p), pool))).ms);
    const deep = (await index.retrieve(query(p), index.name === "embedded" ? TOP : DEPTH)).map(
      (r) => r.candidateId,
    );
    recallSum += fraction(want, new Set(deep.slice(0, TOP)));
    const position = new Map(deep.map((id, rank) => [id, rank + 1]));
    for (const r of want)
      poolNeeded = Math.max(poolNeeded, position.get(r.candidateId) ?? Number.POSITIVE_INFINITY);
  }
  return {
    name,
    indexMs,
    latency: { p50: percentile(samples, 50), p95: percentile(samples, 95) },
    firstStage: { p50: percentile(firstStageSamples, 50), p95: percentile(firstStageSamples, 95) },
    recall: recallSum / positions.length,
    rescoredRecall: rescoredSum / positions.length,
    poolNeeded: index.name === "embedded" ? null : poolNeeded,
    exactTop: `${same}/${positions.length}`,
    load: load1(),
  };
}

function print(columns: Column[]): void {
  console.log(
    `\n## ${size.toLocaleString()} candidates: embedded vs Elasticsearch (top ${TOP}, pool ${pool})\n`,
  );
  console.log(`| measure | ${columns.map((c) => c.name).join(" | ")} |`);
  console.log(`|---|${columns.map(() => "---:").join("|")}|`);
  const row = (label: string, f: (c: Column) => string) =>
    console.log(`| ${label} | ${columns.map(f).join(" | ")} |`);
  row("indexing rate (candidates/s)", (c) => Math.round(size / (c.indexMs / 1000)).toLocaleString());
  row("top-50 latency p50 (ms), with explanations", (c) => fmtMs(c.latency.p50));
  row("top-50 latency p95 (ms), with explanations", (c) => fmtMs(c.latency.p95));
  row(`first stage alone p50 / p95 (ms), pool ${pool}`, (c) =>
    c.name === "embedded" ? "n/a (exact)" : `${fmtMs(c.firstStage.p50)} / ${fmtMs(c.firstStage.p95)}`,
  );
  row("first-stage recall@50 vs exact", (c) => c.recall.toFixed(4));
  row(`recall@50 after re-scoring pool ${pool}`, (c) => c.rescoredRecall.toFixed(4));
  row("smallest pool holding every exact top 50", (c) =>
    c.poolNeeded === null
      ? "n/a (exact)"
      : Number.isFinite(c.poolNeeded)
        ? String(c.poolNeeded)
        : `> ${DEPTH}`,
  );
  row(`top 50 after re-scoring pool ${pool} = exact`, (c) => c.exactTop);
  row("load average (1 min) after the column", (c) => c.load);
}
