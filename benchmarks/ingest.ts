/**
 * Ingestion benchmark: a folder of N generated LER files (native, JSON Resume, OB 3.0; one file
 * per document) ingested the way the CLI does it (ingestAll over the real walker and file reads)
 * through the real pipeline into a real SQLite file and the embedded index, synced through the
 * outbox as the engine does. Prints throughput, memory at 10/50/100% of the run, what the run
 * still holds at the end, and a baseline measured in the same run: read + JSON decode + parse
 * alone, and a bare SQLite insert of the same documents and assertion rows.
 *
 *   npm run bench:ingest -- [--docs 100000] [--batch 200] [--dir FOLDER] [--keep] [--feed cli|stream]
 *
 * --feed cli (default) feeds the pipeline with the CLI's ingestAll, which merges every batch's
 * report; --feed stream walks the same batches but keeps only the totals, to tell the memory the
 * merged report holds from the memory the pipeline, the store and the index hold.
 *
 * The corpus is generated in a child process, so generation never counts in the memory figures.
 */

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { decodeInput } from "../indexer/decode.ts";
import { detectFormat, parserFor } from "../indexer/detect.ts";
import { createPipeline, totalsOf } from "../indexer/pipeline.ts";
import type { IngestInput, IngestReport } from "../indexer/types.ts";
import { ingestAll } from "../src/cli/commands/ingest.ts";
import { batches, fileInput, walk } from "../src/cli/files.ts";
import { minuteClock } from "../src/domain/clock.ts";
import { DEFAULT_SCORING } from "../src/scoring/config.ts";
import { EmbeddedIndex } from "../src/search/embedded/index.ts";
import { OutboxWorker } from "../src/search/outbox-worker.ts";
import { openStore } from "../src/store/sqlite-store.ts";
import type { StoreStats } from "../src/store/types.ts";
import { loadStarterTaxonomy } from "../taxonomy/starter.ts";
import { writeCorpus } from "./lib/ler-corpus.ts";
import { type MemoryReport, MemorySampler, mib } from "./lib/memory.ts";
import { heldBytes } from "./lib/stats.ts";

const { values: args } = parseArgs({
  options: {
    docs: { type: "string", default: "100000" },
    batch: { type: "string", default: "200" },
    dir: { type: "string" },
    keep: { type: "boolean", default: false },
    feed: { type: "string", default: "cli" },
    "generate-into": { type: "string" },
  },
});
const DOCS = Number(args.docs);
const BATCH = Number(args.batch);
if (args.feed !== "cli" && args.feed !== "stream") throw new Error("--feed is cli or stream");

if (args["generate-into"]) {
  const summary = writeCorpus(args["generate-into"], DOCS);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  process.exit(0);
}

const perSecond = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString("en-US");
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;

/** The corpus folder: reused when --dir already holds files, else generated in a child process. */
function corpus(work: string): string {
  const dir = args.dir ?? join(work, "corpus");
  if (existsSync(dir) && readdirSync(dir).length > 0) return dir;
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), "--docs", String(DOCS), "--generate-into", dir],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`corpus generation failed (exit ${child.status})`);
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`generated ${child.stdout.trim()} into ${dir} in ${secs}s`);
  return dir;
}

type BatchIngest = (inputs: IngestInput[], options: { dryRun: boolean }) => Promise<IngestReport>;

/** The CLI's way: ingestAll over the walker, merging every batch's report. */
const feedLikeCli = (dir: string, ingest: BatchIngest) =>
  ingestAll([dir], { dryRun: false, batchSize: BATCH, progress: false }, ingest);

/** The same batches, keeping only the totals of each. */
async function feedStreaming(dir: string, ingest: BatchIngest): Promise<IngestReport> {
  const totals: IngestReport["totals"] = { ...totalsOf([]), byFormat: {} };
  for (const batch of batches(walk([dir]), BATCH)) {
    const r = await ingest(
      batch.map((path) => fileInput(path)),
      { dryRun: false },
    );
    for (const k of ["documents", "stored", "replaced", "unchanged", "failed", "assertions"] as const)
      totals[k] += r.totals[k];
    for (const [f, n] of Object.entries(r.totals.byFormat))
      totals.byFormat[f] = (totals.byFormat[f] ?? 0) + n;
  }
  return { documents: [], totals };
}

