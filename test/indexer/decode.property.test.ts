/** Decoding, whatever the text: a list of tagged pieces, never a throw, one piece per JSON line. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeInput } from "../../indexer/decode.ts";
import { isLerError } from "../../src/domain/errors.ts";

const object = fc.dictionary(fc.constantFrom("a", "b", "c"), fc.integer()).map((o) => JSON.stringify(o));
/** An object that never closes: not JSON, whatever follows the brace. */
const broken = fc.string({ maxLength: 20 }).map((s) => `{${s.replace(/[\r\n}]/g, "")}`);

describe("decodeInput", () => {
  it("answers any text with tagged pieces, each a document or a named stable error", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom("f.json", "f.csv", "f"), (text, name) => {
        const pieces = decodeInput({ name, content: text });
        expect(pieces.length).toBeGreaterThan(0);
        for (const p of pieces) {
          if (p.ok) expect(p.value.name.startsWith(name)).toBe(true);
          else {
            expect(p.error.name.startsWith(name)).toBe(true);
            expect(isLerError(p.error.error)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("makes every non-blank JSON line one piece, in order, failed exactly when the line is not JSON", () => {
    const line = fc.oneof(
      object.map((text) => ({ text, ok: true })),
      broken.map((text) => ({ text, ok: false })),
    );
    fc.assert(
      fc.property(object, fc.array(line, { minLength: 1, maxLength: 12 }), (first, rest) => {
        const lines = [{ text: first, ok: true }, ...rest];
        const pieces = decodeInput({ name: "f.jsonl", content: lines.map((l) => l.text).join("\n") });
        expect(pieces.map((p) => (p.ok ? p.value.name : p.error.name))).toEqual(
          lines.map((_, i) => `f.jsonl line ${i + 1}`),
        );
        expect(pieces.map((p) => p.ok)).toEqual(lines.map((l) => l.ok));
      }),
      { numRuns: 200 },
    );
  });
});
