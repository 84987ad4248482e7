/** Walks files and directories lazily, so a folder of 100k files is never listed all at once. */
import { opendirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import type { IngestInput } from "../../indexer/types.ts";
import type { LerFormat } from "../domain/schemas.ts";

export const LER_EXTENSIONS = new Set([".json", ".jsonl", ".ndjson", ".csv", ".jwt", ".jws"]);

export function* walk(paths: readonly string[]): Generator<string> {
  for (const p of paths) {
    if (statSync(p).isDirectory()) yield* walkDir(p);
    else yield p;
  }
}

/**
 * One folder's names are read and sorted (memory bounded by the largest folder, not the tree):
 * sorted files keep a person's documents together in a batch, and runs repeat exactly.
 */
function* walkDir(dir: string): Generator<string> {
  const files: string[] = [];
  const subdirs: string[] = [];
  const handle = opendirSync(dir);
  try {
    for (let entry = handle.readSync(); entry; entry = handle.readSync()) {
      if (entry.isDirectory()) subdirs.push(entry.name);
      else if (entry.isFile() && LER_EXTENSIONS.has(extname(entry.name).toLowerCase()))
        files.push(entry.name);
    }
  } finally {
    handle.closeSync();
  }
  for (const f of files.sort()) yield join(dir, f);
  for (const s of subdirs.sort()) yield* walkDir(join(dir, s));
}

/** A file as an ingest input: JSON is parsed by the decoder, so a bad file fails by name. */
export function fileInput(path: string, format?: LerFormat): IngestInput {
  return { name: path, content: readFileSync(path, "utf8"), format };
}

export function* batches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
