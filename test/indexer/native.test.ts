import { describe, expect, it } from "vitest";
import { parserFor } from "../../indexer/detect.ts";
import { nativeParser } from "../../indexer/formats/native.ts";

const ctx = { fileName: "ada.json" };

/** The fields a native document and its ParsedDocument share, name for name. */
const header = {
  person: { id: "p-17", name: "Ada", email: "ada@example.org", location: "Leeds" },
  title: "Annual review",
  issuer: "Acme Ltd",
  issuedAt: "2024-03-01",
  validUntil: "2027",
  verification: "verified",
};

const full = {
  format: "ler-match/v1",
  id: "urn:acme:review:2024",
  ...header,
  sourceKind: "employer-record",
  extraField: "ignored",
  assertions: [
    {
      skill: "Python",
      conceptId: "python",
      level: "advanced",
      scale: "dreyfus",
      lastPracticedAt: "2025-01",
      wherePracticed: "Payments team",
    },
    {
      skill: "Excel",
      level: 7,
      min: 1,
      max: 10,
      sourceKind: "assessment",
      issuer: "TestCo",
      issuedAt: "2023",
    },
    { skill: "Welding", levels: ["basic", "good", "great"], level: "good", validUntil: "2026-01-01" },
    { skill: "Listening", level: null },
  ],
};

describe("native format detection", () => {
  it("is certain about a document tagged ler-match/v1", () => {
    expect(nativeParser.detect(full)).toBe(100);
  });

  it.each([
    [{ format: "ler-match/v2" }],
    [{ person: { id: "x" }, assertions: [] }],
    [null],
    [[full]],
    ["ler-match/v1"],
  ])("does not claim %j", (doc) => {
    expect(nativeParser.detect(doc)).toBe(0);
  });
});

describe("native format parsing", () => {
  it("reads every field into a ParsedDocument", () => {
    expect(parserFor("native").parse(full, ctx)).toEqual([
      {
        format: "native",
        documentId: "urn:acme:review:2024",
        ...header,
        revocation: "unchecked",
        credentialStatus: null,
        sourceKind: "employer-record",
        warnings: [],
        assertions: [
          {
            skillText: "Python",
            conceptHint: { id: "python" },
            rawLevel: "advanced",
            scale: { scale: "dreyfus" },
            lastPracticedAt: "2025-01",
            wherePracticed: "Payments team",
            sourcePath: "$.assertions[0]",
          },
          {
            skillText: "Excel",
            rawLevel: 7,
            scale: { min: 1, max: 10 },
            sourceKind: "assessment",
            issuer: "TestCo",
            issuedAt: "2023",
            sourcePath: "$.assertions[1]",
          },
          {
            skillText: "Welding",
            rawLevel: "good",
            scale: { levels: ["basic", "good", "great"] },
            validUntil: "2026-01-01",
            sourcePath: "$.assertions[2]",
          },
          { skillText: "Listening", rawLevel: null, scale: null, sourcePath: "$.assertions[3]" },
        ],
      },
    ]);
  });

  it("defaults verification to unverified and the id to none", () => {
    const [doc] = parserFor("native").parse(
      { format: "ler-match/v1", person: { id: "p" }, sourceKind: "self-asserted", assertions: [] },
      ctx,
    );
    expect([doc?.documentId, doc?.verification, doc?.person]).toEqual([
      null,
      "unverified",
      { id: "p", name: null, email: null, location: null },
    ]);
  });

  it.each([
    ["a missing person id", { ...full, person: { name: "Ada" } }, "$.person.id"],
    [
      "a level that is an object",
      { ...full, assertions: [full.assertions[0], { skill: "X", level: {} }] },
      "$.assertions[1].level",
    ],
    ["a date that is not ISO 8601", { ...full, issuedAt: "March 2024" }, "$.issuedAt"],
    ["an unknown source kind", { ...full, sourceKind: "rumour" }, "$.sourceKind"],
    ["assertions that are not a list", { ...full, assertions: {} }, "$.assertions"],
  ])("rejects %s with parse_failed at its JSON path", (_what, doc, path) => {
    expect(() => parserFor("native").parse(doc, ctx)).toThrow(
      expect.objectContaining({ code: "parse_failed", details: expect.objectContaining({ path }) }),
    );
  });

  it("lists every issue in details, each with its path", () => {
    const bad = { format: "ler-match/v1", person: {}, sourceKind: "rumour", assertions: [] };
    expect(() => parserFor("native").parse(bad, ctx)).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({
          issues: [
            expect.objectContaining({ path: ["person", "id"] }),
            expect.objectContaining({ path: ["sourceKind"] }),
          ],
        }),
      }),
    );
  });
});
