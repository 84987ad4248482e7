/** Every data row of any CSV is accounted for: it lands as an assertion or fails under its own line. */
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeInput } from "../../indexer/decode.ts";
import { parseStatusList, statusFor } from "../../indexer/status-list.ts";
import { isLerError } from "../../src/domain/errors.ts";
import { inputOf, nameOf, parseInput } from "./helpers.ts";

const HEADER = ["person", "skill", "level", "scale", "source", "issuer", "date", "valid_until"];
const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
const cell = fc.oneof(
  fc.constantFrom("", "P1", "P2", "Go", "3", "1-5", "2024-01-01", "x,y", 'a"b'),
  fc.string(),
);
const row = fc.array(cell, { minLength: 6, maxLength: 9 });

describe("CSV rows", () => {
  it("each non-blank data row is either an assertion on its line or a failure named by its line", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const records = rows.map((r) => r.map(quote).join(","));
        const text = [HEADER.join(","), ...records].join("\n");
        // The physical line each record starts on; blank records are not rows.
        let line = 2;
        const expected: number[] = [];
        for (const [i, rec] of records.entries()) {
          if (rows[i]?.some((c) => c.trim() !== "")) expected.push(line);
          line += rec.split(/\r\n|\r|\n/).length;
        }
        const seen: number[] = [];
        for (const piece of decodeInput({ name: "f.csv", content: text })) {
          try {
            for (const doc of parseInput(inputOf(piece)))
              for (const a of doc.assertions) seen.push(Number(a.sourcePath.replace("line ", "")));
          } catch (e) {
            if (!isLerError(e)) throw e;
            seen.push(Number(nameOf(piece).replace("f.csv line ", "")));
          }
        }
        expect(seen.sort((a, b) => a - b)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe("bitstring status lists", () => {
  it("report revoked exactly for the set bits", () => {
    const url = "https://example.org/list";
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(8191), { maxLength: 20 }), fc.nat(8191), (set, probe) => {
        const bits = new Uint8Array(1024);
        for (const i of set) bits[i >> 3] = (bits[i >> 3] ?? 0) | (0x80 >> (i & 7));
        const list = parseStatusList({
          id: url,
          type: ["VerifiableCredential", "BitstringStatusListCredential"],
          credentialSubject: {
            statusPurpose: "revocation",
            encodedList: `u${gzipSync(bits).toString("base64url")}`,
          },
        });
        const entry = { statusListCredential: url, statusListIndex: String(probe) };
        expect(statusFor(entry, [list])).toBe(set.includes(probe) ? "revoked" : "active");
      }),
      { numRuns: 100 },
    );
  });
});
