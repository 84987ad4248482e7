/**
 * CSV exports from an HRIS or LMS. The documented header is
 *   person,skill,level,scale,source,issuer,date,valid_until   (+ optional name,email,practiced_at,where)
 * and `columns` maps these fields to an export's own headers ({ person: "Employee ID" }).
 * decode.ts splits a file into one input per person (rows in file order) and one failing input
 * per unusable row, named "file.csv line 7", so good rows land and bad ones are reported by line.
 */
import { basename } from "node:path";
import { SourceKind } from "../../src/domain/schemas.ts";
import type { ScaleHint } from "../../taxonomy/scales/types.ts";
import { isObject, isoDate, looksLikeEmail } from "../json-path.ts";
import type { FormatParser, ParsedDocument, RawAssertion } from "../types.ts";
import { newDocument } from "./common.ts";
import { CSV_KIND, type CsvField, type CsvPersonRows, type CsvRow, csvError } from "./csv-split.ts";

/** "1-5", "0..100", "1 to 10" → a numeric range; anything else names a scale. */
export function csvScale(value: string | undefined): ScaleHint | null {
  if (!value) return null;
  const range = /^\s*(-?\d+(?:\.\d+)?)\s*(?:-|\.\.|to|–)\s*(-?\d+(?:\.\d+)?)\s*$/i.exec(value);
  if (range) {
    const min = Number(range[1]);
    const max = Number(range[2]);
    if (max > min) return { min, max };
  }
  return { scale: value.toLowerCase() };
}

const numeric = (v: string): string | number => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v);

function rowAssertion(row: CsvRow, warnings: string[]): RawAssertion {
  const f = row.fields;
  const at = `line ${row.line}`;
  const date = (field: CsvField): string | null => {
    const value = f[field];
    if (!value) return null;
    const iso = isoDate(value);
    if (!iso) warnings.push(`${at}: ${field} "${value}" is not a date, ignored`);
    return iso;
  };
  const source = f.source ? SourceKind.safeParse(f.source.toLowerCase()) : null;
  if (source && !source.success)
    warnings.push(`${at}: source "${f.source}" is not a source kind, default used`);
  return {
    skillText: f.skill ?? "",
    rawLevel: f.level ? numeric(f.level) : null,
    scale: f.level ? csvScale(f.scale) : null,
    ...(source?.success ? { sourceKind: source.data } : {}),
    issuer: f.issuer ?? null,
    issuedAt: date("date"),
    validUntil: date("valid_until"),
    lastPracticedAt: date("practiced_at"),
    wherePracticed: f.where ?? null,
    sourcePath: at,
  };
}

const isCsvPerson = (doc: unknown): doc is CsvPersonRows =>
  isObject(doc) && doc.kind === CSV_KIND && typeof doc.person === "string" && Array.isArray(doc.rows);

export const csvParser: FormatParser = {
  format: "csv",
  detect(doc) {
    return isCsvPerson(doc) ? 20 : 0;
  },
  parse(doc): ParsedDocument[] {
    if (!isCsvPerson(doc))
      throw csvError("CSV rows must come through decodeInput (a CSV text, or rows grouped per person)", "$");
    const warnings = [...(Array.isArray(doc.problems) ? doc.problems.map(String) : [])];
    const rows = doc.rows.filter(
      (r): r is CsvRow => isObject(r) && typeof r.line === "number" && isObject(r.fields),
    );
    const assertions = rows
      .filter((r) => typeof r.fields.skill === "string")
      .map((r) => rowAssertion(r, warnings));
    const pick = (field: CsvField) =>
      rows.map((r) => r.fields[field]).find((v) => typeof v === "string") ?? null;
    const email = pick("email");
    return [
      newDocument(
        "csv",
        "employer-record",
        { id: doc.person, name: pick("name"), email: looksLikeEmail(email) ? email : null, location: null },
        {
          // By base name: the same export re-ingested from another folder replaces, not duplicates.
          documentId: doc.file ? `csv:${basename(doc.file)}:${doc.person}` : null,
          title: doc.file,
          assertions,
          warnings,
        },
      ),
    ];
  },
};
