/**
 * Where the Elasticsearch backend connects and what it names its index, from options or the
 * environment (LER_MATCH_ES_* first, then the conventional ELASTICSEARCH_URL).
 */
import { z } from "zod";

/**
 * `npm run bench:es -- --size 100000 --queries 50 --pool 300`: the deepest first-stage rank of an
 * exact top-50 candidate was 250 for the "concepts" first stage (252 with mapping v5's qualified
 * bonus; 182 reading the nested pieces), so re-scoring 300 returns the exact top 50 on every query
 * (docs/performance.md, "The Elasticsearch first stage"). The first stage's time hardly depends on
 * the pool (10 hits or 300: 46 vs 52 ms), so the margin is kept.
 */
export const ES_CANDIDATE_POOL = 300;

export const ElasticsearchConfig = z.object({
  url: z.string().url(),
  apiKey: z.string().min(1).optional(),
  username: z.string().min(1).optional(),
  password: z.string().optional(),
  /** PEM file of the CA that signed the cluster's certificate. */
  caPath: z.string().min(1).optional(),
  /** The alias searches go through; versioned indices are named `<prefix>-<mapping version>-<timestamp>`. */
  indexPrefix: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, "index names are lower-case")
    .default("ler-match-candidates"),
  /**
   * When a write returns it is searchable: "wait_for" (default) waits for the next scheduled
   * refresh; true forces one (tests); false returns before it is visible (bulk rebuilds).
   */
  refreshOnWrite: z.union([z.boolean(), z.literal("wait_for")]).default("wait_for"),
  requestTimeoutMs: z.number().int().positive().default(10_000),
  /** Transport retries (with back-off) before a request fails as index_unavailable. */
  maxRetries: z.number().int().min(0).default(1),
  shards: z.number().int().positive().default(1),
  /**
   * How the first stage estimates a requirement: "concepts" (each concept's strongest-piece value
   * on the candidate document, concept-values.ts; a query filtering on verified or recent evidence
   * reads the nested pieces as "features" does), "features" (plain queries over every nested piece,
   * features.ts) or "script" (the Painless script over every nested piece, script.ts).
   */
  firstStage: z.enum(["concepts", "features", "script"]).default("concepts"),
  /**
   * Candidates the first stage retrieves for exact re-scoring. The default is the smallest pool
   * with recall@50 = 1.0 after re-scoring on every query of `npm run bench:es` (docs/performance.md).
   */
  candidatePool: z.number().int().positive().default(ES_CANDIDATE_POOL),
  replicas: z.number().int().min(0).default(0),
});
export type ElasticsearchConfig = z.infer<typeof ElasticsearchConfig>;
export type ElasticsearchConfigInput = z.input<typeof ElasticsearchConfig>;

type Env = Record<string, string | undefined>;

/** The URL the environment names, or undefined when no node is configured. */
export function elasticsearchUrlFromEnv(env: Env = process.env): string | undefined {
  return env.LER_MATCH_ES_URL || env.ELASTICSEARCH_URL || undefined;
}

/** Options win over the environment; throws a zod error when no URL is given anywhere. */
export function elasticsearchConfig(
  options: Partial<ElasticsearchConfigInput> = {},
  env: Env = process.env,
): ElasticsearchConfig {
  const fromEnv = {
    url: elasticsearchUrlFromEnv(env),
    apiKey: env.LER_MATCH_ES_API_KEY || undefined,
    username: env.LER_MATCH_ES_USERNAME || undefined,
    password: env.LER_MATCH_ES_PASSWORD || undefined,
    caPath: env.LER_MATCH_ES_CA || undefined,
    indexPrefix: env.LER_MATCH_ES_INDEX || undefined,
  };
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return ElasticsearchConfig.parse({ ...fromEnv, ...defined });
}
