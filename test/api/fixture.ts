/**
 * A real engine over a real SQLite file in a temporary folder, with the starter taxonomy and a
 * fixed "now", plus the Hono app on top of it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../../api/app.ts";
import type { AppDeps } from "../../api/context.ts";
import { type ConfigInput, loadConfig } from "../../src/config.ts";
import { openEngine } from "../../src/engine/open.ts";
import type { Engine } from "../../src/engine/types.ts";

export const NOW = Date.parse("2026-01-01T00:00:00Z");

export const ADA = {
  format: "ler-match/v1",
  id: "doc-ada-1",
  person: { id: "p-ada", name: "Ada Lovelace", location: "London" },
  title: "Employment record, Analytical Engines Ltd",
  issuer: "Analytical Engines Ltd",
  sourceKind: "employer-record",
  assertions: [
    {
      skill: "Python",
      level: "advanced",
      lastPracticedAt: "2026-01-01",
      wherePracticed: "Analytical Engines Ltd",
    },
    { skill: "Postgres", level: 3, scale: "1-5", lastPracticedAt: "2026-01-01" },
  ],
};

export const ADA_CERT = {
  format: "ler-match/v1",
  id: "doc-ada-k8s",
  person: { id: "p-ada" },
  title: "Kubernetes administrator certificate",
  issuer: "Cloud Guild",
  issuedAt: "2017-01-01",
  validUntil: "2020-01-01",
  sourceKind: "issued-credential",
  assertions: [{ skill: "Kubernetes", level: "expert" }],
};

export const BO = {
  format: "ler-match/v1",
  id: "doc-bo-1",
  person: { id: "p-bo", name: "Bo Chen" },
  sourceKind: "self-asserted",
  assertions: [
    { skill: "Python", level: "working", lastPracticedAt: "2026-01-01" },
    { skill: "Docker", level: "practitioner", lastPracticedAt: "2026-01-01" },
  ],
};

export const CY = {
  format: "ler-match/v1",
  id: "doc-cy-1",
  person: { id: "p-cy", name: "Cy Young" },
  sourceKind: "issued-credential",
  issuer: "Web Academy",
  issuedAt: "2026-01-01",
  assertions: [{ skill: "JavaScript", level: "expert" }],
};

/** Test bodies are read as `any`: each test states the exact shape it expects. */
// biome-ignore lint/suspicious/noExplicitAny: see above
export type JsonResponse = Omit<Response, "json"> & { json(): Promise<any> };

export interface TestRig {
  engine: Engine;
  app: ReturnType<typeof createApp>;
  /** An admin key for this rig's app; every `request` carries it unless the init names its own. */
  adminKey: string;
  request(path: string, init?: RequestInit): Promise<JsonResponse>;
  /** The request without any key. */
  anonymous(path: string, init?: RequestInit): Promise<JsonResponse>;
  dir: string;
  close(): Promise<void>;
}

/**
 * The backends the API suite runs on: always embedded; Elasticsearch too when a node is configured
 * (CI starts one), each run in an index of its own, refreshed on write so a search sees the ingest.
 */
export const BACKENDS: [string, ConfigInput][] = [
  ["embedded", { backend: "embedded" }],
  ...(process.env.ELASTICSEARCH_URL
    ? ([
        [
          "elasticsearch",
          {
            backend: "elasticsearch",
            elasticsearch: {
              url: process.env.ELASTICSEARCH_URL,
              indexPrefix: `ler-match-api-${process.pid}-${Date.now()}`,
              refreshOnWrite: true,
            },
          },
        ],
      ] satisfies [string, ConfigInput][])
    : []),
];

const UNLIMITED = { rateLimit: { perMinute: 1e9, burst: 1e9 } };

export async function makeRig(
  overrides: ConfigInput = {},
  app_: Pick<AppDeps, "rateClock" | "log"> & { clock?: () => number } = {},
): Promise<TestRig> {
  const dir = mkdtempSync(join(tmpdir(), "ler-match-api-"));
  const db = join(dir, "test.db");
  // Rate limits are pinned by their own tests (test/security/edges.test.ts, on a test clock); here a
  // suite may page through thousands of results, and must not depend on how fast the machine is.
  const settings: ConfigInput = { backend: "embedded", security: UNLIMITED, ...overrides, db };
  const config = loadConfig(settings, {});
  const { clock = () => NOW, ...appDeps } = app_;
  const engine = await openEngine({ ...settings, clock });
  const app = createApp({ engine, config, log: () => undefined, ...appDeps });
  const adminKey = engine.access.createKey({ name: "test-admin", scopes: ["admin"] }).token;
  return {
    engine,
    app,
    dir,
    adminKey,
    request: async (path, init) => (await app.request(path, withKey(adminKey, init))) as JsonResponse,
    anonymous: async (path, init) => (await app.request(path, init)) as JsonResponse,
    async close() {
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The init with `Authorization: Bearer <key>`, unless it already says how it authenticates. */
export function withKey(key: string, init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers);
  if (!headers.has("authorization")) headers.set("authorization", `Bearer ${key}`);
  return { ...init, headers };
}

/** A failure as the API answers it: its status and its error's stable code. */
export const errorOf = async (res: JsonResponse) => ({
  status: res.status,
  code: (await res.json()).error.code,
});

export const json = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});
