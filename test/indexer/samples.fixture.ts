/**
 * The real LER samples in ../shared/data/ler-samples (read in place, never copied into the
 * repository), ingested as `ler-match ingest` runs it into an engine of the test's own.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { IngestReport } from "../../indexer/types.ts";
import { ingestAll, keepAll } from "../../src/cli/commands/ingest.ts";
import { type OpenOptions, openEngine } from "../../src/engine/open.ts";
import type { Engine } from "../../src/engine/types.ts";

export const SAMPLES = join(import.meta.dirname, "../../../shared/data/ler-samples");

/** A fresh embedded engine in a temporary folder; `remove` closes it and deletes the folder. */
export async function tempEngine(
  name: string,
  options: OpenOptions = {},
): Promise<{ engine: Engine; remove: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), `ler-match-${name}-`));
  const engine = await openEngine({ db: join(dir, `${name}.db`), backend: "embedded", ...options });
  const remove = async () => {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { engine, remove };
}

/** Every sample file through `engine`, with the CLI's ingest options. */
export const ingestSamples = (engine: Engine): Promise<IngestReport> =>
  ingestAll([SAMPLES], { dryRun: false, batchSize: 20, progress: false, keep: keepAll }, (inputs, o) =>
    engine.ingest(inputs, o),
  );
