/**
 * The official client, configured from ElasticsearchConfig, and the one place transport errors
 * become LerErrors: an unreachable or overloaded cluster is `index_unavailable` (503), never a 500.
 */
import { readFileSync } from "node:fs";
import { Client, errors, Transport, type TransportOptions } from "@elastic/elasticsearch";
import { LerError } from "../../domain/errors.ts";
import type { ElasticsearchConfig } from "./config.ts";

/**
 * Plain JSON media types and no product header check: the same client then talks to the 8.x
 * clusters users run and to the Apache-2.0 7.10 node dev and CI start from Maven Central
 * (scripts/es-start.sh), which predates both. Every request body used here is valid on both.
 */
class PlainJsonTransport extends Transport {
  constructor(options: TransportOptions) {
    super({ ...options, productCheck: undefined, vendoredHeaders: undefined });
  }
}

export function createClient(config: ElasticsearchConfig): Client {
  const auth = config.apiKey
    ? { apiKey: config.apiKey }
    : config.username
      ? { username: config.username, password: config.password ?? "" }
      : undefined;
  return new Client({
    node: config.url,
    auth,
    tls: config.caPath ? { ca: readFileSync(config.caPath) } : undefined,
    requestTimeout: config.requestTimeoutMs,
    maxRetries: config.maxRetries,
    Transport: PlainJsonTransport,
  });
}

const UNAVAILABLE_STATUS = new Set([429, 502, 503, 504]);

/** True when the failure says "the cluster is not there right now" rather than "bad request". */
export function isUnavailable(e: unknown): boolean {
  if (
    e instanceof errors.ConnectionError ||
    e instanceof errors.TimeoutError ||
    e instanceof errors.NoLivingConnectionsError
  )
    return true;
  return e instanceof errors.ResponseError && UNAVAILABLE_STATUS.has(e.statusCode ?? 0);
}

export function toIndexError(e: unknown, action: string): LerError {
  if (e instanceof LerError) return e;
  if (isUnavailable(e))
    return new LerError("index_unavailable", `Elasticsearch is unavailable (${action}): ${message(e)}`, {
      cause: e,
    });
  return new LerError("internal", `Elasticsearch rejected ${action}: ${message(e)}`, { cause: e });
}

function message(e: unknown): string {
  if (e instanceof errors.ResponseError) {
    const error = (e.body as { error?: { reason?: string; caused_by?: { reason?: string } } } | undefined)
      ?.error;
    const reason = [error?.reason, error?.caused_by?.reason].filter(Boolean).join(": ");
    return `${e.statusCode ?? "?"} ${reason || e.message}`;
  }
  return e instanceof Error ? e.message : String(e);
}

/** Runs one request, mapping whatever it throws. */
export async function call<T>(action: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw toIndexError(e, action);
  }
}
