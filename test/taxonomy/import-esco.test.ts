import { beforeAll, describe, expect, it } from "vitest";
import { cooccurrenceFromOccupations } from "../../taxonomy/cooccurrence.ts";
import { buildTaxonomy } from "../../taxonomy/graph.ts";
import { escoId, importEsco } from "../../taxonomy/import/esco.ts";
import type { ImportResult } from "../../taxonomy/import/types.ts";
import type { ConceptInput } from "../../taxonomy/model.ts";

const ESCO_DIR = "../shared/data/esco-v1.1.1";
const LABELLED_TITLES = "../shared/data/jobbert-titles/titles.validation.csv";
const SOFTWARE_DEVELOPER = "esco:f2b15a0e-e65a-438a-affb-29b9d50b77d1";
const POSTGRESQL = "esco:a8d07b5a-c1a1-42c6-9d53-db9c7a2ca996";
const MYSQL = "esco:4da171e5-779c-4983-a76f-91c16751e99f";
const DBMS = "esco:ab1e97ed-2319-4293-a8b7-072d2648822f";

// One import shared by every assertion: it is the expensive part.
let esco: ImportResult;
let byId: Map<string, ConceptInput>;
beforeAll(() => {
  esco = importEsco(ESCO_DIR, { labelledTitles: [LABELLED_TITLES] });
  byId = new Map(esco.concepts.map((c) => [c.id, c]));
});

describe("ESCO v1.1.1 import", () => {
  it("reads every skill, skill group and occupation", () => {
    expect(esco.counts).toMatchObject({ skills: 13_896, skillGroups: 640, occupations: 3_007 });
    expect(esco.concepts).toHaveLength(13_896 + 640);
    expect(esco.occupations).toHaveLength(3_007);
  });

  it("derives ids from the URI", () => {
    expect(escoId("http://data.europa.eu/esco/skill/a8d07b5a-c1a1-42c6-9d53-db9c7a2ca996")).toBe(POSTGRESQL);
    expect(escoId("http://data.europa.eu/esco/isced-f/0612")).toBe("esco:isced-f:0612");
  });

  it("keeps the preferred label, multi-line altLabels, type and description of a skill", () => {
    expect(byId.get("esco:0005c151-5b5a-4a66-8aac-60e734beb1ab")).toEqual({
      id: "esco:0005c151-5b5a-4a66-8aac-60e734beb1ab",
      label: "manage musical staff",
      aliases: [
        "manage staff of music",
        "coordinate duties of musical staff",
        "manage music staff",
        "direct musical staff",
      ],
      type: "skill",
      broader: expect.any(Array),
      related: [],
      description:
        "Assign and manage staff tasks in areas such as scoring, arranging, copying music and vocal coaching.",
      escoUri: "http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab",
      source: "esco",
    });
  });

  it("puts a skill under its skill group and its broader skill", () => {
    const pg = byId.get(POSTGRESQL)!;
    expect(pg.label).toBe("PostgreSQL");
    expect(pg.aliases).toEqual(["Postgres"]);
    expect(pg.type).toBe("knowledge");
    expect(pg.broader).toEqual(["esco:isced-f:0612", DBMS]);
    expect(byId.get("esco:isced-f:0612")?.label).toBe("database and network design and administration");
    expect(byId.get(DBMS)?.label).toBe("database management systems");
  });

  it("builds a taxonomy where PostgreSQL is narrower than database management systems", () => {
    const taxonomy = buildTaxonomy(esco.concepts);
    expect(taxonomy.relation(DBMS, POSTGRESQL).relation).toBe("narrower");
    expect(taxonomy.relation(POSTGRESQL, MYSQL).relation).toBe("sibling");
    expect(taxonomy.resolve("Postgres")[0]?.conceptId).toBe(POSTGRESQL);
  });

  it("links skill-skill relations as related", () => {
    expect(byId.get("esco:00064735-8fad-454b-90c7-ed858cc993f2")?.related).toContain(
      "esco:d4a0744a-508b-4a5e-97a5-ad1fc7f55e6e",
    );
  });

  it("types the language-collection skills as language", () => {
    expect(byId.get("esco:01f10952-cb59-4347-9aee-d4fbc51c870a")).toMatchObject({
      label: "write Hungarian",
      type: "language",
    });
  });

  it("gives occupations their alt labels and essential skills", () => {
    const director = esco.occupations.find((o) => o.id === "esco:00030d09-2b3a-4efd-87cc-c4ea39d27c34")!;
    expect(director.label).toBe("technical director");
    expect(director.aliases).toContain("head of technical department");
    expect(director.essential).toHaveLength(8);
    expect(director.essential).toContain("esco:fed5b267-73fa-461d-9f69-827c78beb39d");
    expect(director.optional).toEqual([]);
  });

  it("gives occupations the vacancy titles labelled with them, repeats kept", () => {
    expect(esco.counts.labelledTitles).toBe(15_463);
    const developer = esco.occupations.find((o) => o.id === SOFTWARE_DEVELOPER);
    expect(developer?.examples).toHaveLength(647);
    const carrying = esco.occupations.filter((o) => o.examples?.length);
    // One of the 15,463 rows names an occupation ESCO v1.1.1 does not have: it is dropped.
    expect(carrying).toHaveLength(1_376);
    expect(carrying.reduce((n, o) => n + (o.examples?.length ?? 0), 0)).toBe(15_462);
  });

  it("finds PostgreSQL and MySQL co-occurring across ESCO occupations", () => {
    const co = cooccurrenceFromOccupations(esco.occupations);
    expect(co.get(POSTGRESQL)?.get(MYSQL)).toBeGreaterThan(0.9);
    expect(co.get(POSTGRESQL)?.has("esco:0005c151-5b5a-4a66-8aac-60e734beb1ab")).toBe(false);
  });
});
