/**
 * A streaming RFC 4180 reader: quoted fields may hold delimiters, doubled quotes and line breaks
 * (ESCO puts a list of labels, one per line, inside one quoted cell). Reads the file in chunks so a
 * 20 MB relation file never becomes one string. Tab-separated files (O*NET) are read with
 * `quote: false`: their quotes are literal text.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { LerError } from "../../src/domain/errors.ts";

export interface CsvOptions {
  delimiter?: string;
  /** false: `"` is an ordinary character (tab-separated exports that never quote). */
  quote?: boolean;
  chunkBytes?: number;
}

/** Incremental parser: feed text, take the complete records; `end()` flushes the last one. */
export function createCsvParser(options: CsvOptions = {}) {
  const delimiter = options.delimiter ?? ",";
  const quoting = options.quote ?? true;
  const delimCode = delimiter.charCodeAt(0);
  let field = "";
  let record: string[] = [];
  let inQuotes = false;
  let quoteSeen = false; // a `"` inside quotes: either the closing one or the first of a doubled pair
  let pendingCr = false;
  let touched = false;
  let atFieldStart = true;
  const out: string[][] = [];
  const endField = () => {
    record.push(field);
    field = "";
    atFieldStart = true;
  };
  const endRecord = () => {
    endField();
    out.push(record);
    record = [];
    touched = false;
  };
  const isSpecial = (code: number) => code === delimCode || code === 10 || code === 13 || code === 34;
  const feed = (text: string): string[][] => {
    let i = 0;
    while (i < text.length) {
      const ch = text[i]!;
      if (pendingCr) {
        pendingCr = false;
        if (ch === "\n") {
          i++;
          continue;
        }
      }
      if (inQuotes) {
        if (quoteSeen) {
          quoteSeen = false;
          if (ch === '"') {
            field += '"';
            i++;
            continue;
          }
          inQuotes = false; // that quote closed the field; handle ch outside quotes below
        } else {
          const q = text.indexOf('"', i);
          if (q < 0) {
            field += text.slice(i);
            break;
          }
          field += text.slice(i, q);
          quoteSeen = true;
          i = q + 1;
          continue;
        }
      }
      touched = true;
      const wasFieldStart = atFieldStart;
      atFieldStart = false;
      if (quoting && ch === '"' && wasFieldStart) inQuotes = true;
      else if (ch === delimiter) endField();
      else if (ch === "\n") endRecord();
      else if (ch === "\r") {
        endRecord();
        pendingCr = true;
      } else {
        let j = i + 1;
        while (j < text.length && !isSpecial(text.charCodeAt(j))) j++;
        field += text.slice(i, j);
        i = j;
        continue;
      }
      i++;
    }
    return out.splice(0, out.length);
  };
  const end = (): string[][] => {
    if (inQuotes && !quoteSeen) throw new LerError("parse_failed", "CSV ends inside a quoted field");
    inQuotes = false;
    quoteSeen = false;
    if (touched || field !== "" || record.length) endRecord();
    return out.splice(0, out.length);
  };
  return { feed, end };
}

/** Every record of a CSV file, header included, read in chunks. */
export function* readCsvRecords(path: string, options: CsvOptions = {}): Generator<string[]> {
  const parser = createCsvParser(options);
  const decoder = new TextDecoder("utf-8");
  const buffer = Buffer.alloc(options.chunkBytes ?? 1 << 20);
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (cause) {
    throw new LerError("invalid_input", `cannot open ${path}`, { cause });
  }
  try {
    let first = true;
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      let text = decoder.decode(buffer.subarray(0, n), { stream: true });
      if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
      yield* parser.feed(text);
    }
    yield* parser.feed(decoder.decode());
    yield* parser.end();
  } finally {
    closeSync(fd);
  }
}

/** Records as objects keyed by the header row; blank lines skipped. */
export function* readCsvRows(path: string, options: CsvOptions = {}): Generator<Record<string, string>> {
  let header: string[] | undefined;
  for (const rec of readCsvRecords(path, options)) {
    if (!header) {
      header = rec.map((h) => h.trim());
      continue;
    }
    if (rec.length === 1 && rec[0] === "") continue;
    const row: Record<string, string> = {};
    header.forEach((h, i) => {
      row[h] = rec[i] ?? "";
    });
    yield row;
  }
}

/** Tab-separated, unquoted (O*NET text edition). */
export const readTsvRows = (path: string) => readCsvRows(path, { delimiter: "\t", quote: false });
