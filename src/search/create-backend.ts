/** The search backend the configuration names, as data: backend name → constructor. */

import type { Taxonomy } from "../../taxonomy/model.ts";
import type { Config } from "../config.ts";
import { LerError } from "../domain/errors.ts";
import type { CandidateIndex } from "./backend.ts";
import { elasticsearchConfig } from "./elasticsearch/config.ts";
import { ElasticsearchIndex } from "./elasticsearch/index.ts";
import { EmbeddedIndex } from "./embedded/index.ts";

const BACKENDS: Record<Config["backend"], (config: Config, taxonomy: Taxonomy) => CandidateIndex> = {
  embedded: (config, taxonomy) => new EmbeddedIndex(taxonomy, config.scoring),
  elasticsearch: (config, taxonomy) => {
    const es = config.elasticsearch;
    if (!es.url)
      throw new LerError(
        "invalid_input",
        "the elasticsearch backend needs a URL: set LER_MATCH_ES_URL or ELASTICSEARCH_URL",
      );
    const esConfig = elasticsearchConfig({
      url: es.url,
      apiKey: es.apiKey,
      username: es.username,
      password: es.password,
      caPath: es.caFile,
      indexPrefix: es.indexPrefix,
      refreshOnWrite: es.refreshOnWrite,
    });
    return new ElasticsearchIndex(taxonomy, config.scoring, esConfig);
  },
};

export async function createBackend(config: Config, taxonomy: Taxonomy): Promise<CandidateIndex> {
  return BACKENDS[config.backend](config, taxonomy);
}
