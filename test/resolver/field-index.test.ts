import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createBm25 } from "../../src/text/bm25.ts";
import { createFieldIndex } from "../../taxonomy/resolver/field-index.ts";

const word = fc.constantFrom("java", "data", "cloud", "team", "sql", "design", "test", "lead");
const doc = fc.array(word, { maxLength: 8 });

describe("createFieldIndex", () => {
  it("ranks exactly as the reference BM25, best first, ties by document", () => {
    fc.assert(
      fc.property(
        fc.array(doc, { minLength: 1, maxLength: 30 }),
        doc,
        fc.integer({ min: 1, max: 10 }),
        (docs, query, k) => {
          const options = { k1: 0.6, b: 0.9 };
          const ours = createFieldIndex(docs, options).search(query, k);
          const reference = createBm25(docs, options).search(query, k);
          expect(ours.map((h) => h.doc)).toEqual(reference.map((h) => h.doc));
          for (const [i, h] of ours.entries()) expect(h.score).toBeCloseTo(reference[i]?.score ?? 0, 9);
        },
      ),
    );
  });
});