interface PipelineRun {
  ms: number;
  indexMs: number;
  totals: IngestReport["totals"];
  /** DocumentReports the merged CLI report holds at the end */
  reportsKept: number;
  memory: MemoryReport;
  /** outbox items left after the last ingest call (the engine drains once per call) */
  backlog: number;
  /** bytes the finished run still holds: the merged report, and the embedded index */
  retained: { report: number; index: number };
  stats: StoreStats;
  /** what the embedded index holds at the end */
  indexed: string;
}

/** The pipeline as the engine wires it (store → outbox → embedded index), fed as the CLI feeds it. */
async function runPipeline(dir: string, dbFile: string, files: number): Promise<PipelineRun> {
  const taxonomy = loadStarterTaxonomy();
  const store = openStore(dbFile);
  // held in one object so each part can be dropped at the end and its size measured
  const held: { index: EmbeddedIndex | null; worker: OutboxWorker | null; report: IngestReport | null } = {
    index: new EmbeddedIndex(taxonomy, DEFAULT_SCORING),
    worker: null,
    report: null,
  };
  let upserts = 0;
  const upsert = EmbeddedIndex.prototype.upsert; // unbound: the wrapper must not hold the index
  held.index!.upsert = function (this: EmbeddedIndex, batch) {
    upserts += batch.length;
    return upsert.call(this, batch);
  };
  held.worker = new OutboxWorker(store, held.index!, { trust: DEFAULT_SCORING.trust });
  let indexMs = 0;
  const drain = async (all: boolean) => {
    const t = performance.now();
    await (all ? held.worker!.drainAll() : held.worker!.drainOnce()); // drainOnce: as the engine does
    indexMs += performance.now() - t;
  };
  const pipeline = createPipeline({ store, taxonomy, now: minuteClock, onStored: () => drain(false) });
  const sampler = new MemorySampler(files, heldBytes);
  const feed = args.feed === "stream" ? feedStreaming : feedLikeCli;
  let done = 0;
  const started = performance.now();
  held.report = await feed(dir, async (inputs, o) => {
    const r = await pipeline.ingest(inputs, o);
    done += inputs.length;
    sampler.progress(done);
    return r;
  });
  const memory = sampler.stop();
  const backlog = store.stats().outboxPending;
  await drain(true);
  const ms = performance.now() - started;
  const { totals } = held.report;
  const reportsKept = held.report.documents.length;
  const indexHealth = await held.index!.health();
  const withAll = heldBytes();
  held.report = null;
  const withIndex = heldBytes();
  await held.worker!.stop();
  held.worker = null;
  held.index = null;
  const retained = { report: withAll - withIndex, index: withIndex - heldBytes() };
  const stats = store.stats();
  store.close();
  const indexed = `${indexHealth.documents} candidates after ${upserts} candidate upserts, ${indexHealth.detail}`;
  return { ms, indexMs, totals, reportsKept, memory, backlog, retained, stats, indexed };
}

interface Baseline {
  parseMs: number;
  insertMs: number;
  documents: number;
  assertions: number;
}

/**
 * The floor: each file read, JSON-decoded and parsed by its format's parser (no resolution, no
 * normalisation, no store), then the same documents and raw assertions inserted into a bare
 * SQLite table pair, one transaction per batch.
 */
function runBaseline(dir: string, dbFile: string): Baseline {
  const db = new Database(dbFile);
  db.pragma("journal_mode = WAL");
  db.exec(`CREATE TABLE documents (id INTEGER PRIMARY KEY, name TEXT NOT NULL, person TEXT NOT NULL, raw TEXT NOT NULL);
    CREATE TABLE assertions (document INTEGER NOT NULL, skill TEXT NOT NULL, level TEXT, path TEXT NOT NULL)`);
  const insertDoc = db.prepare("INSERT INTO documents (name, person, raw) VALUES (?, ?, ?)");
  const insertAssertion = db.prepare("INSERT INTO assertions VALUES (?, ?, ?, ?)");
  const result: Baseline = { parseMs: 0, insertMs: 0, documents: 0, assertions: 0 };
  for (const batch of batches(walk([dir]), BATCH)) {
    const t0 = performance.now();
    const parsed = batch.flatMap((path) =>
      decodeInput({ name: path, content: readFileSync(path, "utf8") }).flatMap((piece) => {
        if (!piece.ok) throw piece.error.error;
        const input = piece.value;
        return parserFor(detectFormat(input.content))
          .parse(input.content, { fileName: path })
          .map((doc) => ({ path, doc, raw: input.content }));
      }),
    );
    const t1 = performance.now();
    db.transaction(() => {
      for (const { path, doc, raw } of parsed) {
        const id = insertDoc.run(path, doc.person.id, JSON.stringify(raw)).lastInsertRowid;
        for (const a of doc.assertions)
          insertAssertion.run(id, a.skillText, a.rawLevel === null ? null : String(a.rawLevel), a.sourcePath);
        result.assertions += doc.assertions.length;
      }
    })();
    result.insertMs += performance.now() - t1;
    result.parseMs += t1 - t0;
    result.documents += parsed.length;
  }
  db.close();
  return result;
}

