import { DEFAULT_SCORING } from "../src/scoring/config.ts";
import { toIndexedCandidate } from "../src/scoring/indexed.ts";
import { EmbeddedIndex } from "../src/search/embedded/index.ts";
import { buildTaxonomy } from "../taxonomy/graph.ts";
import { BENCH_NOW, candidateId, rowsOf, syntheticPopulation, syntheticPositions, syntheticTaxonomy } from "../benchmarks/synthetic.ts";
const size = Number(process.argv[2] ?? 20000);
const tax = syntheticTaxonomy();
const taxonomy = buildTaxonomy(tax.concepts);
const positions = syntheticPositions(tax, 60);
const pop = syntheticPopulation(tax, size);
const index = new EmbeddedIndex(taxonomy, DEFAULT_SCORING);
const batch = [];
for (let c = 0; c < size; c++) batch.push(toIndexedCandidate(candidateId(c), rowsOf(pop, c), DEFAULT_SCORING));
await index.upsert(batch);
const q = (requirements: any) => ({ requirements, filters: { verifiedOnly: false, practicedSinceMs: null }, nowMs: BENCH_NOW, hardRequired: false });
for (const p of positions.slice(0, 5)) index.retrieveSync(q(p), 50);
const s: number[] = [];
const stats = (index as any).stats = { postings: 0, exact: 0, touched: 0 };
for (let rep = 0; rep < 3; rep++) for (const p of positions) { const t = performance.now(); index.retrieveSync(q(p), 50); s.push(performance.now() - t); }
s.sort((a, b) => a - b);
console.log("p50", s[s.length >> 1]!.toFixed(3), JSON.stringify(stats));
const proto = Object.getPrototypeOf(index);
const acc: Record<string, number> = {};
const counts: Record<string, number> = {};
for (const name of ["boundAll", "boundRequirement", "bestBoundFirst", "scoreExactly", "fillMeetsTable"]) {
  const orig = proto[name];
  proto[name] = function (...args: any[]) { const t = performance.now(); const r = orig.apply(this, args); acc[name] = (acc[name] ?? 0) + performance.now() - t; counts[name] = (counts[name] ?? 0) + 1; if (name === "boundAll") counts.touched = (counts.touched ?? 0) + r.length; return r; };
}
let total = 0;
for (const p of positions) { const t = performance.now(); index.retrieveSync(q(p), 50); total += performance.now() - t; }
console.log("total", (total / positions.length).toFixed(3), Object.fromEntries(Object.entries(acc).map(([k, v]) => [k, (v / positions.length).toFixed(3)])), Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, (v / positions.length).toFixed(0)])));
let postings = 0;
for (const p of positions) for (const r of p) for (const nb of (index as any).neighbourhood(r.conceptId)) postings += nb.list.n;
console.log("postings walked per query", (postings / positions.length).toFixed(0), "of", pop.offsets[size]);
