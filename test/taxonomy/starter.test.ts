import { describe, expect, it } from "vitest";
import { Concept, type ConceptInput } from "../../taxonomy/model.ts";
import {
  loadStarterConcepts,
  loadStarterOccupations,
  loadStarterTaxonomy,
  type OccupationProfile,
} from "../../taxonomy/starter.ts";
import { validateTaxonomy } from "../../taxonomy/validate.ts";

/** One root concept per domain the starter taxonomy must cover. */
const DOMAIN_ROOTS = [
  "sw",
  "data",
  "cloud",
  "sec",
  "hc",
  "trades",
  "mfg",
  "biz",
  "fin",
  "sales",
  "edu",
  "lang",
  "tv",
];

const concept = (input: ConceptInput): Concept => Concept.parse(input);
const byId = (id: string) => loadStarterTaxonomy().get(id);
const rootOf = (id: string) => loadStarterTaxonomy().ancestors(id).at(-1) ?? id;

describe("shipped starter data", () => {
  it("validates with zero issues, occupations included", () => {
    expect(validateTaxonomy(loadStarterConcepts(), loadStarterOccupations())).toEqual([]);
  });

  it("holds at least 2,000 concepts", () => {
    expect(loadStarterConcepts().length).toBeGreaterThanOrEqual(2000);
  });

  it("has a root with at least 80 concepts under it for every domain", () => {
    const counts = new Map<string, number>();
    for (const c of loadStarterConcepts()) counts.set(rootOf(c.id), (counts.get(rootOf(c.id)) ?? 0) + 1);
    expect(DOMAIN_ROOTS.filter((root) => (counts.get(root) ?? 0) < 80)).toEqual([]);
    expect([...counts.keys()].sort()).toEqual([...DOMAIN_ROOTS].sort());
  });

  it("keeps the hierarchy between 2 and 4 levels below each root", () => {
    const depths = loadStarterConcepts().map((c) => loadStarterTaxonomy().ancestors(c.id).length);
    expect(Math.max(...depths)).toBeLessThanOrEqual(4);
    expect(Math.max(...depths)).toBeGreaterThanOrEqual(2);
  });

  it("gives every id the prefix of its domain root", () => {
    const stray = loadStarterConcepts().filter(
      (c) => !DOMAIN_ROOTS.includes(c.id) && !c.id.startsWith(`${rootOf(c.id)}.`),
    );
    expect(stray.map((c) => c.id)).toEqual([]);
  });

  it("names JavaScript by JS", () => {
    expect(byId("sw.javascript")?.aliases).toContain("JS");
  });

  it("names PostgreSQL by Postgres", () => {
    expect(byId("sw.postgresql")?.aliases).toContain("Postgres");
  });

  it("puts MIG welding and GMAW on the same concept", () => {
    expect(byId("trades.welding.gmaw")?.aliases).toEqual(expect.arrayContaining(["GMAW", "MIG welding"]));
  });

  it("has RN as a licence", () => {
    expect(byId("hc.rn")).toMatchObject({ type: "licence", aliases: expect.arrayContaining(["RN"]) });
  });

  it("resolves aliases through the taxonomy", () => {
    const resolve = (text: string) => loadStarterTaxonomy().resolve(text)[0]?.conceptId;
    expect(["JS", "Postgres", "MIG welding", "K8s", "RN"].map(resolve)).toEqual([
      "sw.javascript",
      "sw.postgresql",
      "trades.welding.gmaw",
      "cloud.kubernetes",
      "hc.rn",
    ]);
  });

  it("keeps ambiguous short names out of plain aliases", () => {
    const plain = loadStarterConcepts().flatMap((c) =>
      c.aliases.filter((a) => ["Go", "R", "C", "Excel", "Spring", "Swift"].includes(a)),
    );
    expect(plain).toEqual([]);
  });

  it("reports Swift as ambiguous between the language and the payments network", () => {
    const hits = loadStarterTaxonomy().resolve("Swift");
    expect(hits.map((h) => [h.conceptId, h.ambiguous]).sort()).toEqual([
      ["fin.swift-messaging", true],
      ["sw.swift", true],
    ]);
  });

  it("types human languages as language", () => {
    expect(
      ["lang.english", "lang.spanish", "lang.mandarin-chinese", "lang.american-sign-language"].map(
        (id) => byId(id)?.type,
      ),
    ).toEqual(["language", "language", "language", "language"]);
  });

  it("links ESCO only by skill URI", () => {
    const bad = loadStarterConcepts().filter(
      (c) => c.escoUri && !/^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/.test(c.escoUri),
    );
    expect(bad.map((c) => c.id)).toEqual([]);
  });

  it("builds the taxonomy once", () => {
    expect(loadStarterTaxonomy()).toBe(loadStarterTaxonomy());
  });
});

