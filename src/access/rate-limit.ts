/**
 * Per-key token buckets: each key may burst `burst` requests and is refilled at `perMinute`.
 * Time comes from the clock handed in, so tests step it instead of sleeping.
 */
import type { Clock } from "../domain/clock.ts";

export interface RateSettings {
  perMinute: number;
  burst: number;
}

interface Bucket {
  tokens: number;
  atMs: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Pure: the bucket after `nowMs`, and whether one more request fits. */
export function take(bucket: Bucket, nowMs: number, rate: RateSettings): [Bucket, RateDecision] {
  const perMs = rate.perMinute / 60_000;
  const tokens = Math.min(rate.burst, bucket.tokens + Math.max(0, nowMs - bucket.atMs) * perMs);
  if (tokens >= 1) return [{ tokens: tokens - 1, atMs: nowMs }, { ok: true }];
  const retryAfterSeconds = Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
  return [
    { tokens, atMs: nowMs },
    { ok: false, retryAfterSeconds },
  ];
}

/** Buckets by key id, kept in memory: a restart forgives everyone. */
export function createRateLimiter(rate: RateSettings, clock: Clock) {
  const buckets = new Map<string, Bucket>();
  return (key: string): RateDecision => {
    const now = clock();
    const [next, decision] = take(buckets.get(key) ?? { tokens: rate.burst, atMs: now }, now, rate);
    buckets.set(key, next);
    return decision;
  };
}
