/** The key tokens and the token bucket, as pure functions: their invariants under any input. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { take } from "../../src/access/rate-limit.ts";
import { hashToken, isTokenShaped, newToken, pseudonym, sameHash } from "../../src/access/tokens.ts";

describe("key tokens", () => {
  it("are lm_ and 256 random bits, never repeated", () => {
    const tokens = Array.from({ length: 1000 }, newToken);
    expect(tokens.every(isTokenShaped)).toBe(true);
    expect(Buffer.from(tokens[0]!.slice(3), "base64url")).toHaveLength(32);
    expect(new Set(tokens).size).toBe(1000);
  });

  it("hash to 64 hex digits, and only the same token's hash compares equal", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
        expect(sameHash(hashToken(a), hashToken(b))).toBe(a === b);
      }),
    );
  });

  it("a pseudonym depends on the secret, so the audit trail cannot be matched to ids without it", () => {
    expect(pseudonym("s1", "p-1")).not.toBe(pseudonym("s2", "p-1"));
    expect(pseudonym("s1", "p-1")).toBe(pseudonym("s1", "p-1"));
  });
});

describe("the token bucket", () => {
  const rate = fc.record({
    perMinute: fc.integer({ min: 1, max: 10_000 }),
    burst: fc.integer({ min: 1, max: 200 }),
  });
  const gaps = fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 300 });

  it("never admits more than the burst plus what the elapsed time refilled", () => {
    fc.assert(
      fc.property(rate, gaps, (r, steps) => {
        let bucket = { tokens: r.burst, atMs: 0 };
        let now = 0;
        let admitted = 0;
        for (const gap of steps) {
          now += gap;
          const [next, decision] = take(bucket, now, r);
          bucket = next;
          if (decision.ok) admitted++;
        }
        expect(admitted).toBeLessThanOrEqual(r.burst + Math.floor((now * r.perMinute) / 60_000));
      }),
    );
  });

  it("a refused request is admitted once its Retry-After has passed", () => {
    fc.assert(
      fc.property(rate, (r) => {
        let bucket = { tokens: 0, atMs: 0 };
        const [next, refused] = take(bucket, 0, r);
        expect(refused.ok).toBe(false);
        if (refused.ok) return;
        bucket = next;
        expect(take(bucket, refused.retryAfterSeconds * 1000, r)[1].ok).toBe(true);
      }),
    );
  });
});
