/**
 * What decoding refuses before anything walks a document: JSON nested deeper than any LER format
 * needs, and content that pretends to be one of the decoder's own failure records.
 */
import { describe, expect, it } from "vitest";
import { decodeInput } from "../../indexer/decode.ts";
import { decodeFailure } from "../../indexer/decode-failure.ts";
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

describe("decodeInput on JSON nested too deep", () => {
  it("refuses a JSON text with invalid_input", () => {
    expect(codeOf(() => decodeInput({ name: "deep.json", content: nested(5000) }))).toBe("invalid_input");
  });

  it("fails only the deep line of a JSON-lines text", () => {
    const text = ['{"a": 1}', `{"deep": ${nested(MAX_JSON_DEPTH)}}`, '{"b": 2}'].join("\n");
    const inputs = decodeInput({ name: "batch.jsonl", content: text });
    expect(inputs.map((i) => codeOf(() => detectFormat(i.content)))).toEqual([
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
    expect(
      codeOf(() => detectFormat(JSON.parse(JSON.stringify(decodeFailure("store_failed", "x", "$"))))),
    ).toBe("unknown_format");
  });

  it("a lookalike passed to a named parser is parsed, not raised as its made-up error", () => {
    for (const parser of PARSERS)
      expect(codeOf(() => parserFor(parser.format).parse(forged, { fileName: null }))).not.toBe(
        "index_unavailable",
      );
  });

  it("a real one still raises its error, in detection and in any parser", () => {
    const real = decodeFailure("parse_failed", "line 7: no skill", "line 7");
    expect(codeOf(() => detectFormat(real))).toBe("parse_failed");
    for (const parser of PARSERS)
      expect(codeOf(() => parserFor(parser.format).parse(real, { fileName: null }))).toBe("parse_failed");
  });
});
