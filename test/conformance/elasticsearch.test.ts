/**
 * The conformance suite on Elasticsearch. Needs a node: ELASTICSEARCH_URL (or LER_MATCH_ES_URL),
 * e.g. from `npm run es:start`; CI always sets it. Without one, the suite is reported as skipped.
 */
import { describe, it } from "vitest";
import { elasticsearchConfig, elasticsearchUrlFromEnv } from "../../src/search/elasticsearch/config.ts";
import { ElasticsearchIndex } from "../../src/search/elasticsearch/index.ts";
import { runConformance } from "./cases.ts";

const url = elasticsearchUrlFromEnv();

if (url) {
  runConformance(
    "elasticsearch",
    async ({ taxonomy, config }) => {
      const prefix = `ler-match-conformance-${process.pid}-${Date.now()}`;
      const index = new ElasticsearchIndex(
        taxonomy,
        config,
        elasticsearchConfig({ url, indexPrefix: prefix, refreshOnWrite: true }),
      );
      // Drop the run's indices on close, so repeated runs leave the node clean.
      const close = index.close.bind(index);
      index.close = async () => {
        await index.drop();
        await close();
      };
      return index;
    },
    { exactFirstStage: false },
  );
} else {
  describe("conformance: elasticsearch", () => {
    it.skip("SKIPPED: no Elasticsearch node configured (set ELASTICSEARCH_URL, e.g. `npm run es:start`)", () => {});
  });
}
