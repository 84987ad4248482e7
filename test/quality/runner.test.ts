import { describe, expect, it } from "vitest";
import { BenchPosition, DatasetManifest } from "../../src/domain/bench-dataset.ts";
import { generateBenchSet } from "../../src/generate/benchset.ts";
import { ABLATIONS, resolveScoring, runQuality } from "../../src/quality/runner.ts";
import { DEFAULT_SCORING, ScoringConfig } from "../../src/scoring/config.ts";
import { meetsProbability } from "../../src/scoring/factors.ts";

const content = generateBenchSet({ people: 120, positions: 4, seed: 8 });
const dataset = {
  manifest: DatasetManifest.parse(content.manifest),
  documents: [...content.documents],
  positions: content.positions.map((p) => BenchPosition.parse(p)),
  qrels: content.qrels,
};

describe("quality runner", () => {
  it("merges a partial configuration over the defaults", () => {
    const c = resolveScoring({ level: { slope: 3 }, recency: { graceYears: 0 }, trustEnabled: false });
    expect(c.level).toEqual({ ...DEFAULT_SCORING.level, slope: 3 });
    expect(c.recency).toEqual({ ...DEFAULT_SCORING.recency, graceYears: 0 });
    expect(c.trustEnabled).toBe(false);
    expect(c.relatedness).toEqual(DEFAULT_SCORING.relatedness);
    expect(c.directFloor).toBe(DEFAULT_SCORING.directFloor);
  });

  it("ablates one factor at a time, each a valid configuration", () => {
    expect(ABLATIONS.map((a) => a.name)).toEqual(["no-levels", "no-trust", "no-recency", "no-expansion"]);
    for (const a of ABLATIONS) expect(ScoringConfig.parse(a.change(DEFAULT_SCORING))).toBeDefined();
    const ablated = (name: string) => ABLATIONS.find((a) => a.name === name)?.change(DEFAULT_SCORING);
    const noLevels = ablated("no-levels") as ScoringConfig;
    // stated levels no longer tell anyone apart: every level reads as a coin flip on the minimum
    for (const level of [null, 0, 2, 5])
      for (const kind of ["self-asserted", "verified-credential"] as const)
        expect(meetsProbability(level, 4, kind, noLevels)).toBeCloseTo(0.5, 6);
    expect({ ...noLevels, level: DEFAULT_SCORING.level }).toEqual(DEFAULT_SCORING);
    expect(ablated("no-trust")?.trustEnabled).toBe(false);
    expect(ablated("no-recency")?.recency.enabled).toBe(false);
    expect(ablated("no-expansion")?.expansion).toBe(false);
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

  it("runs the ablations of the first configuration", async () => {
    const report = await runQuality(dataset, {
      configs: [{ name: "a", scoring: {} }],
      jdText: false,
      baselines: false,
      iterations: 50,
    });
    expect(report.systems.map((s) => [s.name, s.kind])).toEqual([
      ["a", "config"],
      ["a/no-levels", "ablation"],
      ["a/no-trust", "ablation"],
      ["a/no-recency", "ablation"],
      ["a/no-expansion", "ablation"],
    ]);
    for (const s of report.systems) expect(s.mean["ndcg@10"]).toBeGreaterThan(0);
  });
});
