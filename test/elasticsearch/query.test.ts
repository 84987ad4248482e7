import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SourceKind } from "../../src/domain/schemas.ts";
import { DEFAULT_SCORING, ScoringConfig } from "../../src/scoring/config.ts";
import { meetsProbability, relatedness } from "../../src/scoring/factors.ts";
import { elasticsearchConfig } from "../../src/search/elasticsearch/config.ts";
import { levelFeature } from "../../src/search/elasticsearch/features.ts";
import { levelKeyword, metClause } from "../../src/search/elasticsearch/met-levels.ts";
import { QUALIFIED_BONUS, readHit, searchBody, similarities } from "../../src/search/elasticsearch/query.ts";
import { modelParams, WEIGHTED_PIECE_SOURCE } from "../../src/search/elasticsearch/script.ts";
import { buildTaxonomy } from "../../taxonomy/graph.ts";
import { NOW_MS, query, requirement, taxonomy } from "./fixtures.ts";

// biome-ignore lint/suspicious/noExplicitAny: walking a JSON body
type Json = Record<string, any>;

/** Three languages under one parent; Python and SQL measured to go together, Excel with Python one way. */
const siblings = buildTaxonomy(
  [
    { id: "programming", label: "Programming", type: "skill" },
    { id: "python", label: "Python", type: "skill", broader: ["programming"] },
    { id: "java", label: "Java", type: "skill", broader: ["programming"] },
    { id: "sql", label: "SQL", type: "skill", broader: ["programming"] },
    { id: "excel", label: "Excel", type: "tool" },
  ],
  {
    cooccurrence: new Map([
      ["python", new Map([["sql", 0.5]])],
      ["sql", new Map([["python", 0.5]])],
      ["excel", new Map([["python", 0.25]])],
    ]),
  },
);

