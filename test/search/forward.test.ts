import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAY_MS } from "../../src/domain/dates.ts";
import type { IndexedAssertion } from "../../src/domain/evidence.ts";
import { SourceKind } from "../../src/domain/schemas.ts";
import {
  FLAG_REVOKED,
  FLAG_VERIFIED,
  ForwardStore,
  SOURCE_KINDS,
} from "../../src/search/embedded/forward.ts";

const ms = fc.oneof(
  fc.integer({ min: -20_000, max: 40_000 }).map((day) => day * DAY_MS),
  fc.integer({ min: -1e12, max: 3e12 }),
);

const assertion: fc.Arbitrary<IndexedAssertion> = fc.record({
  assertionId: fc.string({ maxLength: 4 }),
  conceptId: fc.constantFrom("python", "java"),
  level: fc.option(
    fc.oneof(
      fc.integer({ min: 0, max: 50 }).map((x) => x / 10),
      fc.double({ min: -5, max: 30, noNaN: true }),
    ),
  ),
  sourceKind: fc.constantFrom(...SourceKind.options),
  issuer: fc.option(fc.constantFrom("Acme", "Globex")),
  trust: fc.constant(1),
  verified: fc.boolean(),
  dateMs: fc.option(ms),
  validUntilMs: fc.option(ms),
  revoked: fc.boolean(),
});

/** What the store must give back of an assertion, by position. */
function readBack(store: ForwardStore, f: number) {
  return {
    level: store.levelOf(f),
    sourceKind: SOURCE_KINDS[store.kind[f]!],
    verified: (store.flags[f]! & FLAG_VERIFIED) !== 0,
    revoked: (store.flags[f]! & FLAG_REVOKED) !== 0,
    dateMs: store.dateOf(f),
    validUntilMs: store.validUntilOf(f),
    voice: store.voice[f],
  };
}

const expected = (a: IndexedAssertion, voice: number) => ({
  level: a.level,
  sourceKind: a.sourceKind,
  verified: a.verified || a.sourceKind === "verified-credential",
  revoked: a.revoked,
  dateMs: a.dateMs,
  validUntilMs: a.validUntilMs,
  voice,
});

describe("the forward store", () => {
  it("gives back every assertion's level, source, state and dates exactly, also once copied", () => {
    fc.assert(
      fc.property(fc.array(assertion, { maxLength: 60 }), fc.nat(7), (assertions, skip) => {
        const store = new ForwardStore();
        const at = assertions.map((a, i) => store.append(a, 0, i));
        expect(at.map((f) => readBack(store, f))).toEqual(assertions.map(expected));
        // renumbering copies the live ones, in order, into a fresh store
        const copy = new ForwardStore();
        const kept = at.filter((_, i) => i % 8 !== skip);
        const moved = kept.map((f) => copy.copy(store, f));
        expect(moved.map((f) => readBack(copy, f))).toEqual(kept.map((f) => readBack(store, f)));
      }),
      { numRuns: 300 },
    );
  });
});
