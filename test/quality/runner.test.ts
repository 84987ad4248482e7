import { describe, expect, it } from "vitest";
import { generateBenchSet } from "../../src/generate/benchset.ts";
import { BenchPosition, DatasetManifest } from "../../src/quality/dataset.ts";
import { resolveScoring, runQuality } from "../../src/quality/runner.ts";

const content = generateBenchSet({ people: 120, positions: 4, seed: 8 });
const dataset = {
  manifest: DatasetManifest.parse(content.manifest),
  documents: [...content.documents],
  positions: content.positions.map((p) => BenchPosition.parse(p)),
  qrels: content.qrels,
};

describe("quality runner", () => {
  it("merges a partial configuration over the defaults", () => {
    const c = resolveScoring({ fit: { exponent: 3 }, trustEnabled: false });
    expect(c.fit).toEqual({ exponent: 3, unknownLevel: 0.6, base: 0.5, perLevel: 0.1, enabled: true });
    expect(c.trustEnabled).toBe(false);
  });

  it("rejects an invalid configuration naming the field", () => {
    expect(() => resolveScoring({ recency: { halfLifeYears: -1 } })).toThrow(
      expect.objectContaining({
        code: "invalid_input",
        details: [expect.objectContaining({ path: ["recency", "halfLifeYears"] })],
      }),
    );
  });

  it("ranks every position with the configurations and baselines and scores them alike", async () => {
    const report = await runQuality(dataset, {
      configs: [
        { name: "a", scoring: {} },
        { name: "b", scoring: { expansion: false } },
      ],
      ablations: false,
      jdText: false,
      iterations: 200,
    });
    expect(report.ingest.failed).toBe(0);
    expect(report.systems.map((s) => s.name)).toEqual(["a", "b", "bm25", "skill-overlap"]);
    for (const s of report.systems) {
      expect(Object.keys(s.perPosition).sort()).toEqual(dataset.positions.map((p) => p.id).sort());
      expect(s.mean["ndcg@10"]).toBeGreaterThan(0);
      expect(s.mean["ndcg@10"]).toBeLessThanOrEqual(1);
    }
    expect(report.comparisons.filter((c) => c.metric === "map").map((c) => c.system)).toEqual([
      "b",
      "bm25",
      "skill-overlap",
    ]);
  });
});
