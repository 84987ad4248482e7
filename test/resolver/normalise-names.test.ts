import { describe, expect, it } from "vitest";
import { buildTaxonomy } from "../../taxonomy/graph.ts";
import { normaliseText } from "../../taxonomy/resolver/concept-index.ts";
import { createExtractor } from "../../taxonomy/resolver/extract.ts";

describe("names as job ads write them", () => {
  it.each([
    [".NET", "dotnet"],
    ["azure . net", "azure dotnet"],
    ["dot net", "dotnet"],
    ["ASP.NET", "asp.net"],
    ["the net result", "the net result"],
  ])("%s normalises to %s", (text, normalised) => {
    expect(normaliseText(text)).toBe(normalised);
  });

  const taxonomy = buildTaxonomy([
    { id: "vs-net", label: "Visual Studio .NET", aliases: ["dot net"], type: "tool" },
    { id: "teams", label: "work in teams", aliases: ["team-working"], type: "skill" },
    { id: "fishing", label: "fishing nets", type: "skill" },
  ]);
  const extractor = createExtractor([...taxonomy.all()]);
  const first = (text: string) => extractor.extract(text, 1)[0]?.id;

  it("reads the tokenised '. NET' of a job ad as .NET, not as a net", () => {
    expect(first("Azure PaaS microservices . NET PowerShell")).toBe("vs-net");
  });

  it("finds a hyphenated name written closed ('teamworking')", () => {
    expect(first("teamworking")).toBe("teams");
    expect(first("teamwork")).toBe("teams");
  });
});
