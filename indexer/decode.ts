/**
 * Turns raw input into one input per document:
 *   a parsed JSON value → itself;
 *   text → a compact JWS (decoded payload, format "jwt"), a JSON document, JSON lines (one
 *   document per line, named "file line 3"), or CSV (by header or a .csv name: one input per
 *   person, plus one failing input per unusable row, named "file.csv line 7").
 * Each piece is a tagged result, as zod's safeParse returns: a document to detect and parse, or
 * why it could not be decoded (named, so the report says "people.csv line 7" next to the good
 * documents of the same upload). A bad piece never sinks the upload; an input with nothing usable
 * at all is one failed piece.
 */
import { type ErrorCode, LerError, toLerError } from "../src/domain/errors.ts";
import type { LerFormat } from "../src/domain/schemas.ts";
import { decodeCompactJws, isCompactJws } from "./compact-jws.ts";
import { type CsvOptions, looksLikeCsvHeader, splitCsv } from "./formats/csv-split.ts";
import { assertJsonDepth } from "./json-depth.ts";
import { isObject } from "./json-path.ts";
import type { IngestInput } from "./types.ts";

export interface DecodeOptions {
  csv?: CsvOptions;
}

export type Decoded = { ok: true; value: IngestInput } | { ok: false; error: DecodeError };

export interface DecodeError {
  /** the input's name, or the piece's within it ("people.csv line 7") */
  name: string;
  /** the format the caller named for a whole input that failed */
  format?: LerFormat | undefined;
  error: LerError;
}

type Decoder = {
  applies: (text: string, input: IngestInput) => boolean;
  decode: (text: string, input: IngestInput, options: DecodeOptions) => Decoded[];
};

const decoded = (value: IngestInput): Decoded => ({ ok: true, value });

const failedPiece = (name: string, code: ErrorCode, message: string, path: string): Decoded => ({
  ok: false,
  error: { name, error: new LerError(code, message, { details: { path } }) },
});

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

export function decodeInput(input: IngestInput, options: DecodeOptions = {}): Decoded[] {
  const content =
    input.content instanceof Uint8Array ? Buffer.from(input.content).toString("utf8") : input.content;
  if (typeof content !== "string") return [decoded(input)];
  const text = content.replace(/^\uFEFF/, "");
  const decoder = DECODERS.find((d) => d.applies(text, input)) as Decoder;
  try {
    return decoder.decode(text, { ...input, content: text }, options);
  } catch (e) {
    return [{ ok: false, error: { name: input.name, format: input.format, error: toLerError(e) } }];
  }
}

function decodeCsv(text: string, input: IngestInput, options: DecodeOptions): Decoded[] {
  const { people, failures } = splitCsv(text, input.name, options.csv);
  const good = people.map((p) =>
    decoded({ name: `${input.name} person ${p.person}`, content: p, format: "csv" }),
  );
  const bad = failures.map((f) =>
    failedPiece(`${input.name} line ${f.line}`, "parse_failed", f.message, `line ${f.line}`),
  );
  return [...good, ...bad];
}

function decodeJws(text: string, input: IngestInput): Decoded[] {
  // Always "jwt": the jwt parser detects the credential inside, which a forced format cannot name.
  const { payload } = decodeCompactJws(text);
  return [decoded({ ...input, content: payload, format: "jwt", jws: text.trim() })];
}

function decodeJson(text: string, input: IngestInput): Decoded[] {
  try {
    assertJsonDepth(text, input.name);
    return [decoded({ ...input, content: JSON.parse(text) })];
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
function jsonLines(text: string, input: IngestInput): Decoded[] | null {
  const out: Decoded[] = [];
  let objects = 0;
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    const name = `${input.name} line ${i + 1}`;
    try {
      assertJsonDepth(line, "the line");
      const value = isCompactJws(line) ? decodeCompactJws(line).payload : JSON.parse(line);
      if (isObject(value)) objects++;
      const jws = isCompactJws(line) ? { format: "jwt" as const, jws: line.trim() } : {};
      out.push(decoded({ ...input, name, content: value, ...jws }));
    } catch (cause) {
      const message =
        cause instanceof LerError ? cause.message : `not valid JSON: ${(cause as Error).message}`;
      const code = cause instanceof LerError ? cause.code : "invalid_json";
      out.push(failedPiece(name, code, `line ${i + 1}: ${message}`, `line ${i + 1}`));
    }
  });
  return objects > 0 && out.length > 1 ? out : null;
}
