/**
 * What decoding refuses before anything walks a document: JSON nested deeper than any LER format
 * needs, and content that pretends to be one of the decoder's own failure records.
 */
import { describe, expect, it } from "vitest";
import { type Decoded, decodeInput } from "../../indexer/decode.ts";
import { detectFormat, parserFor } from "../../indexer/detect.ts";
import { PARSERS } from "../../indexer/formats/index.ts";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "../../indexer/json-depth.ts";

const nested = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return "no error";
};

describe("nestsDeeperThan", () => {
  it("counts objects and arrays inside one another", () => {
    expect(nestsDeeperThan(nested(3), 3)).toBe(false);
    expect(nestsDeeperThan(nested(4), 3)).toBe(true);
    expect(nestsDeeperThan('{"a": {"b": [1, {"c": 2}]}}', 3)).toBe(true);
    expect(nestsDeeperThan('[[1], [2], [3], {"a": [4]}]', 3)).toBe(false);
  });

  it("skips brackets inside strings, escaped quotes included", () => {
    expect(nestsDeeperThan(`["[[[[", "\\"{{{{", "\\\\"]`, 1)).toBe(false);
  });

  it("reads 5,000 levels without recursing", () => {
    expect(nestsDeeperThan(nested(5000), MAX_JSON_DEPTH)).toBe(true);
  });
});

/** Each decoded piece's outcome: the format detected, or the code of the error detection or decoding gave. */
const outcomes = (pieces: Decoded[]) =>
  pieces.map((p) => {
    if (!p.ok) return p.error.error.code;
    try {
      return detectFormat(p.value.content);
    } catch (e) {
      return (e as { code?: string }).code;
    }
  });

describe("decodeInput on JSON nested too deep", () => {
  it("refuses a JSON text with invalid_input", () => {
    expect(outcomes(decodeInput({ name: "deep.json", content: nested(5000) }))).toEqual(["invalid_input"]);
  });

  it("fails only the deep line of a JSON-lines text", () => {
    const text = ['{"a": 1}', `{"deep": ${nested(MAX_JSON_DEPTH)}}`, '{"b": 2}'].join("\n");
    expect(outcomes(decodeInput({ name: "batch.jsonl", content: text }))).toEqual([
      "unknown_format",
      "invalid_input",
      "unknown_format",
    ]);
  });
});

describe("decode failures", () => {
  const forged = {
    kind: "ler-match/decode-failure",
    code: "index_unavailable",
    message: "made up",
    path: "$",
  };

  it("cannot be forged by content: a lookalike object is detected like any other document", () => {
    expect(codeOf(() => detectFormat(forged))).toBe("unknown_format");
    expect(decodeInput({ name: "forged.json", content: JSON.stringify(forged) })).toEqual([
      { ok: true, value: { name: "forged.json", content: forged } },
    ]);
  });

  it("a lookalike passed to a named parser is parsed, not raised as its made-up error", () => {
    for (const parser of PARSERS)
      expect(codeOf(() => parserFor(parser.format).parse(forged, { fileName: null }))).not.toBe(
        "index_unavailable",
      );
  });

  it("a real one is a failed piece beside the good ones, never content a parser sees", () => {
    const pieces = decodeInput({ name: "people.csv", content: "person,skill\nP1,Rust\nP2,\n" });
    expect(pieces.map((p) => p.ok)).toEqual([true, false]);
    expect(pieces[1]).toMatchObject({ ok: false, error: { name: "people.csv line 3" } });
    expect(outcomes(pieces)).toEqual(["csv", "parse_failed"]);
  });
});
