import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Decoded, decodeInput } from "../../indexer/decode.ts";
import { detectFormat, parserFor } from "../../indexer/detect.ts";
import type { IngestInput, ParsedDocument } from "../../indexer/types.ts";

export const SAMPLES = "../shared/data/ler-samples";

/** Every sample file (folder/name), manifest and SOURCE.md excluded. */
export const sampleFiles = (): string[] =>
  readdirSync(SAMPLES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(SAMPLES, d.name)).map((f) => `${d.name}/${f}`))
    .sort();

export const readSample = (name: string): string => readFileSync(join(SAMPLES, name), "utf8");

/** A decoded piece's input; a piece that failed to decode throws its error where it is read. */
export function inputOf(piece: Decoded | undefined): IngestInput {
  if (!piece) throw new Error("no piece decoded");
  if (piece.ok) return piece.value;
  throw piece.error.error;
}

export const nameOf = (piece: Decoded): string => (piece.ok ? piece.value.name : piece.error.name);

/** decode → detect → parse, as the pipeline does, for one input. */
export function parseInput(input: IngestInput): ParsedDocument[] {
  return decodeInput(input).flatMap((piece) => {
    const i = inputOf(piece);
    return parserFor(detectFormat(i.content, i.format)).parse(i.content, { fileName: i.name });
  });
}

export const parseSample = (name: string): ParsedDocument[] =>
  parseInput({ name, content: readSample(name) });

/** The one document a sample yields. */
export function onlyDocument(name: string): ParsedDocument {
  const docs = parseSample(name);
  if (docs.length !== 1) throw new Error(`${name} gave ${docs.length} documents`);
  return docs[0] as ParsedDocument;
}
