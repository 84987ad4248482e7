/** The Elasticsearch backend: see elasticsearch-index.ts. */

export type { ReindexReport } from "./elasticsearch-index.ts";
export { ElasticsearchIndex, MAX_RESULT_WINDOW } from "./elasticsearch-index.ts";
