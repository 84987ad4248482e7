/**
 * Configuration: defaults, then an optional JSON file (LER_MATCH_CONFIG), then environment
 * variables, then explicit overrides (CLI flags). Parsed once, at the edge.
 */
import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { parseClockSetting } from "./domain/clock.ts";
import { LerError } from "./domain/errors.ts";
import { ScoringConfig } from "./scoring/config.ts";

export const TaxonomySource = z.enum(["starter", "esco", "onet", "case"]);

export const SecuritySettings = z.object({
  /** Host names the server answers to (any port); requests naming another Host are refused. */
  allowedHosts: z.array(z.string().min(1)).min(1).default(["127.0.0.1", "localhost", "[::1]"]),
  /** Per API key: a burst, refilled at a steady rate per minute. */
  rateLimit: z
    .object({
      perMinute: z.coerce.number().positive().default(600),
      burst: z.coerce.number().int().positive().default(120),
    })
    .default({ perMinute: 600, burst: 120 }),
  /** Erase people whose newest document is older than this many days (at startup, `ler-match retention`). */
  retentionDays: z.coerce.number().positive().optional(),
});

export const Config = z.object({
  db: z.string().min(1).default("ler-match.db"),
  host: z.string().default("127.0.0.1"),
  port: z.coerce.number().int().min(0).max(65535).default(8787),
  backend: z.enum(["embedded", "elasticsearch"]).default("embedded"),
  elasticsearch: z
    .object({
      url: z.string().url().optional(),
      apiKey: z.string().optional(),
      username: z.string().optional(),
      password: z.string().optional(),
      caFile: z.string().optional(),
      indexPrefix: z.string().default("ler-match-candidates"),
      /** Every acknowledged write is searchable when it returns: see elasticsearch/config.ts. */
      refreshOnWrite: z.union([z.boolean(), z.literal("wait_for")]).default("wait_for"),
    })
    .default({ indexPrefix: "ler-match-candidates", refreshOnWrite: "wait_for" }),
  limits: z
    .object({
      maxBodyBytes: z.coerce
        .number()
        .int()
        .positive()
        .default(10 * 1024 * 1024),
      maxDocuments: z.coerce.number().int().positive().default(5_000),
    })
    .default({ maxBodyBytes: 10 * 1024 * 1024, maxDocuments: 5_000 }),
  taxonomy: z.array(TaxonomySource).default(["starter", "esco", "onet", "case"]),
  security: SecuritySettings.default(SecuritySettings.parse({})),
  /** Pin the engine's "now" (ISO date); unset, the real clock. */
  now: z
    .string()
    .refine((v) => Number.isFinite(safeClock(v)), "an ISO date such as 2026-11-30")
    .optional(),
  scoring: ScoringConfig.default(ScoringConfig.parse({})),
});
export type Config = z.infer<typeof Config>;
export type ConfigInput = z.input<typeof Config>;

type Env = Record<string, string | undefined>;

function safeClock(iso: string): number {
  try {
    return parseClockSetting(iso);
  } catch {
    return Number.NaN;
  }
}

/** Environment variables as a table: variable → where it lands in the config. */
/** A configuration being assembled from layers, before zod checks it. */
type Draft = { [key: string]: unknown };
const isDraft = (v: unknown): v is Draft => typeof v === "object" && v !== null && !Array.isArray(v);

const ENV_MAP: [string, (c: Draft, v: string) => void][] = [
  ["LER_MATCH_DB", (c, v) => (c.db = v)],
  ["LER_MATCH_HOST", (c, v) => (c.host = v)],
  ["LER_MATCH_PORT", (c, v) => (c.port = v)],
  ["PORT", (c, v) => (c.port ??= v)],
  ["LER_MATCH_BACKEND", (c, v) => (c.backend = v)],
  ["LER_MATCH_ES_URL", (c, v) => (es(c).url = v)],
  ["ELASTICSEARCH_URL", (c, v) => (es(c).url ??= v)],
  ["LER_MATCH_ES_API_KEY", (c, v) => (es(c).apiKey = v)],
  ["LER_MATCH_ES_USERNAME", (c, v) => (es(c).username = v)],
  ["LER_MATCH_ES_PASSWORD", (c, v) => (es(c).password = v)],
  ["LER_MATCH_ES_CA", (c, v) => (es(c).caFile = v)],
  ["LER_MATCH_ES_INDEX_PREFIX", (c, v) => (es(c).indexPrefix = v)],
  ["LER_MATCH_MAX_BODY_BYTES", (c, v) => (limits(c).maxBodyBytes = v)],
  ["LER_MATCH_MAX_DOCUMENTS", (c, v) => (limits(c).maxDocuments = v)],
  ["LER_MATCH_NOW", (c, v) => (c.now = v)],
  ["LER_MATCH_ALLOWED_HOSTS", (c, v) => (security(c).allowedHosts = v.split(",").map((s) => s.trim()))],
  ["LER_MATCH_RETENTION_DAYS", (c, v) => (security(c).retentionDays = v)],
  ["LER_MATCH_TAXONOMY", (c, v) => (c.taxonomy = v.split(",").map((s) => s.trim()))],
];
function section(c: Draft, key: string): Draft {
  const existing = c[key];
  if (isDraft(existing)) return existing;
  const created: Draft = {};
  c[key] = created;
  return created;
}
const es = (c: Draft) => section(c, "elasticsearch");
const limits = (c: Draft) => section(c, "limits");
const security = (c: Draft) => section(c, "security");

export function loadConfig(overrides: ConfigInput = {}, env: Env = process.env): Config {
  const fromFile = readConfigFile(env.LER_MATCH_CONFIG);
  const fromEnv: Draft = {};
  for (const [name, apply] of ENV_MAP) {
    const value = env[name];
    if (value !== undefined && value !== "") apply(fromEnv, value);
  }
  const merged = deepMerge(deepMerge(fromFile, fromEnv), stripUndefined(overrides));
  const parsed = Config.safeParse(merged);
  if (!parsed.success)
    throw new LerError("invalid_input", "configuration is invalid", {
      details: parsed.error.issues.map((i) => ({ path: i.path, message: i.message })),
    });
  return parsed.data;
}

function readConfigFile(path: string | undefined): Draft {
  if (!path) return {};
  if (!existsSync(path)) throw new LerError("invalid_input", `config file ${path} does not exist`);
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (cause) {
    throw new LerError("invalid_json", `config file ${path} is not valid JSON`, { cause });
  }
}

function stripUndefined(o: object): Draft {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

function deepMerge(a: Draft, b: Draft): Draft {
  const out: Draft = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const here = out[k];
    out[k] = isDraft(v) && isDraft(here) ? deepMerge(here, v) : v;
  }
  return out;
}
