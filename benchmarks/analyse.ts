/**
 * Requirement-cost analysis benchmark (npm run bench:analyse -- --sizes 10000,100000 --positions 20).
 *
 * Per population size and position shape — "jd" (the first five requirements required, as a job
 * description states them) and "all" (every one of 8–15 required: the heaviest case) — the
 * analysis of each position from met-sets over the embedded index's postings, cold (the first
 * query at this "now" also fills the posting lists' recency caches) and warm, beside the naive loop
 * measured in the same run: weigh every person against every required requirement again for each
 * variant (all, then each requirement dropped, made preferred, lowered one level); counts compared.
 */
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { loweredMinimum } from "../src/analysis/requirement-cost.ts";
import { parseIsoDateMs } from "../src/domain/dates.ts";
import { type EvidenceRow, NO_FILTERS } from "../src/domain/evidence.ts";
import type { Requirement } from "../src/domain/schemas.ts";
import { costsOver } from "../src/engine/analyse.ts";
import { DEFAULT_SCORING } from "../src/scoring/config.ts";
import { exclusionOf } from "../src/scoring/factors.ts";
import { toIndexedCandidate } from "../src/scoring/indexed.ts";
import { type LiveEvidence, passes, weighRequirement } from "../src/scoring/score.ts";
import { EmbeddedIndex } from "../src/search/embedded/index.ts";
import { buildTaxonomy } from "../taxonomy/graph.ts";
import { fmtMs, percentile, timed } from "./lib/stats.ts";
import {
  BENCH_NOW,
  candidateId,
  rowsOf,
  syntheticPopulation,
  syntheticPositions,
  syntheticTaxonomy,
} from "./synthetic.ts";

const cfg = DEFAULT_SCORING;
const BUDGET_MS = 200;

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,100000" },
    positions: { type: "string", default: "20" },
    "naive-positions": { type: "string", default: "2" },
  },
});

const tax = syntheticTaxonomy();
const taxonomy = buildTaxonomy(tax.concepts);
const drawn = syntheticPositions(tax, Number(values.positions));
const SHAPES: [string, Requirement[][]][] = [
  ["jd", drawn.map((p) => p.map((r, i): Requirement => ({ ...r, required: i < 5 })))],
  ["all", drawn.map((p) => p.map((r): Requirement => ({ ...r, required: true })))],
];
const query = { nowMs: BENCH_NOW, filters: NO_FILTERS };

for (const size of values.sizes.split(",").map(Number)) {
  const pop = syntheticPopulation(tax, size);
  const index = new EmbeddedIndex(taxonomy, cfg);
  const rows: EvidenceRow[][] = [];
  for (let c = 0; c < size; c++) rows.push(rowsOf(pop, c));
  await index.rebuild(rows.map((r, c) => toIndexedCandidate(candidateId(c), r, cfg)));
  // compile the code paths on positions that are not measured, so "cold" is about the data
  for (const p of syntheticPositions(tax, 3, 99)) costsOver(index, p, query);
  console.log(`${size.toLocaleString()} people, ${pop.offsets[size]!.toLocaleString()} assertions`);
  for (const [shape, positions] of SHAPES) report(shape, positions, index, rows);
  console.log(
    `  load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} on ${availableParallelism()} cores`,
  );
}

function report(shape: string, positions: Requirement[][], index: EmbeddedIndex, rows: EvidenceRow[][]) {
  const fast = positions.map((p) => timed(() => costsOver(index, p, query).costs));
  const warm = positions.map((p) => timed(() => costsOver(index, p, query).costs).ms);
  const naiveRuns = positions
    .slice(0, Number(values["naive-positions"]))
    .map((p) => timed(() => naive(rows, p)));
  const agree = naiveRuns.every((run, i) => {
    const costs = fast[i]!.value;
    const byLabel = new Map(costs.costs.map((c) => [c.conceptId, c]));
    return (
      run.value.qualified === costs.qualified &&
      run.value.variants.every(
        (v) =>
          byLabel.get(v.conceptId)?.ifDropped === v.dropped &&
          byLabel.get(v.conceptId)?.ifPreferred === v.preferred &&
          (byLabel.get(v.conceptId)?.ifLowered?.qualified ?? null) === v.lowered,
      )
    );
  });
  const ms = fast.map((f) => f.ms);
  const naiveMs = naiveRuns.map((n) => n.ms);
  const required = positions.map((p) => p.filter((r) => r.required).length);
  console.log(
    `  ${shape}: ${positions.length} positions, ${Math.min(...required)}–${Math.max(...required)} required`,
  );
  for (const [name, times] of [
    ["cold", ms],
    ["warm", warm],
  ] as const)
    console.log(
      `    met-sets ${name}  p50 ${fmtMs(percentile(times, 50))} ms  p95 ${fmtMs(percentile(times, 95))} ms  max ${fmtMs(Math.max(...times))} ms` +
        `  (budget ${BUDGET_MS} ms at p95: ${percentile(times, 95) <= BUDGET_MS ? "within" : "OVER"})`,
    );
  console.log(
    `    naive      p50 ${fmtMs(percentile(naiveMs, 50))} ms over ${naiveRuns.length} positions` +
      `  → met-sets ${(percentile(naiveMs, 50) / percentile(ms.slice(0, naiveRuns.length), 50)).toFixed(0)}× faster;` +
      ` counts ${agree ? "agree" : "DISAGREE"}`,
  );
  const example = fast.map((f) => f.value).find((v) => v.bottleneck) ?? fast[0]!.value;
  console.log(`    e.g. ${example.bottleneck ?? "no bottleneck"} (${example.qualified} qualify with all)`);
}

/** Every person weighed against every required requirement, once per variant of the position. */
function naive(rows: readonly EvidenceRow[][], position: Requirement[]) {
  const ctx = { taxonomy, config: cfg, nowMs: BENCH_NOW };
  const live = rows.map(liveOf);
  const qualifiedWith = (reqs: Requirement[]) =>
    live.filter((ev) => reqs.every((r) => !r.required || passes(weighRequirement(r, ev, ctx), false))).length;
  return {
    qualified: qualifiedWith(position),
    variants: position.map((r, i) => {
      const lowered = loweredMinimum(r.minLevel);
      const replace = (x: Requirement) => position.map((y, j) => (j === i ? x : y));
      return {
        conceptId: r.conceptId,
        dropped: qualifiedWith(position.filter((_, j) => j !== i)),
        preferred: qualifiedWith(replace({ ...r, required: false })),
        lowered: lowered === null ? null : qualifiedWith(replace({ ...r, minLevel: lowered })),
      };
    }),
  };
}

function liveOf(rows: readonly EvidenceRow[]): LiveEvidence[] {
  return rows.flatMap((r) => {
    const dateMs = parseIsoDateMs(r.lastPracticedAt ?? r.issuedAt);
    const excluded = exclusionOf(
      r.revoked,
      parseIsoDateMs(r.validUntil),
      r.verified,
      dateMs,
      BENCH_NOW,
      NO_FILTERS,
    );
    return excluded === null && r.conceptId !== null
      ? [
          {
            assertionId: r.id,
            conceptId: r.conceptId,
            level: r.level,
            sourceKind: r.sourceKind,
            issuer: r.issuer,
            dateMs,
          },
        ]
      : [];
  });
}
