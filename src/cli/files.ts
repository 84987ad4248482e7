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

function* walkDir(dir: string): Generator<string> {
  const handle = opendirSync(dir);
  try {
    const subdirs: string[] = [];
    for (let entry = handle.readSync(); entry; entry = handle.readSync()) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) subdirs.push(full);
      else if (entry.isFile() && LER_EXTENSIONS.has(extname(entry.name).toLowerCase())) yield full;
    }
    for (const s of subdirs.sort()) yield* walkDir(s);
  } finally {
    handle.closeSync();
  }
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
