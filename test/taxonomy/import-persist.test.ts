import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/sqlite-store.ts";
import {
  loadImported,
  loadTaxonomyFromDb,
  saveImport,
  taxonomyStats,
} from "../../src/store/taxonomy-store.ts";
import { importCase } from "../../taxonomy/import/case.ts";
import { Concept } from "../../taxonomy/model.ts";
import { loadStarterConcepts } from "../../taxonomy/starter.ts";

const dir = mkdtempSync(join(tmpdir(), "ler-taxonomy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshDb = () => join(dir, `t${n++}.db`);

const CASE_FILE = "../shared/data/ler-samples/case/opensalt-tests_SmartLevelFramework.json";
const smartLevel = () => importCase(JSON.parse(readFileSync(CASE_FILE, "utf8")), "SmartLevel");

const escoLike = [
  { id: "esco:x1", label: "skill one", aliases: ["one"], type: "skill" as const, source: "esco" },
  { id: "esco:x2", label: "skill two", type: "knowledge" as const, broader: ["esco:x1"], source: "esco" },
];
const escoOccupation = {
  id: "esco:o1",
  label: "an occupation",
  examples: ["Occupation Exec (Remote)", "Occupation Exec (Remote)", "Occupationist"],
  essential: ["esco:x1"],
  optional: ["esco:x2"],
  source: "esco",
};

describe("storing imported taxonomies", () => {
  it("round-trips concepts and occupations through the database", () => {
    const db = freshDb();
    expect(saveImport(db, "esco", { concepts: escoLike, occupations: [escoOccupation] })).toEqual({
      concepts: 2,
      occupations: 1,
    });
    const back = loadImported(db, ["esco"]);
    expect(back.concepts).toEqual(escoLike.map((c) => Concept.parse(c)));
    expect(back.occupations).toEqual([{ ...escoOccupation, aliases: [] }]);
  });

  it("are read by the store over its own connection, the same as by path", () => {
    const db = freshDb();
    saveImport(db, "esco", { concepts: escoLike, occupations: [escoOccupation] });
    const store = openStore(db);
    try {
      expect(store.taxonomy.loadImported(["esco"])).toEqual(loadImported(db, ["esco"]));
      expect(store.taxonomy.stats()).toEqual(taxonomyStats(db));
      expect(loadTaxonomyFromDb(store.taxonomy, { include: ["esco"] }).size).toBe(2);
    } finally {
      store.close();
    }
  });

  it("replaces the previous import of the same source and leaves other sources alone", () => {
    const db = freshDb();
    saveImport(db, "esco", { concepts: escoLike, occupations: [escoOccupation] });
    const cased = smartLevel();
    saveImport(db, "case:smartlevel", cased);
    saveImport(db, "esco", { concepts: escoLike.slice(0, 1), occupations: [] });
    expect(taxonomyStats(db)).toEqual([
      { source: "case:smartlevel", concepts: 14, occupations: 0 },
      { source: "esco", concepts: 1, occupations: 0 },
    ]);
  });

  it("rejects an invalid concept and keeps what was stored", () => {
    const db = freshDb();
    saveImport(db, "esco", { concepts: escoLike, occupations: [] });
    const bad = [{ id: "Not A Slug", label: "x", type: "skill" as const }];
    expect(() => saveImport(db, "esco", { concepts: bad, occupations: [] })).toThrow(
      expect.objectContaining({ code: "invalid_input" }),
    );
    expect(loadImported(db, ["esco"]).concepts).toHaveLength(2);
  });

  it("leaves a database the store opens and migrates without complaint", () => {
    const db = freshDb();
    saveImport(db, "esco", { concepts: escoLike, occupations: [] });
    const store = openStore(db);
    expect(store.stats().candidates).toBe(0);
    store.close();
    expect(loadImported(db, ["esco"]).concepts).toHaveLength(2);
  });

  it("loads only the included sources; 'case' covers every framework", () => {
    const db = freshDb();
    saveImport(db, "esco", { concepts: escoLike, occupations: [] });
    saveImport(db, "case:smartlevel", smartLevel());
    expect(loadTaxonomyFromDb(db, { include: ["case"] }).size).toBe(14);
    expect(loadTaxonomyFromDb(db, { include: ["esco", "case"] }).size).toBe(16);
  });

  it("gives the starter taxonomy alone when the database does not exist", () => {
    const taxonomy = loadTaxonomyFromDb(join(dir, "missing.db"), { include: ["starter", "esco"] });
    expect(taxonomy.size).toBe(loadStarterConcepts().length);
  });

  it("crosswalks a stored ESCO concept onto the starter concept with its URI", () => {
    const starterConcept = loadStarterConcepts().find((c) => c.escoUri)!;
    const db = freshDb();
    const escoTwin = {
      id: "esco:twin",
      label: "an ESCO label for it",
      type: "skill" as const,
      escoUri: starterConcept.escoUri,
      source: "esco",
    };
    saveImport(db, "esco", { concepts: [...escoLike, escoTwin], occupations: [] });
    const taxonomy = loadTaxonomyFromDb(db, { include: ["starter", "esco"] });
    expect(taxonomy.size).toBe(loadStarterConcepts().length + 2);
    expect(taxonomy.get("esco:twin")).toBeUndefined();
    expect(taxonomy.resolve("an ESCO label for it")[0]?.conceptId).toBe(starterConcept.id);
  });

  it("adds co-occurrence from stored occupation profiles", () => {
    const db = freshDb();
    const concepts = ["a", "b", "c"].map((x) => ({ id: `esco:${x}`, label: x, type: "skill" as const }));
    const profile = (id: string, essential: string[]) => ({ id, label: id, essential, source: "esco" });
    saveImport(db, "esco", {
      concepts,
      occupations: [profile("esco:o1", ["esco:a", "esco:b"]), profile("esco:o2", ["esco:c"])],
    });
    const taxonomy = loadTaxonomyFromDb(db, { include: ["esco"] });
    expect(taxonomy.relation("esco:a", "esco:b").relation).toBe("cooccurrence");
    expect(taxonomy.relation("esco:a", "esco:c").relation).toBe("none");
    const without = loadTaxonomyFromDb(db, { include: ["esco"], cooccurrence: false });
    expect(without.relation("esco:a", "esco:b").relation).toBe("none");
  });
});
