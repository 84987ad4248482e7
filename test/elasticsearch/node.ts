/**
 * Test helpers for a real Elasticsearch node: ELASTICSEARCH_URL (CI always sets it; locally
 * `npm run es:start`). Without it, suites that need the node are reported as skipped.
 */
import { createServer, type Server, Socket } from "node:net";
import { describe } from "vitest";
import { DEFAULT_SCORING } from "../../src/scoring/config.ts";
import { elasticsearchConfig, elasticsearchUrlFromEnv } from "../../src/search/elasticsearch/config.ts";
import { ElasticsearchIndex } from "../../src/search/elasticsearch/index.ts";
import type { Taxonomy } from "../../taxonomy/model.ts";

export const ES_URL = elasticsearchUrlFromEnv();

/** describe() when a node is configured; otherwise a skipped suite that says why. */
export const describeWithNode = (name: string, body: () => void) =>
  ES_URL
    ? describe(name, body)
    : describe.skip(`${name} — SKIPPED: no Elasticsearch node (set ELASTICSEARCH_URL)`, body);

let counter = 0;
/** A prefix no other test run (or test) shares. */
export const uniquePrefix = (what: string) =>
  `ler-match-test-${what}-${process.pid}-${Date.now()}-${counter++}`;

export function testIndex(taxonomy: Taxonomy, what: string, url = ES_URL!): ElasticsearchIndex {
  return new ElasticsearchIndex(
    taxonomy,
    DEFAULT_SCORING,
    elasticsearchConfig({
      url,
      indexPrefix: uniquePrefix(what),
      refreshOnWrite: true,
      requestTimeoutMs: 3000,
      maxRetries: 0,
    }),
  );
}

/**
 * A TCP proxy in front of the node that can be taken down and brought back on the same port:
 * from the client's side, exactly an Elasticsearch outage and recovery.
 */
export class OutageProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: URL) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(Number(this.target.port), this.target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", resolve);
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}
