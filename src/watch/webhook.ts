/**
 * Delivering alerts to the operator's webhook: a JSON body signed with HMAC-SHA256 over
 * "<timestamp>.<body>" (X-Ler-Match-Signature: t=<timestamp>,v1=<hex>), retried with exponential
 * back-off on a network error or a non-2xx answer, every attempt written to the delivery log.
 * The clock, the sleep and fetch are injected, so tests neither wait nor leave loopback.
 */
import { createHmac } from "node:crypto";
import { z } from "zod";

export const WebhookConfig = z.object({
  url: z.url({ protocol: /^https?$/ }),
  /** the shared secret the receiver checks the signature with */
  secret: z.string().min(16),
  attempts: z.number().int().min(1).max(10).default(5),
  /** first back-off; doubled after each failed attempt */
  backoffMs: z.number().int().min(0).max(600_000).default(1_000),
});
export type WebhookConfig = z.infer<typeof WebhookConfig>;

export interface DeliveryAttempt {
  attempt: number;
  at: string;
  status: number | null;
  error: string | null;
}

export interface Delivery {
  url: string;
  delivered: boolean;
  attempts: DeliveryAttempt[];
}

export interface DeliveryDeps {
  nowMs: () => number;
  sleep: (ms: number) => Promise<void>;
  fetch: typeof fetch;
}

export const SIGNATURE_HEADER = "x-ler-match-signature";

export function sign(body: string, secret: string, timestamp: number): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

export async function deliver(
  payload: unknown,
  config: WebhookConfig,
  deps: DeliveryDeps,
): Promise<Delivery> {
  const body = JSON.stringify(payload);
  const attempts: DeliveryAttempt[] = [];
  for (let attempt = 1; attempt <= config.attempts; attempt++) {
    const now = deps.nowMs();
    const outcome = await post(config, body, now, deps.fetch);
    attempts.push({ attempt, at: new Date(now).toISOString(), ...outcome });
    if (outcome.status !== null && outcome.status >= 200 && outcome.status < 300)
      return { url: config.url, delivered: true, attempts };
    if (attempt < config.attempts) await deps.sleep(config.backoffMs * 2 ** (attempt - 1));
  }
  return { url: config.url, delivered: false, attempts };
}

async function post(
  config: WebhookConfig,
  body: string,
  timestamp: number,
  fetchFn: typeof fetch,
): Promise<{ status: number | null; error: string | null }> {
  try {
    const res = await fetchFn(config.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [SIGNATURE_HEADER]: sign(body, config.secret, Math.floor(timestamp / 1000)),
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer();
    return { status: res.status, error: res.ok ? null : `HTTP ${res.status}` };
  } catch (e) {
    return { status: null, error: (e as Error).message };
  }
}
