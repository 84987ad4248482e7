import { afterAll, beforeAll, expect, it } from "vitest";
import { YEAR_MS } from "../../src/domain/dates.ts";
import type { IndexedCandidate } from "../../src/domain/evidence.ts";
import { SourceKind } from "../../src/domain/schemas.ts";
import { DEFAULT_SCORING } from "../../src/scoring/config.ts";
import { trust } from "../../src/scoring/factors.ts";
import type { Retrieved } from "../../src/search/backend.ts";
import { ElasticsearchIndex } from "../../src/search/elasticsearch/index.ts";
import { candidate, NOW_MS, query, requirement, skill, taxonomy } from "./fixtures.ts";
import { describeWithNode, testIndex } from "./node.ts";

const CONCEPTS = ["python", "programming", "excel"];
const LEVELS = [null, 0, 1.5, 2, 3, 3.5, 4, 5];
const AGES_YEARS = [null, 0, 1.5, 4, 9, 30];

/** Every combination of concept, level, source kind and age, one piece per candidate and a few pairs. */
function population(): IndexedCandidate[] {
  const out: IndexedCandidate[] = [];
  let n = 0;
  for (const concept of CONCEPTS)
    for (const level of LEVELS)
      for (const kind of SourceKind.options)
        for (const age of AGES_YEARS) {
          const piece = skill(`a${n}`, concept, level, {
            sourceKind: kind,
            trust: trust(kind, DEFAULT_SCORING),
            dateMs: age === null ? null : NOW_MS - age * YEAR_MS,
          });
          const partner = skill(`b${n}`, CONCEPTS[n % 3]!, LEVELS[n % LEVELS.length]!);
          out.push(candidate(`c${n}`, ...(n % 4 === 0 ? [piece, partner] : [piece])));
          n++;
        }
  return out;
}

let features: ElasticsearchIndex;
let script: ElasticsearchIndex;
let concepts: ElasticsearchIndex;
beforeAll(async () => {
  if (!process.env.ELASTICSEARCH_URL && !process.env.LER_MATCH_ES_URL) return;
  concepts = testIndex(taxonomy, "first-stage");
  const reader = (firstStage: "features" | "script") =>
    new ElasticsearchIndex(taxonomy, DEFAULT_SCORING, { ...concepts.config, firstStage }, concepts.client);
  features = reader("features");
  script = reader("script");
  await concepts.upsert(population());
});
afterAll(async () => {
  await concepts?.drop();
  await concepts?.close();
});

const POSITIONS = [
  [requirement("python", 3), { ...requirement("excel", null), weight: 2 }],
  [requirement("programming", 2, true), requirement("python", 5)],
  [requirement("excel", 0)],
];

/** Per position, each hit of the script beside the same candidate's hit from `reader`; both find as many. */
async function againstScript(reader: ElasticsearchIndex): Promise<[want: Retrieved, got?: Retrieved][]> {
  const pairs: [Retrieved, Retrieved?][] = [];
  for (const position of POSITIONS) {
    const byScript = await script.retrieve(query(position), 1000);
    const byReader = new Map((await reader.retrieve(query(position), 1000)).map((h) => [h.candidateId, h]));
    expect(byReader.size).toBe(byScript.length);
    for (const want of byScript) pairs.push([want, byReader.get(want.candidateId)]);
  }
  return pairs;
}

describeWithNode("elasticsearch first stages without a script", () => {
  it("values every hit as the Painless script does, within a rank_feature's precision", async () => {
    for (const [want, got] of await againstScript(features)) {
      expect(got?.matched).toEqual(want.matched);
      expect(Math.abs(got!.score - want.score)).toBeLessThanOrEqual(0.005 * want.score + 1e-6);
    }
  });

  it("values every hit from the concept values as the script does, but for the grace period's cap", async () => {
    const { graceYears, halfLifeYears } = DEFAULT_SCORING.recency;
    const cap = 2 ** (graceYears / halfLifeYears);
    for (const [want, got] of await againstScript(concepts)) {
      expect(got!.matched).toEqual(want.matched);
      expect(got!.score).toBeGreaterThanOrEqual(want.score * 0.995 - 1e-6);
      expect(got!.score).toBeLessThanOrEqual(want.score * cap * 1.005 + 1e-6);
    }
  });

  it("stores no level feature for a piece without a stated level", async () => {
    const [name] = await features.aliasedIndices();
    const doc = await features.client.get({ index: name!, id: "c4" });
    const skills = (doc._source as { skills: { levelFeature?: number }[] }).skills;
    expect(skills[0]!.levelFeature).toBeUndefined();
    expect(skills[1]!.levelFeature).toBeGreaterThan(0);
  });
});
