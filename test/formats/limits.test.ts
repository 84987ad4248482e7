/**
 * Field lengths are capped for every format (indexer/formats/limits.ts): an oversized skill name is
 * skipped with a warning, long display fields are cut, oversized levels, dates and identifiers are
 * ignored, an oversized document id fails its document — and a credential with a 2 MB achievement
 * name, which once pinned a core for minutes, is read in milliseconds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDocument } from "../../indexer/formats/common.ts";
import { FIELD_LIMITS, withinFieldLimits } from "../../indexer/formats/limits.ts";
import type { ParsedDocument, RawAssertion } from "../../indexer/types.ts";
import { makeRig, type TestRig } from "../api/fixture.ts";
import { parseInput, readSample } from "./helpers.ts";

const TWO_MB = 2 * 1024 * 1024;
/** Milliseconds to read and store such a document: generous for a loaded CI machine. */
const INGEST_WITHIN_MS = 3_000;

const NAMES: [string, () => string][] = [
  ["words", () => "Python data analysis ".repeat(TWO_MB / 21)],
  ["one consonant run", () => "b".repeat(TWO_MB)],
  ["a letter, dots and a letter", () => `a${".".repeat(TWO_MB - 2)}b`],
  ["open parentheses", () => "(".repeat(TWO_MB)],
  ["ambiguous names", () => "Go Excel ".repeat(TWO_MB / 9)],
];

function ob3WithAchievementName(name: string): Record<string, unknown> {
  const vc = JSON.parse(readSample("ob3/1edtech-validator_simple.json"));
  const subject = Array.isArray(vc.credentialSubject) ? vc.credentialSubject[0] : vc.credentialSubject;
  subject.achievement.name = name;
  return vc;
}

const OVER_LIMIT = `${FIELD_LIMITS.skillText + 1}`;

describe("an OB3 credential with a 2 MB achievement name", () => {
  let rig: TestRig;
  beforeAll(async () => {
    rig = await makeRig();
  });
  afterAll(async () => {
    await rig.close();
  });

  it.each(NAMES)("is parsed without the name as a skill (%s)", (_shape, name) => {
    const [doc] = parseInput({ name: "big.json", content: ob3WithAchievementName(name()) });
    expect(doc?.assertions).toEqual([]);
    expect(doc?.warnings).toContainEqual(
      expect.stringMatching(/achievement: skill text of \d+ characters is over the 500-character limit/),
    );
  });

  it.each(NAMES)("is ingested quickly, as a document with a warning (%s)", async (_shape, name) => {
    const began = performance.now();
    const report = await rig.engine.ingest([{ name: "big.json", content: ob3WithAchievementName(name()) }]);
    expect(performance.now() - began).toBeLessThan(INGEST_WITHIN_MS);
    const [doc] = report.documents;
    expect(doc).toMatchObject({ format: "ob3", assertions: 0, error: null });
    expect(["stored", "replaced", "unchanged"]).toContain(doc?.status);
    expect(doc?.flags).toContain("no-skills");
    expect(doc?.warnings.join("\n")).toContain("over the 500-character limit");
  });
});

describe("other formats", () => {
  it("skips an oversized JSON Resume keyword and keeps the rest", () => {
    const resume = {
      basics: { name: "Ada", email: "ada@example.org" },
      skills: [{ name: "Programming", keywords: ["Python", "x".repeat(FIELD_LIMITS.skillText + 1)] }],
    };
    const [doc] = parseInput({ name: "resume.json", content: resume });
    expect(doc?.assertions.map((a) => a.skillText)).toEqual(["Python"]);
    expect(doc?.warnings).toEqual([
      `$.skills[0].keywords[1]: skill text of ${OVER_LIMIT} characters is over the 500-character limit, skipped`,
    ]);
  });

  it("skips an oversized CSV skill cell, by line", () => {
    const csv = `person,skill,level\nE1,Python,3\nE1,${"y".repeat(FIELD_LIMITS.skillText + 1)},2\n`;
    const [doc] = parseInput({ name: "people.csv", content: csv });
    expect(doc?.assertions.map((a) => a.skillText)).toEqual(["Python"]);
    expect(doc?.warnings.join("\n")).toContain("line 3: skill text of");
  });

  it("refuses an oversized native skill as the format's own schema says (parse_failed)", () => {
    const native = {
      format: "ler-match/v1",
      person: { id: "p-1" },
      sourceKind: "self-asserted",
      assertions: [{ skill: "z".repeat(FIELD_LIMITS.skillText + 1) }],
    };
    expect(() => parseInput({ name: "native.json", content: native })).toThrow(
      expect.objectContaining({ code: "parse_failed" }),
    );
  });
});

const assertion = (fields: Partial<RawAssertion> = {}): RawAssertion => ({
  skillText: "Python",
  rawLevel: null,
  scale: null,
  sourcePath: "$.skills[0]",
  ...fields,
});

const document = (fields: Partial<ParsedDocument> = {}): ParsedDocument =>
  newDocument(
    "jsonresume",
    "self-asserted",
    { id: "p-1", name: null, email: null, location: null },
    { assertions: [assertion()], ...fields },
  );

describe("withinFieldLimits", () => {
  it("leaves a document within the limits as it is", () => {
    const doc = document({ title: "Résumé", issuer: "Acme", issuedAt: "2024-01-01" });
    expect(withinFieldLimits(doc)).toEqual(doc);
  });

  it("cuts a long title and issuer, saying so", () => {
    const limited = withinFieldLimits(document({ title: "t".repeat(5_000), issuer: "i".repeat(5_000) }));
    expect(limited.title).toHaveLength(FIELD_LIMITS.text);
    expect(limited.title?.endsWith("…")).toBe(true);
    expect(limited.issuer).toHaveLength(FIELD_LIMITS.text);
    expect(limited.warnings).toEqual([
      "$.title: title of 5000 characters is over the 1000-character limit, cut",
      "$.issuer: issuer of 5000 characters is over the 1000-character limit, cut",
    ]);
  });

  it("ignores an oversized level, date, scale and concept identifier, keeping the skill", () => {
    const limited = withinFieldLimits(
      document({
        assertions: [
          assertion({
            rawLevel: "l".repeat(FIELD_LIMITS.level + 1),
            lastPracticedAt: `2020-01-01T${"1".repeat(100)}`,
            scale: { levels: Array.from({ length: FIELD_LIMITS.levels + 1 }, (_, i) => `level ${i}`) },
            conceptHint: {
              uri: `https://example.org/${"u".repeat(FIELD_LIMITS.identifier)}`,
              code: "15-1252",
            },
          }),
        ],
      }),
    );
    expect(limited.assertions).toEqual([
      assertion({ rawLevel: null, lastPracticedAt: null, scale: null, conceptHint: { code: "15-1252" } }),
    ]);
    expect(limited.warnings).toHaveLength(4);
  });

  it("cuts a parser's overlong warning", () => {
    const limited = withinFieldLimits(document({ warnings: [`$.x: ${"w".repeat(10_000)}`] }));
    expect(limited.warnings[0]).toHaveLength(FIELD_LIMITS.warning);
  });

  it("fails a document whose own id is too long to be one (parse_failed)", () => {
    expect(() =>
      withinFieldLimits(document({ documentId: "d".repeat(FIELD_LIMITS.identifier + 1) })),
    ).toThrow(
      expect.objectContaining({
        code: "parse_failed",
        details: { path: "$.id", limit: FIELD_LIMITS.identifier },
      }),
    );
  });
});
