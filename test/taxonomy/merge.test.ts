import { describe, expect, it } from "vitest";
import { mergeTaxonomies } from "../../taxonomy/merge.ts";
import type { ConceptInput } from "../../taxonomy/model.ts";

const PG_URI = "http://data.europa.eu/esco/skill/a8d07b5a-c1a1-42c6-9d53-db9c7a2ca996";
const DEV_URI = "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1";

const starter: ConceptInput[] = [
  { id: "sw.databases", label: "Databases", type: "knowledge" },
  {
    id: "sw.postgresql",
    label: "PostgreSQL",
    aliases: ["Postgres"],
    type: "tool",
    broader: ["sw.databases"],
    escoUri: PG_URI,
  },
];
const esco: ConceptInput[] = [
  { id: "esco:dbms", label: "database management systems", type: "knowledge", source: "esco" },
  {
    id: "esco:pg",
    label: "PostgreSQL (database)",
    aliases: ["Postgres", "PgSQL"],
    type: "knowledge",
    broader: ["esco:dbms"],
    description: "The computer program PostgreSQL.",
    escoUri: PG_URI,
    source: "esco",
  },
  {
    id: "esco:pgadmin",
    label: "pgAdmin",
    type: "tool",
    broader: ["esco:pg"],
    related: ["esco:pg"],
    source: "esco",
  },
];

const merge = () =>
  mergeTaxonomies([
    {
      concepts: starter,
      occupations: [
        {
          id: "occ.developer",
          label: "Developer",
          escoUri: DEV_URI,
          essential: ["sw.postgresql"],
          optional: [],
        },
      ],
    },
    {
      concepts: esco,
      occupations: [
        {
          id: "esco:dev",
          label: "software developer",
          aliases: ["programmer"],
          escoUri: DEV_URI,
          examples: ["Java Dev", "Programmer (Remote)"],
          essential: ["esco:pg", "esco:pgadmin"],
          source: "esco",
        },
        { id: "esco:dba", label: "database administrator", essential: ["esco:pg"], source: "esco" },
      ],
    },
  ]);

