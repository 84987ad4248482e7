/**
 * The organisation is a retrieval filter applied inside each index: the embedded walk skips other
 * organisations' postings (so its counts and population are the organisation's own), and the
 * Elasticsearch query carries a `term` filter on the candidate document's `org`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IndexedCandidate } from "../../src/domain/evidence.ts";
import { DEFAULT_SCORING } from "../../src/scoring/config.ts";
import type { CandidateIndex } from "../../src/search/backend.ts";
import type { ElasticsearchIndex } from "../../src/search/elasticsearch/index.ts";
import { searchBody } from "../../src/search/elasticsearch/query.ts";
import { EmbeddedIndex } from "../../src/search/embedded/index.ts";
import { candidate, query, requirement, skill, taxonomy } from "../elasticsearch/fixtures.ts";
import { describeWithNode, testIndex } from "../elasticsearch/node.ts";

const inOrg = (org: string, c: IndexedCandidate): IndexedCandidate => ({ ...c, org });
const PEOPLE = [
  inOrg("org-a", candidate("a1", skill("x1", "python", 3))),
  inOrg("org-b", candidate("b1", skill("x2", "python", 5))),
  inOrg("org-b", candidate("b2", skill("x3", "python", 4), skill("x4", "excel", 2))),
];
const PYTHON = [requirement("python", 2, true)];
const asked = (org?: string) => {
  const q = query(PYTHON);
  return org === undefined ? q : { ...q, filters: { ...q.filters, org } };
};
const ids = async (index: CandidateIndex, org?: string) =>
  (await index.retrieve(asked(org), 10)).map((h) => h.candidateId).sort();

function behavesLikeOneOrganisationPerQuery(make: () => Promise<CandidateIndex>) {
  let index: CandidateIndex;
  beforeAll(async () => {
    index = await make();
    await index.upsert(PEOPLE);
  });

  it("retrieves only the asking organisation's people; unasked, every organisation's", async () => {
    expect(await ids(index, "org-a")).toEqual(["a1"]);
    expect(await ids(index, "org-b")).toEqual(["b1", "b2"]);
    expect(await ids(index)).toEqual(["a1", "b1", "b2"]);
  });

  it("an organisation nobody belongs to retrieves no one", async () => {
    expect(await ids(index, "org-nobody")).toEqual([]);
  });

  it("a person re-indexed keeps their organisation", async () => {
    await index.upsert([inOrg("org-b", candidate("b1", skill("x5", "python", 2)))]);
    expect(await ids(index, "org-a")).toEqual(["a1"]);
    expect(await ids(index, "org-b")).toEqual(["b1", "b2"]);
  });
}

describe("the embedded index", () => {
  const embedded = new EmbeddedIndex(taxonomy, DEFAULT_SCORING);
  behavesLikeOneOrganisationPerQuery(async () => embedded);

  it("counts the organisation's people only: the page's pool, the population, who meets a requirement", async () => {
    expect((await embedded.retrievePage(asked("org-a"), 10, 100)).pooled).toBe(1);
    expect((await embedded.retrievePage(asked("org-b"), 10, 100)).pooled).toBe(2);
    expect(embedded.population("org-a").count()).toBe(1);
    expect(embedded.population().count()).toBe(3);
    const [met] = embedded.metSets(PYTHON[0]!, [2], asked("org-b"));
    expect(met!.count()).toBe(2);
  });
});

describe("the Elasticsearch query", () => {
  it("filters on the organisation in the query itself", () => {
    const body = searchBody(asked("org-a"), 10, { taxonomy, config: DEFAULT_SCORING }) as {
      query: { bool: { filter: unknown[] } };
    };
    expect(body.query.bool.filter).toContainEqual({ term: { org: "org-a" } });
  });
});

describeWithNode("the Elasticsearch index", () => {
  let es: ElasticsearchIndex;
  behavesLikeOneOrganisationPerQuery(async () => {
    es = testIndex(taxonomy, "orgs");
    return es;
  });
  afterAll(async () => {
    await es.drop();
    await es.close();
  });
});
