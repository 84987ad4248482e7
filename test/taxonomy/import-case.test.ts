import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildTaxonomy } from "../../taxonomy/graph.ts";
import { importCase } from "../../taxonomy/import/case.ts";

const CASE_DIR = "../shared/data/ler-samples/case";
const read = (file: string): unknown => JSON.parse(readFileSync(`${CASE_DIR}/${file}`, "utf8"));

describe("CASE framework import", () => {
  it("imports the OpenSALT standards framework with its hierarchy and item-to-item relations", () => {
    const r = importCase(
      read("opensalt-framework-20c5134f-423d-4097-a971-3dd5152bf507.json"),
      "What Standards",
    );
    expect(r.counts).toEqual({ items: 16, broaderEdges: 14, relatedEdges: 2, topLevel: 2, external: 21 });
    const ratio = r.concepts.find((c) => c.aliases?.includes("CCSS.Math.Content.6.RP.A.1"))!;
    expect(ratio).toMatchObject({
      id: "case:what-standards:b6f61076-aa12-450b-8f9d-b86bc071f85e",
      label:
        "Understand the concept of a ratio and use ratio language to describe a ratio relationship between two quantities.",
      type: "skill",
      broader: ["case:what-standards:edfce0e7-dbbf-40d5-af1a-baccabef85e9"],
      caseUri: "http://opensalt-staging.opened.com/uri/b6f61076-aa12-450b-8f9d-b86bc071f85e",
      source: "case:what-standards",
    });
    expect(ratio.related).toEqual(["case:what-standards:eceec0fb-e4de-4ef3-a48f-0987b366c9ae"]);
  });

  it("imports the ACT math framework as one tree four levels deep", () => {
    const r = importCase(read("opensalt-tests_ACT-Holistic-Framework-Math.json"), "ACT Math");
    expect(r.counts).toEqual({ items: 28, broaderEdges: 27, relatedEdges: 0, topLevel: 1, external: 0 });
    const taxonomy = buildTaxonomy(r.concepts);
    const root = r.concepts.find((c) => c.broader?.length === 0)!;
    expect(root).toMatchObject({
      label: "Geometry and Measurement",
      aliases: [
        "H.A.MATH.GM",
        "Properties and measurements of and relationships among two?- and three-dimensional shapes",
      ],
    });
    expect(Math.max(...r.concepts.map((c) => taxonomy.ancestors(c.id).length))).toBe(4);
    expect(
      r.concepts.filter((c) => c.id !== root.id).every((c) => taxonomy.ancestors(c.id).includes(root.id)),
    ).toBe(true);
  });

  it("imports the SmartLevel test framework: two roots, twelve children", () => {
    const r = importCase(read("opensalt-tests_SmartLevelFramework.json"), "SmartLevel");
    expect(r.counts).toEqual({ items: 14, broaderEdges: 12, relatedEdges: 0, topLevel: 2, external: 0 });
    expect(r.concepts.filter((c) => c.broader?.length === 0).map((c) => c.label)).toEqual([
      "Item 1",
      "Item 2",
    ]);
    const taxonomy = buildTaxonomy(r.concepts);
    expect(taxonomy.resolve("Item 1.1")[0]?.conceptId).toBe(
      "case:smartlevel:00000000-0000-0000-0000-000000000003",
    );
    expect(taxonomy.narrower("case:smartlevel:00000000-0000-0000-0000-000000000001")).toContain(
      "case:smartlevel:00000000-0000-0000-0000-000000000003",
    );
  });

  it("rejects JSON that is not a CASE package", () => {
    expect(() => importCase({ CFItems: [] }, "nothing")).toThrow(
      expect.objectContaining({ code: "parse_failed" }),
    );
  });
});
