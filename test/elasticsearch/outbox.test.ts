import { afterEach, beforeEach, expect, it } from "vitest";
import { DEFAULT_SCORING } from "../../src/scoring/config.ts";
import { elasticsearchConfig } from "../../src/search/elasticsearch/config.ts";
import { ElasticsearchIndex } from "../../src/search/elasticsearch/index.ts";
import { OutboxWorker } from "../../src/search/outbox-worker.ts";
import { makeWrite, type TempStore, tempStore } from "../store/fixtures.ts";
import { query, requirement, taxonomy } from "./fixtures.ts";
import { describeWithNode, ES_URL, OutageProxy, uniquePrefix } from "./node.ts";

let t: TempStore;
let proxy: OutageProxy;
let index: ElasticsearchIndex;
let clock: number;

const ingest = (candidateId: string) =>
  t.store.writeDocument(makeWrite(candidateId, `${candidateId}-doc`, [{ concept: "python", level: 3 }]));

const pythonists = async () =>
  (await index.retrieve(query([requirement("python", null)]), 10)).map((h) => h.candidateId).sort();

describeWithNode("outbox to elasticsearch through an outage", () => {
  beforeEach(async () => {
    t = tempStore();
    proxy = new OutageProxy(new URL(ES_URL ?? "http://127.0.0.1:9"));
    await proxy.up();
    clock = Date.now() + 60_000; // the store stamps items with the wall clock; ours runs ahead of it
    const config = elasticsearchConfig({
      url: proxy.url,
      indexPrefix: uniquePrefix("outbox"),
      refreshOnWrite: true,
      requestTimeoutMs: 2000,
      maxRetries: 0,
    });
    index = new ElasticsearchIndex(taxonomy, DEFAULT_SCORING, config);
  });

  afterEach(async () => {
    await proxy.up().catch(() => undefined);
    await index.drop();
    await index.close();
    await proxy.down();
    t.dispose();
  });

  it("ingest succeeds while the node is down, search says index_unavailable, and nothing is lost", async () => {
    const worker = new OutboxWorker(t.store, index, {
      trust: DEFAULT_SCORING.trust,
      baseDelayMs: 1000,
      now: () => clock,
    });
    ingest("c1");
    ingest("c2");
    expect(await worker.drainAll()).toEqual({ applied: 2, retried: 0 });

    await proxy.down();
    expect(ingest("c3")).toBe("stored");
    expect(t.store.deleteCandidate("c1")).toBe(true);
    await expect(pythonists()).rejects.toMatchObject({ code: "index_unavailable", status: 503 });
    expect((await index.health()).state).toBe("unavailable");
    expect(await worker.drainOnce()).toEqual({ applied: 0, retried: 2 });
    expect(t.store.stats().outboxPending).toBe(2);

    await proxy.up();
    expect(await worker.drainOnce()).toEqual({ applied: 0, retried: 0 }); // still backing off
    clock += 1000;
    expect(await worker.drainAll()).toEqual({ applied: 2, retried: 0 });
    expect(t.store.stats().outboxPending).toBe(0);
    expect(await pythonists()).toEqual(["c2", "c3"]);
  });
});

it("maps an unreachable node to index_unavailable", async () => {
  const dead = new ElasticsearchIndex(
    taxonomy,
    DEFAULT_SCORING,
    elasticsearchConfig({
      url: "http://127.0.0.1:9",
      indexPrefix: "unreachable",
      requestTimeoutMs: 1000,
      maxRetries: 0,
    }),
  );
  await expect(dead.retrieve(query([requirement("python", null)]), 10)).rejects.toMatchObject({
    code: "index_unavailable",
  });
  expect(await dead.health()).toMatchObject({ backend: "elasticsearch", state: "unavailable", documents: 0 });
  await dead.close();
});
