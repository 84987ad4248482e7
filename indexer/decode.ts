/**
 * Turns raw input into one input per document:
 *   a parsed JSON value → itself;
 *   text → a compact JWS (decoded payload, format "jwt"), a JSON document, JSON lines (one
 *   document per line, named "file line 3"), or CSV (by header or a .csv name: one input per
 *   person, plus one failing input per unusable row, named "file.csv line 7").
 * Pieces that cannot be decoded become failing inputs (decode-failure.ts) rather than sinking the
 * whole upload; only an input with nothing usable at all throws.
 */
import { LerError } from "../src/domain/errors.ts";
import { decodeCompactJws, isCompactJws } from "./compact-jws.ts";
import { decodeFailure } from "./decode-failure.ts";
import { type CsvOptions, looksLikeCsvHeader, splitCsv } from "./formats/csv-split.ts";
import { assertJsonDepth } from "./json-depth.ts";
import { isObject } from "./json-path.ts";
import type { IngestInput } from "./types.ts";

export interface DecodeOptions {
  csv?: CsvOptions;
}

type Decoder = {
  applies: (text: string, input: IngestInput) => boolean;
  decode: (text: string, input: IngestInput, options: DecodeOptions) => IngestInput[];
};

const firstLine = (text: string): string => text.slice(0, text.search(/\r?\n|$/));

/** Tried in order; the first that applies decodes. JSON is last: it is the fallback. */
const DECODERS: readonly Decoder[] = [
  {
    applies: (text, input) =>
      input.format === "csv" || /\.csv$/i.test(input.name) || looksLikeCsvHeader(firstLine(text)),
    decode: decodeCsv,
  },
  { applies: (text) => isCompactJws(text), decode: decodeJws },
  { applies: () => true, decode: decodeJson },
];

export function decodeInput(input: IngestInput, options: DecodeOptions = {}): IngestInput[] {
  const content =
    input.content instanceof Uint8Array ? Buffer.from(input.content).toString("utf8") : input.content;
  if (typeof content !== "string") return [input];
  const text = content.replace(/^\uFEFF/, "");
  const decoder = DECODERS.find((d) => d.applies(text, input)) as Decoder;
  return decoder.decode(text, { ...input, content: text }, options);
}

function decodeCsv(text: string, input: IngestInput, options: DecodeOptions): IngestInput[] {
  const { people, failures } = splitCsv(text, input.name, options.csv);
  const good: IngestInput[] = people.map((p) => ({
    name: `${input.name} person ${p.person}`,
    content: p,
    format: "csv",
  }));
  const bad: IngestInput[] = failures.map((f) => ({
    name: `${input.name} line ${f.line}`,
    content: decodeFailure("parse_failed", f.message, `line ${f.line}`),
  }));
  return [...good, ...bad];
}

function decodeJws(text: string, input: IngestInput): IngestInput[] {
  // Always "jwt": the jwt parser detects the credential inside, which a forced format cannot name.
  const { payload } = decodeCompactJws(text);
  return [{ ...input, content: payload, format: "jwt", jws: text.trim() }];
}

function decodeJson(text: string, input: IngestInput): IngestInput[] {
  try {
    assertJsonDepth(text, input.name);
    return [{ ...input, content: JSON.parse(text) }];
  } catch (cause) {
    const lines = jsonLines(text, input);
    if (lines) return lines;
    if (cause instanceof LerError) throw cause;
    throw new LerError("invalid_json", `${input.name} is not valid JSON: ${(cause as Error).message}`, {
      cause,
    });
  }
}

/**
 * JSON lines: every non-blank line its own document. Null (plain bad JSON) unless at least one
 * line is a whole JSON object: a truncated pretty-printed document has lines like `42,` or `]`.
 */
function jsonLines(text: string, input: IngestInput): IngestInput[] | null {
  const out: IngestInput[] = [];
  let objects = 0;
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    const name = `${input.name} line ${i + 1}`;
    try {
      assertJsonDepth(line, "the line");
      const value = isCompactJws(line) ? decodeCompactJws(line).payload : JSON.parse(line);
      if (isObject(value)) objects++;
      const jws = isCompactJws(line) ? { format: "jwt" as const, jws: line.trim() } : {};
      out.push({ ...input, name, content: value, ...jws });
    } catch (cause) {
      const message =
        cause instanceof LerError ? cause.message : `not valid JSON: ${(cause as Error).message}`;
      out.push({
        name,
        content: decodeFailure(
          cause instanceof LerError ? cause.code : "invalid_json",
          `line ${i + 1}: ${message}`,
          `line ${i + 1}`,
        ),
      });
    }
  });
  return objects > 0 && out.length > 1 ? out : null;
}
