import { describe, expect, it } from "vitest";
import { bm25Terms, buildBm25 } from "../../src/quality/bm25.ts";

describe("bm25", () => {
  const index = buildBm25([
    ["a", "Python SQL Python"],
    ["b", "SQL Excel"],
    ["c", "Welding"],
  ]);

  it("tokenises to lower-case words, keeping c++ and c#", () => {
    expect(bm25Terms("C++, C# and Café-Bar")).toEqual(["c++", "c#", "and", "cafe", "bar"]);
  });

  it("scores only documents sharing a term, the rarer term weighing more", () => {
    const scores = index.search("python sql");
    expect([...scores.keys()].sort()).toEqual(["a", "b"]);
    expect(scores.get("a")).toBeGreaterThan(scores.get("b") as number);
  });

  it("matches the Okapi formula on a single-term query", () => {
    // N = 3, df(welding) = 1, tf = 1, |c| = 1, avgdl = (3 + 2 + 1) / 3 = 2
    const idf = Math.log(1 + (3 - 1 + 0.5) / (1 + 0.5));
    const expected = (idf * 2.2) / (1 + 1.2 * (0.25 + (0.75 * 1) / 2));
    expect(index.search("welding").get("c")).toBeCloseTo(expected, 12);
  });
});
