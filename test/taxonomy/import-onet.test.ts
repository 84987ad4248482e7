import { beforeAll, describe, expect, it } from "vitest";
import { buildTaxonomy } from "../../taxonomy/graph.ts";
import { importOnet } from "../../taxonomy/import/onet.ts";
import type { ImportResult, OccupationProfile } from "../../taxonomy/import/types.ts";
import type { ConceptInput } from "../../taxonomy/model.ts";

const ONET_DIR = "../shared/data/onet-29.2";

let onet: ImportResult;
let byId: Map<string, ConceptInput>;
let occupation: (soc: string) => OccupationProfile;
beforeAll(() => {
  onet = importOnet(ONET_DIR);
  byId = new Map(onet.concepts.map((c) => [c.id, c]));
  occupation = (soc) => onet.occupations.find((o) => o.onetCode === soc)!;
});

describe("O*NET 29.2 import", () => {
  it("reads every occupation and 35 skills + 33 knowledge areas", () => {
    expect(onet.occupations).toHaveLength(1_016);
    const ratedIds = new Set(onet.occupations.flatMap((o) => Object.keys(o.ratings ?? {})));
    const rated = [...ratedIds].map((id) => byId.get(id)!);
    expect(rated.filter((c) => c.type === "skill")).toHaveLength(35);
    expect(rated.filter((c) => c.type === "knowledge")).toHaveLength(33);
  });

  it("keys an element by its id and places it under its content-model group", () => {
    expect(byId.get("onet:2.b.3.e")).toEqual({
      id: "onet:2.b.3.e",
      label: "Programming",
      aliases: [],
      type: "skill",
      broader: ["onet:2.b.3"],
      description: "Writing computer programs for various purposes.",
      onetCode: "2.B.3.e",
      source: "onet",
    });
    expect(byId.get("onet:2.b.3")).toMatchObject({ label: "Technical Skills", broader: ["onet:2.b"] });
    expect(buildTaxonomy(onet.concepts).ancestors("onet:2.b.3.e")).toEqual(["onet:2.b.3", "onet:2.b"]);
  });

  it("makes important elements essential and keeps their IM and LV ratings", () => {
    const programmers = occupation("15-1251.00");
    expect(programmers.label).toBe("Computer Programmers");
    expect(programmers.essential).toContain("onet:2.b.3.e");
    expect(programmers.ratings?.["onet:2.b.3.e"]).toEqual({ importance: 4.75, level: 4.88 });
  });

  it("makes elements rated below importance 3 optional", () => {
    const chiefs = occupation("11-1011.00");
    expect(chiefs.optional).toContain("onet:2.b.3.e");
    expect(chiefs.essential).not.toContain("onet:2.b.3.e");
    expect(chiefs.ratings?.["onet:2.b.3.e"]).toEqual({ importance: 1.75, level: 1 });
  });

  it("imports technology examples as tools under their UNSPSC commodity", () => {
    expect(byId.get("onet:tech:postgresql")).toEqual({
      id: "onet:tech:postgresql",
      label: "PostgreSQL",
      type: "tool",
      broader: ["onet:unspsc:43232311"],
      source: "onet",
    });
    expect(byId.get("onet:unspsc:43232311")?.label).toBe("Object oriented data base management software");
  });

  it("keeps C, C# and C++ apart", () => {
    expect(
      ["onet:tech:c", "onet:tech:csharp", "onet:tech:cplusplus"].map((id) => byId.get(id)?.label),
    ).toEqual(["C", "C#", "C++"]);
  });

  it("gives occupations their alternate titles and in-demand technology as essential", () => {
    const programmers = occupation("15-1251.00");
    expect(programmers.aliases).toContain("Analyst Programmer");
    expect(programmers.aliases).not.toContain("n/a");
    expect(programmers.optional).toContain("onet:tech:ada");
    expect(occupation("11-1011.00").essential).toContain("onet:tech:microsoft-excel");
  });
});
