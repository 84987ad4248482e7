import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SmallestK } from "../../src/search/embedded/heap.ts";

/** The k smallest by key, ties by ordinal, as a full sort gives them. */
function bySorting(entries: readonly [number, number][], k: number): number[] {
  return [...entries]
    .sort((a, b) => a[1] - b[1] || a[0] - b[0])
    .slice(0, k)
    .map(([ord]) => ord);
}

describe("SmallestK", () => {
  it("keeps the k smallest keys, ties by lower ordinal, smallest first — as sorting everything does", () => {
    // few distinct keys, so ties are common; ordinals distinct, as the walk's are
    const entries = fc
      .uniqueArray(fc.integer({ min: 0, max: 10_000 }), { maxLength: 300 })
      .chain((ords) =>
        fc.tuple(
          fc.constant(ords),
          fc.array(fc.integer({ min: -8, max: 8 }), { minLength: ords.length, maxLength: ords.length }),
        ),
      )
      .map(([ords, keys]) => ords.map((ord, i): [number, number] => [ord, keys[i]! / 4]));
    const best = new SmallestK();
    fc.assert(
      fc.property(entries, fc.integer({ min: 0, max: 60 }), (es, k) => {
        best.reset(k);
        for (const [ord, key] of es) best.offer(ord, key);
        expect([...best.ascending()]).toEqual(bySorting(es, k));
      }),
      { numRuns: 300 },
    );
  });

  it("starts afresh after reset, with a larger k than before", () => {
    const best = new SmallestK();
    best.reset(2);
    for (const [ord, key] of [
      [5, 3],
      [6, 1],
      [7, 2],
    ] as const)
      best.offer(ord, key);
    expect([...best.ascending()]).toEqual([6, 7]);
    best.reset(3);
    for (const [ord, key] of [
      [1, 0.5],
      [2, 0.5],
      [3, -1],
      [4, 9],
    ] as const)
      best.offer(ord, key);
    expect([...best.ascending()]).toEqual([3, 1, 2]);
  });
});