describe("shipped occupation profiles", () => {
  it("has at least 40 occupations", () => {
    expect(loadStarterOccupations().length).toBeGreaterThanOrEqual(40);
  });

  it("gives each occupation 8 to 25 distinct skills", () => {
    const outside = loadStarterOccupations().filter((o) => {
      const skills = new Set([...o.essential, ...o.optional]);
      return skills.size !== o.essential.length + o.optional.length || skills.size < 8 || skills.size > 25;
    });
    expect(outside.map((o) => o.id)).toEqual([]);
  });

  it("links ESCO only by occupation URI", () => {
    const bad = loadStarterOccupations().filter(
      (o) => o.escoUri && !/^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/.test(o.escoUri),
    );
    expect(bad.map((o) => o.id)).toEqual([]);
  });

  it("covers every domain with at least one essential skill", () => {
    const domains = new Set(loadStarterOccupations().flatMap((o) => o.essential.map(rootOf)));
    expect(DOMAIN_ROOTS.filter((d) => d !== "lang" && !domains.has(d))).toEqual([]);
  });
});

describe("validateTaxonomy", () => {
  const base = [
    concept({ id: "a", label: "Alpha", type: "skill" }),
    concept({ id: "b", label: "Beta", type: "skill", broader: ["a"] }),
  ];

  it("accepts a well-formed list", () => {
    expect(validateTaxonomy(base)).toEqual([]);
  });

  it("reports a duplicate id", () => {
    const issues = validateTaxonomy([...base, concept({ id: "a", label: "Gamma", type: "skill" })]);
    expect(issues.map((i) => [i.code, i.path])).toEqual([["duplicate_id", ["concepts", 2, "id"]]]);
  });

  it("reports a blank label", () => {
    const issues = validateTaxonomy([...base, concept({ id: "c", label: " ", type: "skill" })]);
    expect(issues.map((i) => [i.code, i.path])).toEqual([["empty_label", ["concepts", 2, "label"]]]);
  });

  it("reports dangling broader and related references", () => {
    const issues = validateTaxonomy([
      ...base,
      concept({ id: "c", label: "Gamma", type: "skill", broader: ["x"], related: ["a", "y"] }),
    ]);
    expect(issues).toMatchObject([
      { code: "dangling_reference", path: ["concepts", 2, "broader", 0], from: "c", to: "x" },
      { code: "dangling_reference", path: ["concepts", 2, "related", 1], from: "c", to: "y" },
    ]);
  });

  it("reports a cycle in broader once", () => {
    const issues = validateTaxonomy([
      concept({ id: "a", label: "Alpha", type: "skill", broader: ["c"] }),
      concept({ id: "b", label: "Beta", type: "skill", broader: ["a"] }),
      concept({ id: "c", label: "Gamma", type: "skill", broader: ["b"] }),
    ]);
    expect(issues).toMatchObject([{ code: "broader_cycle", cycle: ["a", "c", "b", "a"] }]);
  });

  it("reports a concept that is its own broader", () => {
    const issues = validateTaxonomy([concept({ id: "a", label: "Alpha", type: "skill", broader: ["a"] })]);
    expect(issues).toMatchObject([{ code: "broader_cycle", cycle: ["a", "a"] }]);
  });

  it("reports an alias shared by two concepts after normalisation", () => {
    const issues = validateTaxonomy([
      ...base,
      concept({ id: "c", label: "Gamma", aliases: ["ALPHA"], type: "skill" }),
    ]);
    expect(issues).toMatchObject([{ code: "duplicate_name", name: "alpha", conceptIds: ["a", "c"] }]);
  });

  it("reports a name listed as ambiguous on only one of its concepts", () => {
    const issues = validateTaxonomy([
      concept({ id: "a", label: "Go language", ambiguousAliases: ["Go"], type: "skill" }),
      concept({ id: "b", label: "Go board game", aliases: ["Go"], type: "skill" }),
    ]);
    expect(issues).toMatchObject([{ code: "duplicate_name", name: "go", conceptIds: ["a", "b"] }]);
  });

  it("accepts a name listed as ambiguous on every concept that uses it", () => {
    const issues = validateTaxonomy([
      concept({ id: "a", label: "Go language", ambiguousAliases: ["Go"], type: "skill" }),
      concept({ id: "b", label: "Go board game", ambiguousAliases: ["Go"], type: "skill" }),
    ]);
    expect(issues).toEqual([]);
  });

  it("reports occupation references to unknown concepts and duplicate occupation ids", () => {
    const occupation = (id: string, essential: string[]): OccupationProfile => ({
      id,
      label: id,
      aliases: [],
      essential,
      optional: [],
    });
    const issues = validateTaxonomy(base, [occupation("occ.x", ["a", "z"]), occupation("occ.x", ["b"])]);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["duplicate_id", ["occupations", 1, "id"]],
      ["dangling_reference", ["occupations", 0, "essential", 1]],
    ]);
  });
});