describe("merging imports into the starter taxonomy", () => {
  it("folds an ESCO concept into the starter concept with the same escoUri, keeping the starter id", () => {
    const merged = merge();
    expect(merged.crosswalk).toEqual(new Map([["esco:pg", "sw.postgresql"]]));
    expect(merged.concepts.map((c) => c.id)).toEqual([
      "sw.databases",
      "sw.postgresql",
      "esco:dbms",
      "esco:pgadmin",
    ]);
  });

  it("adds the ESCO labels as aliases, its description and its broader edges", () => {
    const pg = merge().concepts.find((c) => c.id === "sw.postgresql")!;
    expect(pg).toMatchObject({
      label: "PostgreSQL",
      aliases: ["Postgres", "PostgreSQL (database)", "PgSQL"],
      type: "tool",
      broader: ["sw.databases", "esco:dbms"],
      description: "The computer program PostgreSQL.",
      source: "starter",
    });
  });

  it("rewrites references to the folded concept", () => {
    const pgadmin = merge().concepts.find((c) => c.id === "esco:pgadmin")!;
    expect(pgadmin.broader).toEqual(["sw.postgresql"]);
    expect(pgadmin.related).toEqual(["sw.postgresql"]);
  });

  it("crosswalks occupations on escoUri: the curated profile keeps its skills and gains the aliases and labelled titles", () => {
    const { occupations } = merge();
    expect(occupations.map((o) => o.id)).toEqual(["occ.developer", "esco:dba"]);
    expect(occupations[0]).toMatchObject({
      essential: ["sw.postgresql"],
      aliases: ["software developer", "programmer"],
      examples: ["Java Dev", "Programmer (Remote)"],
    });
    expect(occupations[1]?.essential).toEqual(["sw.postgresql"]);
  });

  it("keeps every profile's rewritten skills for co-occurrence, folded occupations included", () => {
    expect(merge().occupationSkills).toEqual([
      { essential: ["sw.postgresql"], optional: [] },
      { essential: ["sw.postgresql", "esco:pgadmin"], optional: [] },
      { essential: ["sw.postgresql"], optional: [] },
    ]);
  });

  it("keeps the first of two concepts with the same id", () => {
    const { concepts } = mergeTaxonomies([
      { concepts: [{ id: "a", label: "first", type: "skill" }] },
      { concepts: [{ id: "a", label: "second", type: "skill" }] },
    ]);
    expect(concepts.map((c) => c.label)).toEqual(["first"]);
  });

  it("drops an edge that the crosswalk turns into a self-reference", () => {
    const { concepts } = mergeTaxonomies([
      { concepts: [{ id: "s", label: "S", type: "skill", onetCode: "2.A" }] },
      {
        concepts: [
          { id: "o", label: "O", type: "skill", onetCode: "2.A", related: ["o2"] },
          { id: "o2", label: "O2", type: "skill", onetCode: "2.A" },
        ],
      },
    ]);
    expect(concepts).toHaveLength(1);
    expect(concepts[0]?.related).toEqual([]);
    expect(concepts[0]?.aliases).toEqual(["O", "O2"]);
  });

  it("folds a concept without keys into the one earlier concept of the same name", () => {
    const { concepts, crosswalk } = mergeTaxonomies([
      { concepts: starter },
      { concepts: [{ id: "onet:tech:postgresql", label: "postgres", type: "tool", source: "onet" }] },
    ]);
    expect(crosswalk.get("onet:tech:postgresql")).toBe("sw.postgresql");
    expect(concepts.map((c) => c.id)).toEqual(["sw.databases", "sw.postgresql"]);
  });

  it("folds nothing by a name two earlier concepts share, nor by name within one source", () => {
    const { crosswalk } = mergeTaxonomies([
      {
        concepts: [
          { id: "a.excel", label: "Excel", type: "tool" },
          { id: "b.excel", label: "excel in sales", aliases: ["Excel"], type: "skill" },
        ],
      },
      {
        concepts: [
          { id: "x.excel", label: "Excel", type: "tool" },
          { id: "x.sales", label: "Sales", type: "skill" },
          { id: "x.sales2", label: "sales", type: "skill" },
        ],
      },
    ]);
    expect(crosswalk.size).toBe(0);
  });

  it("folds by name only when asked to", () => {
    const parts = [
      { concepts: starter },
      { concepts: [{ id: "o.pg", label: "PostgreSQL", type: "tool" as const }] },
    ];
    expect(mergeTaxonomies(parts, { crosswalkByName: false }).crosswalk.size).toBe(0);
  });
});

describe("O*NET titles on ESCO occupations", () => {
  const escoPart = {
    concepts: [],
    occupations: [
      {
        id: "esco:dev",
        label: "software developer",
        aliases: ["programmer"],
        escoUri: DEV_URI,
        source: "esco",
      },
      {
        id: "esco:baker",
        label: "baker",
        escoUri: "http://data.europa.eu/esco/occupation/b",
        source: "esco",
      },
    ],
  };
  const onetPart = {
    concepts: [],
    occupations: [
      {
        id: "onet:15-1252.00",
        label: "Software Developers",
        aliases: ["Application Developer", "Programmer"],
        onetCode: "15-1252.00",
        source: "onet",
      },
    ],
  };

  it("gives an ESCO occupation the titles of the O*NET occupation named like it, not its own names again", () => {
    const { occupations } = mergeTaxonomies([escoPart, onetPart]);
    const dev = occupations.find((o) => o.id === "esco:dev");
    expect(dev?.titles).toEqual(["Application Developer"]);
    expect(occupations.find((o) => o.id === "esco:baker")?.titles).toBeUndefined();
    expect(occupations.find((o) => o.id === "onet:15-1252.00")).toBeDefined();
  });

  it("adds no titles when only one of the two sources is merged", () => {
    const { occupations } = mergeTaxonomies([escoPart]);
    expect(occupations.every((o) => o.titles === undefined)).toBe(true);
  });
});
