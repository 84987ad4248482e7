/**
 * Every text path is linear: job-description parsing, the resolver and title matching finish
 * within a time proportional to the text's length on random and adversarial text up to the
 * 100,000-character limit (long runs of spaces, dots, digits, one huge word, bullets, tags,
 * repeated postings). The bound is generous (a loaded two-core CI machine); a backtracking
 * pattern or a per-mention rescan misses it by orders of magnitude.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { bracketedSpans } from "../../src/text/bracketed.ts";
import { parseJobDescription, parseJobDescriptionAsync } from "../../taxonomy/jd/index.ts";
import { loadStarterOccupations, loadStarterTaxonomy } from "../../taxonomy/starter.ts";
import { matchTitles } from "../../taxonomy/titles.ts";
import { CUSTOMER_SERVICE_JD, NURSING_JD, SOFTWARE_JD, WELDING_JD } from "./fixtures.ts";

const taxonomy = loadStarterTaxonomy();
const occupations = loadStarterOccupations();
const deps = { taxonomy, occupations };

const MAX_CHARS = 100_000;
/** Milliseconds allowed: a fixed start-up plus a per-character cost ~10× what a laptop measures. */
const budgetMs = (chars: number) => 250 + chars * 0.025;

function timed(run: () => unknown): number {
  const began = performance.now();
  run();
  return performance.now() - began;
}

const repeatTo = (piece: string, length: number) =>
  piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
const POSTING = [SOFTWARE_JD, NURSING_JD, WELDING_JD, CUSTOMER_SERVICE_JD].join("\n");

/** Every path a pasted text takes, each held to the budget. */
function expectLinear(text: string): void {
  const budget = budgetMs(text.length);
  const paths: [string, () => unknown][] = [
    ["parseJobDescription", () => parseJobDescription(text, deps)],
    ["resolve with the text as context", () => taxonomy.resolve(text.slice(0, 500), { context: text })],
    ["resolve the text itself", () => taxonomy.resolve(text)],
    ["matchTitles", () => matchTitles(text, occupations, 3)],
  ];
  for (const [path, run] of paths)
    expect({ path, chars: text.length, withinBudget: timed(run) <= budget }).toEqual({
      path,
      chars: text.length,
      withinBudget: true,
    });
}

beforeAll(() => {
  parseJobDescription(SOFTWARE_JD, deps); // builds the concept index, outside any measurement
  taxonomy.resolve("Go", { context: SOFTWARE_JD });
  matchTitles("Data Engineer", occupations, 1);
});

describe("adversarial inputs reported to freeze the server", () => {
  it.each([
    ["a number, 3,000 spaces, then a skill", `Data Engineer\n1${" ".repeat(3_000)}x Python`],
    ["a number, then spaces to the limit", `Data Engineer\n1${" ".repeat(MAX_CHARS - 30)}x Python`],
    ["an ordinary posting repeated to 50,000", repeatTo(POSTING, 50_000)],
    ["an ordinary posting repeated to the limit", repeatTo(POSTING, MAX_CHARS)],
    ["a letter and dots", `a${".".repeat(99_980)}`],
    ["a letter, dots and a letter", `a${".".repeat(99_980)}b`],
    ["one huge word", "a".repeat(99_999)],
    ["one huge consonant run", "b".repeat(99_999)],
    ["one line of ambiguous skills", repeatTo("Python Go Excel Java Spring R ", MAX_CHARS)],
    ["digits", repeatTo("1", MAX_CHARS)],
    ["open parentheses", repeatTo("(", MAX_CHARS)],
    ["unclosed tags", repeatTo("<p", MAX_CHARS)],
    ["blank lines", repeatTo("\n", MAX_CHARS)],
    ["bold lines", repeatTo("**a", MAX_CHARS)],
    ["a comma list", repeatTo("a, ", MAX_CHARS)],
    ["'and' lists", repeatTo("x and ", MAX_CHARS)],
    ["tail words", `${repeatTo("a skills", MAX_CHARS - 2)} x`],
    ["years cues", repeatTo("5 - 7 to 9 + years ", MAX_CHARS)],
    ["bullets", repeatTo("- Python and Go\n", MAX_CHARS)],
  ])("%s", (_name, text) => {
    expectLinear(text);
  });
});

/** Pieces whose runs break backtracking patterns: whitespace, punctuation, digits, tags, cue words. */
const PIECES = [
  " ",
  "\n",
  "\t",
  "\u00a0",
  ".",
  ",",
  ";",
  ":",
  "-",
  "/",
  "'",
  "(",
  ")",
  "[",
  "<",
  ">",
  "<p>",
  "<li>",
  "<strong>",
  "</strong>",
  "<br>",
  "&amp;",
  "&",
  "#",
  "*",
  "**",
  "_",
  "+",
  "1",
  "5+",
  "• ",
  "- ",
  "a",
  "b",
  "é",
  "and ",
  "or ",
  "years",
  "skills",
  "is a plus",
  "strong ",
  "experience with ",
  "Python",
  "Go",
  "Excel",
  "Node.js",
  "C++",
  "Apache Kafka",
  "Requirements:",
];

/** A pattern of runs (a piece repeated up to 3,000 times), repeated out to a target length. */
const adversarialText = fc
  .record({
    runs: fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.integer({ min: 1, max: 3_000 })), {
      minLength: 1,
      maxLength: 6,
    }),
    length: fc.constantFrom(10_000, 50_000, MAX_CHARS),
  })
  .map(({ runs, length }) => repeatTo(runs.map(([piece, n]) => piece.repeat(n)).join(""), length));

describe("random text up to the limit", () => {
  it("keeps every path within the budget", () => {
    fc.assert(
      fc.property(adversarialText, (text) => {
        expectLinear(text);
      }),
      { numRuns: 30 },
    );
  });

  it("gives the asynchronous parse the same answer as the synchronous one", async () => {
    await fc.assert(
      fc.asyncProperty(adversarialText, async (text) => {
        expect(await parseJobDescriptionAsync(text, deps)).toEqual(parseJobDescription(text, deps));
      }),
      { numRuns: 5 },
    );
  });
});

describe("parseJobDescriptionAsync", () => {
  it("fails with a timeout past its budget, instead of running on", async () => {
    const text = repeatTo(POSTING, MAX_CHARS);
    await expect(parseJobDescriptionAsync(text, deps, { sliceMs: 1, totalMs: 0 })).rejects.toMatchObject({
      code: "timeout",
    });
  });
});

describe("bracketedSpans", () => {
  it("finds exactly what /\\([^)]*\\)|\\[[^\\]]*\\]/g finds", () => {
    const pattern = /\([^)]*\)|\[[^\]]*\]/g;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("(", ")", "[", "]", "a", " "), maxLength: 30 }), (s) => {
        const expected = [...s.matchAll(pattern)].map((m) => ({
          start: m.index,
          end: m.index + m[0].length,
        }));
        expect(
          bracketedSpans(s, [
            ["(", ")"],
            ["[", "]"],
          ]),
        ).toEqual(expected);
      }),
      { numRuns: 2_000 },
    );
  });
});