describe("elasticsearch query pieces", () => {
  it("expands a requirement to its neighbourhood with the model's relatedness", () => {
    const { narrower, broader } = DEFAULT_SCORING.relatedness;
    expect(similarities("programming", taxonomy, DEFAULT_SCORING)).toEqual({
      programming: 1,
      python: narrower,
    });
    expect(similarities("python", taxonomy, DEFAULT_SCORING)).toEqual({ python: 1, programming: broader });
  });

  it("leaves out tree siblings unless measured to co-occur, and scales co-occurrence by its cosine", () => {
    const cfg = DEFAULT_SCORING;
    expect(similarities("java", siblings, cfg)).toEqual({ java: 1, programming: cfg.relatedness.broader });
    expect(similarities("python", siblings, cfg)).toEqual({
      python: 1,
      programming: cfg.relatedness.broader,
      sql: relatedness("sibling", 0.5, cfg),
      excel: relatedness("cooccurrence", 0.25, cfg),
    });
    expect(similarities("python", siblings, cfg).sql).toBeCloseTo(cfg.relatedness.cooccurrence * 0.5, 15);
    // a pair measured one way only counts both ways
    expect(similarities("excel", siblings, cfg)).toEqual({
      excel: 1,
      python: relatedness("cooccurrence", 0.25, cfg),
    });
  });

  it("does not expand when expansion is off", () => {
    const off = ScoringConfig.parse({ expansion: false });
    expect(similarities("python", taxonomy, off)).toEqual({ python: 1 });
    expect(similarities("python", siblings, off)).toEqual({ python: 1 });
  });

  it("scores every requirement with the weighted-piece script and the model's numbers", () => {
    const position = [requirement("python", null), { ...requirement("excel", 4), weight: 3 }];
    const body = searchBody(query(position), 25, { taxonomy, config: DEFAULT_SCORING, firstStage: "script" });
    expect(body.size).toBe(25);
    const clauses = (body.query as Json).bool.should as Json[];
    expect(clauses).toHaveLength(2);
    const [python, excel] = clauses.map((c) => c.nested.query.script_score.script);
    expect(clauses.map((c) => c.nested._name)).toEqual(["python", "excel"]);
    expect(python.source).toBe(WEIGHTED_PIECE_SOURCE);
    expect(python.params).toMatchObject({
      ...modelParams(DEFAULT_SCORING, NOW_MS),
      w: 1 / 4,
      sims: similarities("python", taxonomy, DEFAULT_SCORING),
      directs: ["python"],
      // no minimum named: the model's default minimum
      minLevel: DEFAULT_SCORING.level.defaultMinimum,
    });
    expect(excel.params).toMatchObject({ w: 3 / 4, minLevel: 4, directs: ["excel"] });
    expect(JSON.stringify(body)).not.toContain(`"boost":${QUALIFIED_BONUS}`);
  });

  it("weighs each nested requirement by w/Σw with no script in the features first stage", () => {
    const position = [requirement("python", null), { ...requirement("excel", 4), weight: 3 }];
    const body = searchBody(query(position), 25, {
      taxonomy,
      config: DEFAULT_SCORING,
      firstStage: "features",
    });
    const clauses = (body.query as Json).bool.should as Json[];
    expect(clauses.map((c) => c.nested.boost)).toEqual([1 / 4, 3 / 4]);
    expect(JSON.stringify(body)).not.toMatch(/script/);
    expect(JSON.stringify(body)).toContain('"rank_feature"');
  });

  it("reads each concept's values off the candidate document by default, with no nested clause", () => {
    const position = [requirement("python", 2.5), { ...requirement("excel", null), weight: 3 }];
    const body = searchBody(query(position), 25, { taxonomy, config: DEFAULT_SCORING });
    const [python, excel] = (body.query as Json).bool.should as [Json, Json];
    expect([python.dis_max._name, excel.dis_max._name]).toEqual(["python", "excel"]);
    const fields = (clause: Json) =>
      [...JSON.stringify(clause).matchAll(/"field":"(concepts\.[sd]\d)\.([^"]+)"/g)].map(
        (m) => `${m[1]} ${m[2]}`,
      );
    // a fractional minimum reads the whole minima around it; no minimum reads the default one
    expect(new Set(fields(python))).toEqual(
      new Set(["s2", "s3", "d2", "d3"].flatMap((f) => [`concepts.${f} python`, `concepts.${f} programming`])),
    );
    expect(new Set(fields(excel))).toEqual(new Set(["concepts.s3 excel", "concepts.d3 excel"]));
    expect(JSON.stringify(body)).not.toMatch(/nested|script/);
    // w/Σw and the floor are boosts: excel weighs 3 of 4, and is direct
    const floors = (excel.dis_max.queries as Json[]).flatMap((q) =>
      ((q.bool?.should ?? []) as Json[]).filter((c) => c.constant_score).map((c) => c.constant_score.boost),
    );
    expect(floors).toEqual([(3 / 4) * DEFAULT_SCORING.directFloor, (3 / 4) * DEFAULT_SCORING.directFloor]);
  });

  it("reads the nested pieces when the caller filters on verified or recent evidence", () => {
    const position = [requirement("python", 3)];
    for (const filters of [
      { verifiedOnly: true, practicedSinceMs: null },
      { verifiedOnly: false, practicedSinceMs: NOW_MS - 1 },
    ]) {
      const body = searchBody({ ...query(position), filters }, 10, { taxonomy, config: DEFAULT_SCORING });
      const [clause] = (body.query as Json).bool.should as [Json];
      expect(clause.nested._name).toBe("python");
      expect(JSON.stringify(body)).not.toContain('"concepts.');
    }
  });

  it("stores a level so that a rank_feature saturation at the minimum's pivot is P(meets)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom(...SourceKind.options),
        (level, min, kind) => {
          const f = levelFeature(level, kind, DEFAULT_SCORING)!;
          const pivot = Math.exp(DEFAULT_SCORING.level.slope * (min - 0.5));
          expect(f / (f + pivot)).toBeCloseTo(meetsProbability(level, min, kind, DEFAULT_SCORING), 12);
        },
      ),
    );
    expect(levelFeature(null, "assessment", DEFAULT_SCORING)).toBeUndefined();
  });

  it("names the asked skill and its narrower forms as direct, never broader or related ones", () => {
    const body = searchBody(query([requirement("programming", 2), requirement("python", 2)]), 10, {
      taxonomy,
      config: DEFAULT_SCORING,
      firstStage: "script",
    });
    const scripts = ((body.query as Json).bool.should as Json[]).map(
      (c) => c.nested.query.script_score.script,
    );
    expect(scripts.map((s) => [...s.params.directs].sort())).toEqual([["programming", "python"], ["python"]]);
  });

  it("marks qualified candidates in a match by each concept's highest level on the document, with no nested clause", () => {
    const body = searchBody(query([requirement("python", 4, true), requirement("excel", null, true)]), 10, {
      taxonomy,
      config: DEFAULT_SCORING,
    });
    const { should, filter } = (body.query as Json).bool;
    expect(filter).toEqual([]);
    const bonus = (should as Json[]).find((c) => c.constant_score)?.constant_score;
    expect(bonus).toMatchObject({ boost: QUALIFIED_BONUS });
    // python ≥ 4 from python or a narrower form; excel at any level
    expect(bonus.filter.bool.filter).toEqual([metClause(["python"], 4), metClause(["excel"], null)]);
    expect(JSON.stringify(metClause(["python"], 4))).toContain(`"met":{"gte":"python|${levelKeyword(4)}"`);
    expect(JSON.stringify(metClause(["excel"], null))).toContain(`"met":{"gte":"excel|${levelKeyword(0)}"`);
    expect(JSON.stringify(body)).not.toMatch(/nested|script/);
  });

  it("marks qualified candidates by live nested evidence of the skill itself at the minimum when reading the pieces", () => {
    const body = searchBody(query([requirement("python", 4, true), requirement("excel", null)]), 10, {
      taxonomy,
      config: DEFAULT_SCORING,
      firstStage: "features",
    });
    const { should, filter } = (body.query as Json).bool;
    expect(filter).toEqual([]);
    const bonus = (should as Json[]).find((c) => c.constant_score)?.constant_score;
    expect(bonus).toMatchObject({ boost: QUALIFIED_BONUS });
    const meets = JSON.stringify(bonus.filter);
    expect(meets).toContain('"skills.concept":["python"]');
    expect(meets).toContain('"skills.level":{"gte":4}');
    expect(meets).toContain('"skills.revoked":false');
    // no script decides qualification any more: the estimate is a level filter
    expect(meets).not.toContain("painless");
    // an unstated level meets a minimum only when the assumed level does
    const assumedMeets = DEFAULT_SCORING.level.assumedLevel >= 4;
    expect(meets.includes('"must_not":{"exists":{"field":"skills.level"}}')).toBe(assumedMeets);
    const low = JSON.stringify(
      searchBody(query([requirement("python", 1, true)]), 10, {
        taxonomy,
        config: DEFAULT_SCORING,
        firstStage: "features",
      }),
    );
    expect(low.includes('"must_not":{"exists":{"field":"skills.level"}}')).toBe(
      DEFAULT_SCORING.level.assumedLevel >= 1,
    );
  });

  it("makes each required requirement an exact filter in recruiter search", () => {
    const body = searchBody(query([requirement("python", 4, true), requirement("excel", null)], true), 10, {
      taxonomy,
      config: DEFAULT_SCORING,
    });
    const { should, filter } = (body.query as Json).bool;
    expect((should as Json[]).some((c) => c.constant_score)).toBe(false);
    expect(filter).toHaveLength(1);
    const hard = JSON.stringify(filter);
    expect(hard).toContain('"skills.ancestors":"python"');
    expect(hard).toContain('"skills.level":{"gte":4}');
  });

  it("takes the qualified bonus off the estimate: a score holding it is a qualified hit's", () => {
    expect(
      readHit({
        sort: [QUALIFIED_BONUS + 0.25, "c1"],
        _score: QUALIFIED_BONUS + 0.25,
        matched_queries: ["python"],
      }),
    ).toEqual({ candidateId: "c1", score: 0.25, matched: ["python"] });
    // an estimate overvalued by the grace period's cap still stays below the bonus
    expect(readHit({ sort: [1.149, "c2"], _score: 1.149 })).toEqual({
      candidateId: "c2",
      score: 1.149,
      matched: [],
    });
  });

  it("names each requirement's clause unless the caller leaves the hits' matched names out", () => {
    const position = [requirement("python", 3, true), requirement("excel", null)];
    for (const firstStage of ["concepts", "features", "script"] as const) {
      const names = (namesMatched?: boolean) =>
        [
          ...JSON.stringify(
            searchBody({ ...query(position), namesMatched }, 10, {
              taxonomy,
              config: DEFAULT_SCORING,
              firstStage,
            }),
          ).matchAll(/"_name":"([^"]*)"/g),
        ].map((m) => m[1]);
      expect(names()).toEqual(["python", "excel"]);
      expect(names(false)).toEqual([]);
    }
  });

  it("reads the connection from the environment, options first", () => {
    const env = {
      ELASTICSEARCH_URL: "http://es:9200",
      LER_MATCH_ES_API_KEY: "k",
      LER_MATCH_ES_CA: "/ca.pem",
    };
    expect(elasticsearchConfig({}, env)).toMatchObject({
      url: "http://es:9200",
      apiKey: "k",
      caPath: "/ca.pem",
    });
    expect(
      elasticsearchConfig({ url: "http://other:9200" }, { ...env, LER_MATCH_ES_URL: "http://x:1" }).url,
    ).toBe("http://other:9200");
    expect(elasticsearchConfig({}, { ...env, LER_MATCH_ES_URL: "http://x:1" }).url).toBe("http://x:1");
  });
});
