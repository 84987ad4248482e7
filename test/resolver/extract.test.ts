import { describe, expect, it } from "vitest";
import { createBm25 } from "../../src/text/bm25.ts";
import { createExtractor, extractConcepts } from "../../taxonomy/resolver/extract.ts";
import { loadStarterConcepts, loadStarterOccupations, loadStarterTaxonomy } from "../../taxonomy/starter.ts";
import { matchTitles } from "../../taxonomy/titles.ts";

const taxonomy = loadStarterTaxonomy();

describe("extractConcepts", () => {
  const text = "Welded stainless steel with TIG welding and read blueprints daily";

  it("ranks the concepts named in the text first, with offsets of the words that named them", () => {
    const out = extractConcepts(text, taxonomy, 3);
    expect(out.map((c) => c.id).slice(0, 2)).toEqual(["trades.welding.gtaw", "trades.blueprint-reading"]);
    const [tig] = out;
    expect(tig && text.slice(tig.start, tig.end)).toBe("TIG welding");
  });

  it("returns at most k results, best first", () => {
    const out = extractConcepts(text, taxonomy, 5);
    expect(out.length).toBe(5);
    expect(out.map((c) => c.score)).toEqual([...out.map((c) => c.score)].sort((a, b) => b - a));
  });

  it("literal-only weights find only names written in the text", () => {
    const literal = createExtractor(loadStarterConcepts(), {
      weights: { stemmedPhrase: 0, names: 0, description: 0, prior: 0 },
    });
    expect(
      literal
        .extract("Python and Docker", 10)
        .map((c) => c.id)
        .sort(),
    ).toEqual(["cloud.docker", "sw.python"]);
  });
});

describe("matchTitles", () => {
  const occupations = loadStarterOccupations();

  it("matches a title equal to an alias after dropping seniority words", () => {
    expect(matchTitles("Senior Software Engineer", occupations, 1)[0]).toMatchObject({
      id: "occ.software-developer",
      score: 1,
    });
  });

  it("ranks by shared words when nothing matches exactly", () => {
    expect(matchTitles("Welder (night shift, structural steel)", occupations, 1)[0]?.id).toBe("occ.welder");
  });

  it("returns nothing for an empty or noise-only title", () => {
    expect(matchTitles("Urgent hiring!!", occupations, 3)).toEqual([]);
  });
});

describe("BM25", () => {
  it("scores by term frequency, saturating, and by rarity", () => {
    const bm25 = createBm25([["a", "b"], ["a", "a", "c"], ["d"]]);
    const [top, next] = bm25.search(["a", "c"], 3);
    expect(top?.doc).toBe(1);
    expect(next?.doc).toBe(0);
    expect(bm25.search(["zzz"], 3)).toEqual([]);
  });
});
