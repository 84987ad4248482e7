import { describe, expect, it } from "vitest";
import { decodeInput } from "../../indexer/decode.ts";
import { detectFormat } from "../../indexer/detect.ts";
import { csvScale } from "../../indexer/formats/csv.ts";
import { csvRecords } from "../../indexer/formats/csv-split.ts";
import { isLerError } from "../../src/domain/errors.ts";
import { inputOf, nameOf, parseInput } from "./helpers.ts";

const EXPORT = [
  "person,skill,level,scale,source,issuer,date,valid_until,name,email",
  "E1,Python,4,1-5,employer-record,Acme HR,2024-03-01,,Ada Lovelace,ada@example.com",
  "E2,Excel,B2,cefr,assessment,Acme LMS,2023-11-15,2025-11-15,Alan Turing,",
  "E1,,3,1-5,,,,,,", // line 4: no skill
  'E1,"SQL, advanced",expert,,self-asserted,,not a date,,,',
  ",Java,3,1-5,,,,,,", // line 6: no person
  "E2,Go,2", // line 7: too few cells
].join("\n");

/** Outcome of each decoded input: its name and either its assertions or its error. */
function outcomes(text: string, name = "people.csv") {
  return decodeInput({ name, content: text }).map((piece) => {
    try {
      return { name: nameOf(piece), docs: parseInput(inputOf(piece)) };
    } catch (e) {
      if (!isLerError(e)) throw e;
      return { name: nameOf(piece), error: { code: e.code, message: e.message, details: e.details } };
    }
  });
}

describe("CSV exports", () => {
  it("lands the good rows, one document per person, in file order", () => {
    const good = outcomes(EXPORT).filter((o) => o.docs);
    expect(good.map((o) => o.name)).toEqual(["people.csv person E1", "people.csv person E2"]);
    const [e1, e2] = good.map((o) => o.docs?.[0]);
    expect(e1?.person).toEqual({ id: "E1", name: "Ada Lovelace", email: "ada@example.com", location: null });
    expect(e1?.documentId).toBe("csv:people.csv:E1");
    expect(e1?.sourceKind).toBe("employer-record");
    expect(e1?.assertions).toEqual([
      {
        skillText: "Python",
        rawLevel: 4,
        scale: { min: 1, max: 5 },
        sourceKind: "employer-record",
        issuer: "Acme HR",
        issuedAt: "2024-03-01",
        validUntil: null,
        lastPracticedAt: null,
        wherePracticed: null,
        sourcePath: "line 2",
      },
      {
        skillText: "SQL, advanced",
        rawLevel: "expert",
        scale: null,
        sourceKind: "self-asserted",
        issuer: null,
        issuedAt: null,
        validUntil: null,
        lastPracticedAt: null,
        wherePracticed: null,
        sourcePath: "line 5",
      },
    ]);
    expect(e2?.assertions.map((a) => [a.skillText, a.rawLevel, a.scale, a.sourceKind, a.validUntil])).toEqual(
      [["Excel", "B2", { scale: "cefr" }, "assessment", "2025-11-15"]],
    );
  });

  it("reports each unusable row as a failing input named by its line", () => {
    const bad = outcomes(EXPORT).filter((o) => o.error);
    expect(bad).toEqual([
      {
        name: "people.csv line 4",
        error: { code: "parse_failed", message: "line 4: no skill", details: { path: "line 4" } },
      },
      {
        name: "people.csv line 6",
        error: { code: "parse_failed", message: "line 6: no person", details: { path: "line 6" } },
      },
      {
        name: "people.csv line 7",
        error: {
          code: "parse_failed",
          message: "line 7: 3 cells, the header has 10",
          details: { path: "line 7" },
        },
      },
    ]);
  });

  it("also warns on the person's document about their skipped row and their unreadable date", () => {
    const e1 = outcomes(EXPORT).find((o) => o.name === "people.csv person E1")?.docs?.[0];
    expect(e1?.warnings).toEqual([
      "line 4: no skill, row skipped",
      'line 5: date "not a date" is not a date, ignored',
    ]);
  });

  it("maps an export's own headers with columns", () => {
    const text = "Employee ID,Competency,Rating\n7,Welding,3\n";
    const [piece] = decodeInput(
      { name: "hris.txt", content: text, format: "csv" },
      { csv: { columns: { person: "Employee ID", skill: "Competency", level: "Rating" } } },
    );
    const [doc] = parseInput(inputOf(piece));
    expect(doc?.person.id).toBe("7");
    expect(doc?.assertions.map((a) => [a.skillText, a.rawLevel, a.sourcePath])).toEqual([
      ["Welding", 3, "line 2"],
    ]);
  });

  it("refuses a header without person and skill, naming what it saw", () => {
    const [piece] = decodeInput({ name: "x.csv", content: "id,competency\n1,Welding\n" });
    expect(() => inputOf(piece)).toThrow(
      "CSV header lacks person, skill (saw id, competency); name them or map them with columns",
    );
  });

  it("detects CSV by its header even without a .csv name", () => {
    const input = inputOf(decodeInput({ name: "upload", content: "person,skill\nP1,Rust\n" })[0]);
    expect(detectFormat(input.content, input.format)).toBe("csv");
  });

  it("reads quoted fields with commas, doubled quotes and line breaks, numbering records by their first line", () => {
    expect(csvRecords('a,b\r\n"x, ""y""","multi\nline"\nlast,row')).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ['x, "y"', "multi\nline"] },
      { line: 4, cells: ["last", "row"] },
    ]);
  });

  it("turns a scale column into a numeric range or a named scale", () => {
    expect([
      csvScale("1-5"),
      csvScale("0..100"),
      csvScale("1 to 10"),
      csvScale("SFIA"),
      csvScale(""),
    ]).toEqual([{ min: 1, max: 5 }, { min: 0, max: 100 }, { min: 1, max: 10 }, { scale: "sfia" }, null]);
  });

  it("rejects an unclosed quote with its line", () => {
    expect(() => csvRecords('person,skill\nP1,"Rust\n')).toThrow("line 2: a quoted field is never closed");
  });
});

describe("bad CSV rows under a forced format", () => {
  it("still fail with their own line, not a shape error", () => {
    const pieces = decodeInput({ name: "people.csv", content: "person,skill\nP1,\n", format: "csv" });
    const bad = pieces.find((p) => nameOf(p) === "people.csv line 2");
    expect(bad?.ok).toBe(false);
    expect(() => inputOf(bad)).toThrow("line 2: no skill");
  });
});
