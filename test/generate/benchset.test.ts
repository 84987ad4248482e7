import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateBenchSet } from "../../src/generate/benchset.ts";
import { generateDemoDocuments } from "../../src/generate/demo.ts";
import { readDataset, writeDataset } from "../../src/quality/dataset.ts";
import { loadStarterConcepts } from "../../taxonomy/starter.ts";

const dir = mkdtempSync(join(tmpdir(), "benchset-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("generated benchmark sets", () => {
  it("write a dataset folder that loads without issues", () => {
    writeDataset(dir, generateBenchSet({ people: 150, positions: 5, seed: 3 }));
    const { dataset, issues } = readDataset(dir);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(dataset.positions).toHaveLength(5);
    expect(readFileSync(join(dir, "qrels"), "utf8").split("\n")[0]).toMatch(/^pos\d{3} 0 \S+ [123]$/);
  });

  it("only ask for concepts of the starter taxonomy", () => {
    const known = new Set(loadStarterConcepts().map((c) => c.id));
    const { positions } = generateBenchSet({ people: 10, positions: 20, seed: 4 });
    for (const p of positions) for (const r of p.requirements) expect(known.has(r.concept)).toBe(true);
  });

  it("give the demo the same documents for the same seed", () => {
    expect(JSON.stringify(generateDemoDocuments(42, 30))).toBe(JSON.stringify(generateDemoDocuments(42, 30)));
  });
});
