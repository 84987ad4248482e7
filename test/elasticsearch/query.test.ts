import { describe, expect, it } from "vitest";
import { DEFAULT_SCORING, ScoringConfig } from "../../src/scoring/config.ts";
import { elasticsearchConfig } from "../../src/search/elasticsearch/config.ts";
import { QUALIFIED_BONUS, readHit, similarities } from "../../src/search/elasticsearch/query.ts";
import { taxonomy } from "./fixtures.ts";

describe("elasticsearch query pieces", () => {
  it("expands a requirement to its neighbourhood with the model's similarities", () => {
    expect(similarities("programming", taxonomy, DEFAULT_SCORING)).toEqual({ programming: 1, python: 0.9 });
    expect(similarities("python", taxonomy, DEFAULT_SCORING)).toEqual({ python: 1, programming: 0.6 });
  });

  it("does not expand when expansion is off", () => {
    expect(similarities("python", taxonomy, ScoringConfig.parse({ expansion: false }))).toEqual({
      python: 1,
    });
  });

  it("takes the qualified bonus off the estimate and out of the matched names", () => {
    expect(
      readHit({ _id: "c1", _score: QUALIFIED_BONUS + 0.25, matched_queries: ["python", "~qualified"] }),
    ).toEqual({
      candidateId: "c1",
      score: 0.25,
      matched: ["python"],
    });
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
