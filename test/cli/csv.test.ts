import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvRecords } from "../../indexer/formats/csv-split.ts";
import { toCsv } from "../../src/cli/csv.ts";

describe("CSV output", () => {
  it("reads back cell for cell through the CSV reader, whatever the cells hold", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", "\r\n", " ", "é") });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(cell), { maxLength: 5 }),
        (width, body) => {
          const headers = Array.from({ length: width }, (_, i) => `h${i}`);
          // the reader skips records with nothing but blanks, as a spreadsheet's empty lines
          const rows = body
            .map((r) => headers.map((_, i) => r[i] ?? "x"))
            .filter((r) => r.some((c) => c.trim()));
          const read = csvRecords(toCsv(headers, rows)).map((r) => r.cells);
          expect(read).toEqual([headers, ...rows]);
        },
      ),
    );
  });
});
