import { describe, expect, it } from "vitest";
import { formatRun } from "../../src/quality/metrics.ts";
import { formatTable, metricsJson, renderHtml } from "../../src/quality/report.ts";
import type { QualityReport, SystemResult } from "../../src/quality/runner.ts";

const system = (name: string, v: number): SystemResult => ({
  name,
  kind: "config",
  description: name,
  run: new Map([
    [
      "q1",
      new Map([
        ["c1", 2],
        ["c2", 1],
      ]),
    ],
  ]),
  mean: { map: v, mrr: v, "ndcg@10": v, "p@10": v, "r@10": v, "ndcg@5": v },
  perPosition: { q1: { map: v, mrr: v, "ndcg@10": v, "p@10": v, "r@10": v, "ndcg@5": v } },
  ci: { map: { mean: v, low: v - 0.1, high: v + 0.1 } },
});

const report: QualityReport = {
  dataset: "t<&>",
  positions: 1,
  candidates: 2,
  ingest: { documents: 2, failed: 0, assertions: 4 },
  metrics: ["map", "mrr", "ndcg@5", "p@5", "r@5", "ndcg@10", "p@10", "r@10"],
  systems: [system("default", 0.5), system("bm25", 0.25)],
  comparisons: [
    {
      baseline: "default",
      system: "bm25",
      metric: "map",
      result: { mean: -0.25, low: -0.3, high: -0.2, p: 0.01, n: 1 },
    },
  ],
};

describe("quality report", () => {
  it("is one self-contained page: inline SVG, no scripts, nothing fetched", () => {
    const html = renderHtml(report);
    expect(html).toContain("<svg");
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
    expect(html).toContain("t&#60;&#38;&#62;");
  });

  it("prints one row per system with the headline metrics", () => {
    const lines = formatTable(report).split("\n");
    expect(lines[0]).toMatch(/^system\s+ndcg@10\s+map\s+mrr\s+p@10\s+r@10\s+ndcg@5$/);
    expect(lines[2]).toMatch(/^default\s+0\.500/);
    expect(lines).toHaveLength(4);
  });

  it("keeps per-position values in metrics.json", () => {
    const json = metricsJson(report) as {
      systems: Record<string, { perPosition: Record<string, Record<string, number>> }>;
    };
    expect(json.systems.bm25?.perPosition.q1?.map).toBe(0.25);
  });

  it("writes six-column TREC run lines in rank order", () => {
    expect(
      formatRun(
        new Map([
          [
            "q1",
            new Map([
              ["c1", 1],
              ["c2", 2],
            ]),
          ],
        ]),
        "x",
      ),
    ).toBe("q1 Q0 c2 1 2 x\nq1 Q0 c1 2 1 x\n");
  });
});
