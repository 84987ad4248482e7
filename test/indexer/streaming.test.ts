/**
 * A folder of a few thousand generated files (native, JSON Resume, OB 3.0, in sub-folders),
 * ingested batch by batch the way the CLI does it: every file becomes exactly one stored
 * document, and ingesting the same folder again changes nothing.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CorpusSummary, writeCorpus } from "../../benchmarks/lib/ler-corpus.ts";
import { createPipeline, type Pipeline } from "../../indexer/pipeline.ts";
import type { DocumentReport, IngestReport } from "../../indexer/types.ts";
import { ingestAll } from "../../src/cli/commands/ingest.ts";
import { walk } from "../../src/cli/files.ts";
import { fixedClock } from "../../src/domain/clock.ts";
import { openStore } from "../../src/store/sqlite-store.ts";
import type { Store } from "../../src/store/types.ts";
import { loadStarterTaxonomy } from "../../taxonomy/starter.ts";
import { TEST_NOW } from "../clock.ts";

const FILES = 2500;
const BATCH = 150; // does not divide FILES: the last batch is a short one

describe("ingesting a large folder batch by batch", () => {
  let work: string;
  let corpus: string;
  let written: CorpusSummary;
  let store: Store;
  let pipeline: Pipeline;
  let first: IngestReport;
  /** every document report of the first run, as each batch returned it */
  const seen: DocumentReport[] = [];

  const ingestFolder = (onBatch: (r: IngestReport) => void = () => {}) =>
    ingestAll([corpus], { dryRun: false, batchSize: BATCH, progress: false }, async (inputs, o) => {
      const r = await pipeline.ingest(inputs, o);
      onBatch(r);
      return r;
    });

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "ler-streaming-"));
    corpus = join(work, "corpus");
    written = writeCorpus(corpus, FILES);
    store = openStore(join(work, "ler.db"));
    pipeline = createPipeline({ store, taxonomy: loadStarterTaxonomy(), now: fixedClock(TEST_NOW) });
    first = await ingestFolder((r) => seen.push(...r.documents));
  }, 120_000);

  afterAll(() => {
    store?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("reports one stored document per file, in every format written", () => {
    expect(Object.keys(written.byFormat).sort()).toEqual(["jsonresume", "native", "ob3"]);
    expect(first.totals).toMatchObject({
      documents: FILES,
      stored: FILES,
      replaced: 0,
      unchanged: 0,
      failed: 0,
      byFormat: written.byFormat,
    });
  });

  it("feeds each file of the folder to the pipeline exactly once", () => {
    const named = seen.map((d) => d.name).sort();
    expect(named).toEqual([...walk([corpus])].sort());
  });

  it("stores every document exactly once", () => {
    const ids = seen.map((d) => d.documentId);
    expect(new Set(ids).size).toBe(FILES);
    expect(store.stats().documents).toBe(FILES);
    expect(ids.filter((id) => id === null || store.getDocument(id) === undefined)).toEqual([]);
  });

  it("stores the assertions the report counts", () => {
    expect(store.stats().assertions).toBe(first.totals.assertions);
  });

  it("reports every document unchanged when the folder is ingested again", async () => {
    const again = await ingestFolder();
    expect(again.totals).toMatchObject({
      documents: FILES,
      stored: 0,
      replaced: 0,
      unchanged: FILES,
      failed: 0,
    });
    expect(store.stats().documents).toBe(FILES);
  }, 120_000);
});
