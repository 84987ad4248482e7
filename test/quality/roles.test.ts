import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateBenchSet } from "../../src/generate/benchset.ts";
import { WORLDS } from "../../src/generate/worlds.ts";
import { occupationTarget } from "../../src/match/targets.ts";
import { readDataset, writeDataset } from "../../src/quality/dataset.ts";
import { generatedSnapshot } from "../../src/quality/matrix.ts";
import { overlapRanking, roleQuality } from "../../src/quality/roles.ts";
import { DEFAULT_SCORING } from "../../src/scoring/config.ts";
import { loadStarterOccupations, loadStarterTaxonomy } from "../../taxonomy/starter.ts";
import { row } from "../scoring/fixtures.ts";

describe("a generated dataset's true occupations", () => {
  it("are written and read back with the dataset", () => {
    const dir = mkdtempSync(join(tmpdir(), "bench-occ-"));
    try {
      const content = generateBenchSet({ people: 20, positions: 2, seed: 3 });
      writeDataset(dir, content);
      const { dataset } = readDataset(dir);
      expect(dataset.occupations?.size).toBe(20);
      expect([...(dataset.occupations?.values() ?? [])].every((id) => id.startsWith("occ."))).toBe(true);
      writeFileSync(join(dir, "occupations.json"), '{"p1": 7}');
      expect(readDataset(dir).issues.map((i) => i.path)).toContain("occupations.json");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("role-ranking quality", () => {
  it("ranks by skill overlap for the baseline: the occupation whose skills a person names comes first", () => {
    const taxonomy = loadStarterTaxonomy();
    const targets = loadStarterOccupations().flatMap((o) => occupationTarget(o, taxonomy) ?? []);
    const nurse = targets.find((t) => t.id === "occ.registered-nurse") ?? targets[0]!;
    const rows = nurse.requirements.map((r) => row({ conceptId: r.conceptId }));
    expect(overlapRanking(targets, rows)[0]).toBe(nurse.id);
  });

  it("grades every generated person with evidence, model and baseline alike", async () => {
    const snapshot = await generatedSnapshot(5, WORLDS.baseline, 60, 2, loadStarterTaxonomy());
    const q = roleQuality(snapshot, loadStarterOccupations(), DEFAULT_SCORING, 200);
    expect(q.people).toBeGreaterThan(40);
    for (const a of [q.model, q.overlap]) {
      expect(a.acc1).toBeGreaterThanOrEqual(0);
      expect(a.acc1).toBeLessThanOrEqual(a.mrr);
      expect(a.mrr).toBeLessThanOrEqual(1);
    }
    // people are drawn from one occupation's skills: the model finds it far above chance
    expect(q.model.mrr).toBeGreaterThan(0.5);
  }, 120_000);
});

describe("role-ranking quality among career changers", () => {
  it("separates the model from skill overlap: a previous career's skills are as many, but years old", async () => {
    const snapshot = await generatedSnapshot(11, WORLDS.changers, 200, 2, loadStarterTaxonomy());
    const q = roleQuality(snapshot, loadStarterOccupations(), DEFAULT_SCORING, 2000);
    expect(q.model.mrr).toBeGreaterThan(q.overlap.mrr);
    expect(q.model.acc1).toBeGreaterThan(q.overlap.acc1);
    expect(q.vsOverlap.p).toBeLessThan(0.01);
  }, 120_000);
});
