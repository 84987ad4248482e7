import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadDataset, readDataset, writeDataset } from "../../src/quality/dataset.ts";

const doc = (id: string, person: string) => ({
  format: "ler-match/v1",
  id,
  person: { id: person },
  sourceKind: "self-asserted",
  assertions: [{ skill: "SQL" }],
});

let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fixture(): string {
  dir = mkdtempSync(join(tmpdir(), "bench-ds-"));
  writeDataset(dir, {
    manifest: { format: "ler-match-bench/v1", name: "t" },
    documents: [doc("d1", "alice"), doc("d2", "bob")],
    positions: [{ id: "q1", requirements: [{ concept: "sw.sql", minLevel: 3 }] }],
    qrels: new Map([["q1", new Map([["alice", 2]])]]),
  });
  return dir;
}

const codes = (d: string) => readDataset(d).issues.map((i) => [i.code, i.path]);

describe("dataset folders", () => {
  it("round-trips what was written", () => {
    const { dataset, warnings } = loadDataset(fixture());
    expect(warnings).toEqual([]);
    expect(dataset.documents).toHaveLength(2);
    expect(dataset.positions[0]?.requirements[0]).toEqual({
      concept: "sw.sql",
      minLevel: 3,
      weight: 1,
      required: false,
    });
    expect(dataset.qrels.get("q1")).toEqual(new Map([["alice", 2]]));
  });

  it("names an unknown position, an unknown candidate, a bad grade and a duplicate, with line numbers", () => {
    const d = fixture();
    writeFileSync(
      join(d, "qrels"),
      "q1 0 alice 2\nq9 0 alice 1\nq1 0 carol 1\nq1 0 bob 7\nq1 0 alice 1\nq1 alice\n",
    );
    expect(codes(d)).toEqual([
      ["unknown_position", "qrels:2"],
      ["unknown_candidate", "qrels:3"],
      ["grade_out_of_range", "qrels:4"],
      ["duplicate_judgement", "qrels:5"],
      ["malformed_qrels_line", "qrels:6"],
    ]);
  });

  it("names duplicate documents and positions, and invalid position fields", () => {
    const d = fixture();
    writeFileSync(join(d, "corpus", "extra.jsonl"), `${JSON.stringify(doc("d1", "alice"))}\nnot json\n`);
    writeFileSync(
      join(d, "positions.json"),
      JSON.stringify([
        { id: "q1", requirements: [{ concept: "sw.sql" }] },
        { id: "q1", requirements: [{ concept: "sw.sql" }] },
        { id: "q2", requirements: [{ concept: "sw.sql", minLevel: 9 }] },
      ]),
    );
    expect(codes(d)).toEqual([
      ["duplicate_document", "corpus/extra.jsonl:1"],
      ["invalid_json", "corpus/extra.jsonl:2"],
      ["duplicate_position", "positions.json[1].id"],
      ["invalid_position", "positions.json[2].requirements[0].minLevel"],
    ]);
  });

  it("warns about a position with nothing relevant", () => {
    const d = fixture();
    writeFileSync(join(d, "qrels"), "q1 0 alice 0\n");
    expect(readDataset(d).issues.map((i) => [i.code, i.severity])).toEqual([
      ["no_relevant_candidates", "warning"],
    ]);
  });

  it("refuses to load a folder with errors, listing them", () => {
    const d = fixture();
    rmSync(join(d, "positions.json"));
    expect(() => loadDataset(d)).toThrow(expect.objectContaining({ code: "invalid_input" }));
  });
});
