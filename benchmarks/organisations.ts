/**
 * What keeping organisations apart costs the embedded walk (npx tsx benchmarks/organisations.ts
 * -- --size 100000 --orgs 10 --queries 50). One index holds `size` people spread over `orgs`
 * organisations; each position is asked three ways in the same run:
 *   - baseline: no organisation (the walk over everyone, as before organisations existed)
 *   - one org:  the same query as one organisation (the walk skips the others' postings)
 *   - after a write: as one organisation right after an upsert, so its mask is rebuilt first
 * and the one-organisation answer is checked against the baseline's ranking filtered afterwards.
 */
import type { Requirement } from "../src/domain/schemas.ts";
import { DEFAULT_SCORING } from "../src/scoring/config.ts";
import { toIndexedCandidate } from "../src/scoring/indexed.ts";
import type { RetrievalQuery } from "../src/search/backend.ts";
import { EmbeddedIndex } from "../src/search/embedded/index.ts";
import { buildTaxonomy } from "../taxonomy/graph.ts";
import { benchArgs } from "./lib/args.ts";
import { fmtMs, percentile } from "./lib/stats.ts";
import {
  BENCH_NOW,
  candidateId,
  rowsOf,
  syntheticPopulation,
  syntheticPositions,
  syntheticTaxonomy,
} from "./synthetic.ts";

const { size, orgs, queries } = benchArgs({ size: 100_000, orgs: 10, queries: 50 });
const cfg = DEFAULT_SCORING;
const orgOf = (ordinal: number) => `org-${ordinal % orgs}`;

const tax = syntheticTaxonomy();
const taxonomy = buildTaxonomy(tax.concepts);
const positions = syntheticPositions(tax, queries);
const pop = syntheticPopulation(tax, size);
const index = new EmbeddedIndex(taxonomy, cfg);
for (let start = 0; start < size; start += 1000) {
  const batch = [];
  for (let c = start; c < Math.min(size, start + 1000); c++)
    batch.push(toIndexedCandidate(candidateId(c), rowsOf(pop, c), cfg, orgOf(c)));
  await index.upsert(batch);
}

const query = (requirements: Requirement[], org?: string): RetrievalQuery => ({
  requirements,
  filters: { verifiedOnly: false, practicedSinceMs: null, ...(org === undefined ? {} : { org }) },
  nowMs: BENCH_NOW,
  hardRequired: false,
});
const time = (fn: () => void) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

const samples: Record<"baseline" | "one org" | "after a write", number[]> = {
  baseline: [],
  "one org": [],
  "after a write": [],
};
let agree = 0;
for (const [i, reqs] of positions.entries()) {
  const org = orgOf(i);
  let everyone: string[] = [];
  let mine: string[] = [];
  samples.baseline.push(time(() => index.retrieveSync(query(reqs), 50)));
  everyone = index.retrieveSync(query(reqs), size).map((h) => h.candidateId);
  samples["one org"].push(
    time(() => (mine = index.retrieveSync(query(reqs, org), 50).map((h) => h.candidateId))),
  );
  const member = i % orgs;
  await index.upsert([toIndexedCandidate(candidateId(member), rowsOf(pop, member), cfg, orgOf(member))]);
  samples["after a write"].push(time(() => index.retrieveSync(query(reqs, org), 50)));
  const expected = everyone.filter((id) => orgOf(Number(id.slice(1))) === org).slice(0, 50);
  if (expected.join() === mine.join()) agree++;
}

console.log(
  `${size.toLocaleString()} people in ${orgs} organisations; ${positions.length} positions; top 50`,
);
for (const [name, ms] of Object.entries(samples))
  console.log(
    `  ${name.padEnd(14)} p50 ${fmtMs(percentile(ms, 50))} ms  p95 ${fmtMs(percentile(ms, 95))} ms`,
  );
console.log(`  one-organisation top 50 equals the baseline's ranking filtered: ${agree}/${positions.length}`);
