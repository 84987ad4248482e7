/**
 * CSV text → rows grouped per person. The documented header is
 *   person,skill,level,scale,source,issuer,date,valid_until   (+ optional name,email,practiced_at,where)
 * and `columns` maps these fields to an export's own headers ({ person: "Employee ID" }). A row
 * that cannot be used (wrong cell count, no person, no skill) is returned as a failure by line.
 */
import { LerError } from "../../src/domain/errors.ts";

export const CSV_FIELDS = [
  "person",
  "skill",
  "level",
  "scale",
  "source",
  "issuer",
  "date",
  "valid_until",
  "name",
  "email",
  "practiced_at",
  "where",
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
const REQUIRED: CsvField[] = ["person", "skill"];

export interface CsvOptions {
  /** Field → the export's header for it (case-insensitive). Unmapped fields use their own name. */
  columns?: Partial<Record<CsvField, string>>;
}

export interface CsvRow {
  line: number;
  fields: Partial<Record<CsvField, string>>;
}

/** What decode.ts hands the CSV parser: one person's rows from one file. */
export interface CsvPersonRows {
  kind: typeof CSV_KIND;
  file: string | null;
  person: string;
  rows: CsvRow[];
  /** Problems on this person's rows that did not make them unusable, and unusable rows of theirs. */
  problems: string[];
}
export const CSV_KIND = "ler-match/csv-person";

export interface CsvSplit {
  people: CsvPersonRows[];
  /** Rows that cannot be used at all, by line. */
  failures: { line: number; message: string }[];
}

/** RFC 4180 records with the physical line each starts on; quoted fields may span lines. */
export function csvRecords(text: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  const src = text.replace(/^\uFEFF/, "");
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== "")) out.push({ line: start, cells });
    cells = [];
    cell = "";
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (ch === "\n") line++;
    if (quoted) {
      const doubled = ch === '"' && src[i + 1] === '"';
      if (doubled) i++;
      if (ch === '"' && !doubled) quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") continue; // the \n ends the record
      if (ch === "\r") line++;
      endRecord();
      start = line;
    } else cell += ch;
  }
  if (quoted) throw csvError(`line ${start}: a quoted field is never closed`, `line ${start}`);
  endRecord();
  return out;
}

export const csvError = (message: string, path: string) =>
  new LerError("parse_failed", message, { details: { path } });

/** Header cell index for each field, honouring the column mapping. */
function headerIndex(header: string[], options: CsvOptions): Partial<Record<CsvField, number>> {
  const names = header.map((h) => h.trim().toLowerCase());
  const index: Partial<Record<CsvField, number>> = {};
  for (const field of CSV_FIELDS) {
    const wanted = (options.columns?.[field] ?? field).trim().toLowerCase();
    const at = names.indexOf(wanted);
    if (at >= 0) index[field] = at;
    else if (options.columns?.[field])
      throw csvError(`CSV header has no column "${options.columns[field]}" (mapped to ${field})`, "line 1");
  }
  const missing = REQUIRED.filter((f) => index[f] === undefined);
  if (missing.length > 0)
    throw csvError(
      `CSV header lacks ${missing.join(", ")} (saw ${header.join(", ")}); name them or map them with columns`,
      "line 1",
    );
  return index;
}

export const looksLikeCsvHeader = (firstLine: string): boolean => {
  const cells = firstLine
    .toLowerCase()
    .split(",")
    .map((c) => c.trim().replace(/^"|"$/g, ""));
  return cells.includes("person") && cells.includes("skill");
};

/** Splits a CSV export into one record per person, and the rows that cannot be used. */
export function splitCsv(text: string, file: string | null, options: CsvOptions = {}): CsvSplit {
  const [header, ...records] = csvRecords(text);
  if (!header) throw csvError("CSV is empty", "line 1");
  const index = headerIndex(header.cells, options);
  const people = new Map<string, CsvPersonRows>();
  const failures: CsvSplit["failures"] = [];
  const skipped: { person: string; problem: string }[] = [];
  for (const { line, cells } of records) {
    const fields: CsvRow["fields"] = {};
    for (const [field, at] of Object.entries(index) as [CsvField, number][]) {
      const value = cells[at]?.trim();
      if (value) fields[field] = value;
    }
    const problem = rowProblem(line, cells.length, header.cells.length, fields);
    if (problem) {
      failures.push({ line, message: problem });
      if (fields.person) skipped.push({ person: fields.person, problem });
    } else personRows(people, file, fields.person as string).rows.push({ line, fields });
  }
  // A skipped row is also a warning on its person's document, when that person has good rows.
  for (const { person, problem } of skipped) people.get(person)?.problems.push(`${problem}, row skipped`);
  return { people: [...people.values()], failures };
}

function rowProblem(line: number, cells: number, expected: number, fields: CsvRow["fields"]): string | null {
  if (cells !== expected) return `line ${line}: ${cells} cells, the header has ${expected}`;
  if (!fields.person) return `line ${line}: no person`;
  if (!fields.skill) return `line ${line}: no skill`;
  return null;
}

function personRows(people: Map<string, CsvPersonRows>, file: string | null, person: string): CsvPersonRows {
  const found = people.get(person);
  if (found) return found;
  const created: CsvPersonRows = { kind: CSV_KIND, file, person, rows: [], problems: [] };
  people.set(person, created);
  return created;
}