function print(files: number, run: PipelineRun, base: Baseline): void {
  const t = run.totals;
  const storeMs = run.ms - run.indexMs;
  const baseMs = base.parseMs + base.insertMs;
  const fedBy = args.feed === "stream" ? "a streaming loop (totals only)" : "the CLI's ingestAll";
  console.log(`\n${files.toLocaleString("en-US")} files, batch ${BATCH}, fed by ${fedBy}`);
  console.log(
    `${t.documents} documents: ${t.stored} stored, ${t.replaced} replaced, ${t.unchanged} unchanged, ${t.failed} failed; ${t.assertions} assertions; formats ${JSON.stringify(t.byFormat)}`,
  );
  console.log(
    `store now: ${JSON.stringify(run.stats)}; outbox backlog after the last ingest call: ${run.backlog}`,
  );
  console.log(`index now: ${run.indexed}`);
  console.log(`distinct unresolved skill texts in the merged report: ${t.unresolved.length}\n`);
  console.log(row(["stage", "time (s)", "documents/s", "assertions/s"]));
  console.log(row(["---", "---:", "---:", "---:"]));
  const line = (name: string, ms: number, docs: number, assertions: number) =>
    console.log(row([name, (ms / 1000).toFixed(1), perSecond(docs, ms), perSecond(assertions, ms)]));
  line("pipeline end to end (read, parse, resolve, store, index)", run.ms, t.documents, t.assertions);
  line("  of which read + parse + resolve + store", storeMs, t.documents, t.assertions);
  line("  of which embedded index sync (outbox → upsert)", run.indexMs, t.documents, t.assertions);
  line("baseline: read + JSON decode + parse", base.parseMs, base.documents, base.assertions);
  line("baseline: bare SQLite insert of the same rows", base.insertMs, base.documents, base.assertions);
  line("baseline total", baseMs, base.documents, base.assertions);
  const ratio = `${(run.ms / baseMs).toFixed(2)}× (store part alone ${(storeMs / baseMs).toFixed(2)}×)`;
  console.log(`\nratio pipeline / baseline: ${ratio}\n`);
  const m = run.memory;
  console.log(row(["memory", "RSS (MiB)", "heap used (MiB)", "live after full GC (MiB)"]));
  console.log(row(["---", "---:", "---:", "---:"]));
  console.log(row(["start", mib(m.startRss), mib(m.startHeapUsed), ""]));
  for (const s of m.snapshots) {
    const live = s.held === null ? "" : mib(s.held);
    console.log(row([`${s.at * 100}% (${s.done} files)`, mib(s.rss), mib(s.heapUsed), live]));
  }
  console.log(row(["peak (sampled every 50 ms)", mib(m.peakRss), mib(m.peakHeapUsed), ""]));
  const kept = `${mib(run.retained.report)} MiB (${run.reportsKept} DocumentReports)`;
  console.log(
    `\nheld at the end, after GC: merged report ${kept}, embedded index ${mib(run.retained.index)} MiB`,
  );
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "ler-bench-ingest-"));
  try {
    const dir = corpus(work);
    let files = 0;
    for (const _ of walk([dir])) files++;
    const run = await runPipeline(dir, join(work, "pipeline.db"), files);
    const base = runBaseline(dir, join(work, "baseline.db"));
    print(files, run, base);
  } finally {
    if (!args.keep) rmSync(work, { recursive: true, force: true });
    else console.log(`kept ${work}`);
  }
}

await main();
