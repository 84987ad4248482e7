/**
 * An index built for an older document layout is rebuilt from the store when the engine opens, so
 * an upgrade never leaves writes bouncing off a strict mapping they no longer fit.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { openEngine } from "../../src/engine/open.ts";
import { DEFAULT_SCORING, ScoringConfig } from "../../src/scoring/config.ts";
import { createClient } from "../../src/search/elasticsearch/client.ts";
import { elasticsearchConfig } from "../../src/search/elasticsearch/config.ts";
import { ElasticsearchIndex } from "../../src/search/elasticsearch/index.ts";
import { ADA, NOW } from "../api/fixture.ts";
import { candidate, skill, taxonomy } from "./fixtures.ts";
import { describeWithNode, ES_URL, testIndex, uniquePrefix } from "./node.ts";

describeWithNode("an index of an older mapping version", () => {
  const dir = mkdtempSync(join(tmpdir(), "ler-match-outdated-"));
  const prefix = uniquePrefix("outdated");
  const settings = {
    db: join(dir, "outdated.db"),
    backend: "elasticsearch" as const,
    elasticsearch: { url: ES_URL!, indexPrefix: prefix, refreshOnWrite: true as const },
    clock: () => NOW,
  };
  const client = createClient(elasticsearchConfig({ url: ES_URL! }));
  afterAll(async () => {
    await client.indices.delete({ index: `${prefix}-*` }, { ignore: [404] });
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("is rebuilt from the store at open, and the person is found again", async () => {
    const first = await openEngine(settings);
    await first.ingest([{ name: "ada.json", content: ADA }]);
    await first.close();

    // what an older release left behind: the alias on a "v1" index that knows nothing of the person
    const old = `${prefix}-v1-20200101000000000`;
    await client.indices.create({ index: old });
    const current = Object.keys(await client.indices.getAlias({ name: prefix }));
    await client.indices.updateAliases({
      actions: [
        ...current.map((index) => ({ remove: { index, alias: prefix } })),
        { add: { index: old, alias: prefix, is_write_index: true } },
      ],
    });

    const reopened = await openEngine(settings);
    try {
      const behind = Object.keys(await client.indices.getAlias({ name: prefix }));
      expect(behind).toHaveLength(1);
      expect(behind[0]).not.toBe(old);
      const page = await reopened.match({ requirements: [{ concept: "Python" }] });
      expect(page.results.map((r) => r.candidateId)).toEqual(["p-ada"]);
    } finally {
      await reopened.close();
    }
  });
});

describeWithNode("an index built with other scoring numbers", () => {
  it("is outdated for a configuration that reads levels or recency differently, and only then", async () => {
    const built = testIndex(taxonomy, "fingerprint");
    try {
      await built.upsert([candidate("c1", skill("a1", "python", 3))]);
      expect(await built.outdated()).toBe(false);
      const reader = (scoring: ScoringConfig) =>
        new ElasticsearchIndex(taxonomy, scoring, built.config, built.client);
      expect(await reader(ScoringConfig.parse({ directFloor: 0.25 })).outdated()).toBe(false);
      expect(
        await reader(ScoringConfig.parse({ level: { ...DEFAULT_SCORING.level, slope: 2 } })).outdated(),
      ).toBe(true);
    } finally {
      await built.drop();
      await built.close();
    }
  });
});
