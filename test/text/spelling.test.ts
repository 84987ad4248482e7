import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { britishSpelling } from "../../src/text/spelling.ts";
import { contentStems } from "../../taxonomy/resolver/concept-index.ts";

describe("britishSpelling", () => {
  it.each([
    ["organize", "organise"],
    ["organizational", "organisational"],
    ["prioritizing", "prioritising"],
    ["analyze", "analyse"],
    ["behavioral", "behavioural"],
    ["color", "colour"],
    ["favorite", "favourite"],
    ["center", "centre"],
    ["centers", "centres"],
    ["pediatric", "paediatric"],
    ["anesthesiology", "anaesthesiology"],
    ["catalog", "catalogue"],
    ["judgment", "judgement"],
  ])("%s → %s", (american, british) => {
    expect(britishSpelling(american)).toBe(british);
  });

  it.each([
    "size",
    "resize",
    "prize",
    "seized",
    "citizen",
    "horizon",
    "humorous",
    "honorary",
    "laboratory",
    "literal",
  ])("keeps %s as written", (word) => {
    expect(britishSpelling(word)).toBe(word);
  });

  it("is idempotent: a British spelling is left alone", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,14}$/), (word) => {
        const once = britishSpelling(word);
        expect(britishSpelling(once)).toBe(once);
      }),
    );
  });

  it("makes American and British job-ad words one stem, and organization no organ", () => {
    expect(contentStems("organizational goals")).toEqual(contentStems("organisational goals"));
    expect(contentStems("optimize")).toEqual(contentStems("optimise"));
    expect(contentStems("organization")).not.toEqual(contentStems("organ"));
  });

  it("keeps apart words Porter would merge with unrelated ones", () => {
    const pairs = [
      ["experience", "experiment"],
      ["communication", "community"],
      ["general", "generate"],
      ["business", "busy"],
    ];
    for (const [a = "", b = ""] of pairs) expect(contentStems(a)).not.toEqual(contentStems(b));
    expect(contentStems("experiences")).toEqual(contentStems("experience"));
  });
});
