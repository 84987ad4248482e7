import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createCsvParser, readCsvRecords, readCsvRows, readTsvRows } from "../../taxonomy/import/csv.ts";

const dir = mkdtempSync(join(tmpdir(), "ler-csv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const parseAll = (text: string) => {
  const p = createCsvParser();
  return [...p.feed(text), ...p.end()];
};

const quote = (field: string) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);

describe("RFC 4180 CSV reader", () => {
  it("keeps line breaks, commas and doubled quotes inside a quoted field", () => {
    expect(parseAll('a,"x\ny, ""z""",b\n')).toEqual([["a", 'x\ny, "z"', "b"]]);
  });

  it("ends records on CRLF, LF or CR and keeps empty fields", () => {
    expect(parseAll("a,,b\r\nc,d\re,\n")).toEqual([
      ["a", "", "b"],
      ["c", "d"],
      ["e", ""],
    ]);
  });

  it("reads a last record without a trailing newline", () => {
    expect(parseAll('a,"b"')).toEqual([["a", "b"]]);
  });

  it("rejects a file that ends inside a quoted field", () => {
    expect(() => parseAll('a,"open\n')).toThrow(expect.objectContaining({ code: "parse_failed" }));
  });

  it("parses any quoted rendering of any table back to the table, whatever the chunking", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", "\r\n", " ", "é") });
    const tableArb = fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(tableArb, fc.integer({ min: 1, max: 7 }), (rows, chunk) => {
        const text = rows.map((r) => r.map(quote).join(",")).join("\r\n");
        const parser = createCsvParser();
        const out: string[][] = [];
        for (let i = 0; i < text.length; i += chunk) out.push(...parser.feed(text.slice(i, i + chunk)));
        out.push(...parser.end());
        expect(out).toEqual(rows);
      }),
    );
  });

  it("reads files in chunks smaller than a record, decoding UTF-8 split across chunks", () => {
    const path = file("multi.csv", '\ufeffid,labels\n1,"café\nthé"\n2,plain\n');
    expect([...readCsvRecords(path, { chunkBytes: 3 })]).toEqual([
      ["id", "labels"],
      ["1", "café\nthé"],
      ["2", "plain"],
    ]);
  });

  it("keys rows by the header and skips blank lines", () => {
    const path = file("rows.csv", "a,b\n1,2\n\n3\n");
    expect([...readCsvRows(path)]).toEqual([
      { a: "1", b: "2" },
      { a: "3", b: "" },
    ]);
  });

  it("reads tab-separated files with literal quotes", () => {
    const path = file("t.txt", 'code\ttitle\r\n1\t24" monitor\r\n');
    expect([...readTsvRows(path)]).toEqual([{ code: "1", title: '24" monitor' }]);
  });
});
