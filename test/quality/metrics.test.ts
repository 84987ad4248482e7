import { describe, expect, it } from "vitest";
import { evaluateRanking, evaluateRun, rankRun } from "../../src/quality/metrics.ts";

const judged = new Map([
  ["a", 3],
  ["b", 0],
  ["c", 2],
  ["d", 1],
]);

describe("evaluateRanking on a hand-computed case", () => {
  // ranking: b(0) a(3) x(unjudged) c(2); d(1) not retrieved; R = 3
  const m = evaluateRanking(["b", "a", "x", "c"], judged, [3, 5]);

  it("MAP averages precision at each relevant rank over all relevant", () => {
    expect(m.map).toBeCloseTo((1 / 2 + 2 / 4) / 3, 12);
  });

  it("MRR is the reciprocal rank of the first relevant candidate", () => {
    expect(m.mrr).toBe(0.5);
  });

  it("P@k divides by k even past the end of the list", () => {
    expect(m["p@3"]).toBeCloseTo(1 / 3, 12);
    expect(m["p@5"]).toBeCloseTo(2 / 5, 12);
  });

  it("R@k divides by the number of relevant candidates", () => {
    expect(m["r@3"]).toBeCloseTo(1 / 3, 12);
    expect(m["r@5"]).toBeCloseTo(2 / 3, 12);
  });

  it("nDCG@k uses gain = grade and a log2(rank + 1) discount", () => {
    const dcg3 = 3 / Math.log2(3);
    const idcg3 = 3 + 2 / Math.log2(3) + 1 / 2;
    expect(m["ndcg@3"]).toBeCloseTo(dcg3 / idcg3, 12);
    const dcg5 = dcg3 + 2 / Math.log2(5);
    expect(m["ndcg@5"]).toBeCloseTo(dcg5 / idcg3, 12);
  });
});

describe("edge cases", () => {
  it("a perfect ranking scores 1 on nDCG, MAP and MRR", () => {
    const m = evaluateRanking(["a", "c", "d", "b"], judged, [10]);
    expect([m["ndcg@10"], m.map, m.mrr, m["r@10"]]).toEqual([1, 1, 1, 1]);
  });

  it("a position with nothing relevant scores 0, not NaN", () => {
    const m = evaluateRanking(["a"], new Map([["a", 0]]), [10]);
    expect(Object.values(m)).toEqual([0, 0, 0, 0, 0]);
  });

  it("ties rank by candidate id descending, as trec_eval does", () => {
    expect(
      rankRun(
        new Map([
          ["a", 1],
          ["c", 1],
          ["b", 2],
        ]),
      ),
    ).toEqual(["b", "c", "a"]);
  });

  it("a position missing from the run counts as 0 in the mean", () => {
    const qrels = new Map([
      ["p1", new Map([["a", 1]])],
      ["p2", new Map([["a", 1]])],
    ]);
    const run = new Map([["p1", new Map([["a", 1]])]]);
    expect(evaluateRun(qrels, run, [1]).mean.map).toBe(0.5);
  });
});
