import { describe, expect, it } from "vitest";
import { detectFormat, parserFor } from "../../indexer/detect.ts";
import { isLerError } from "../../src/domain/errors.ts";
import { readSample } from "./helpers.ts";

const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (isLerError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  return null;
};

describe("detectFormat", () => {
  it("uses the caller's format over the content", () => {
    const resume = JSON.parse(readSample("jsonresume/jsonresume-schema_sample.resume.json"));
    expect(detectFormat(resume)).toBe("jsonresume");
    expect(detectFormat(resume, "ler-rs")).toBe("ler-rs");
  });

  it("prefers CLR over OB3 for a ClrCredential carrying the OB3 context", () => {
    expect(detectFormat(JSON.parse(readSample("clr2/1edtech-validator_simple.json")))).toBe("clr2");
  });

  it("says what it saw when nothing matches", () => {
    expect(errorOf(() => detectFormat({ hello: "world", type: "Thing" }))).toEqual({
      code: "unknown_format",
      message: 'could not tell the format: saw an object with keys [hello, type] and type "Thing"',
    });
    expect(errorOf(() => detectFormat([1, 2]))).toEqual({
      code: "unknown_format",
      message: "could not tell the format: saw an array of 2",
    });
  });

  it("recognises a CTDL description and says it is not a person's record", () => {
    expect(errorOf(() => detectFormat(JSON.parse(readSample("ctdl/Course-1a.json"))))).toEqual({
      code: "not_a_person_record",
      message:
        "this is a Credential Engine CTDL description (ceterms:Course) of a credential or course, not a person's record; credentials that align to it are read through their alignment",
    });
  });
});

describe("Open Badges 2.0", () => {
  const assertion = {
    "@context": "https://w3id.org/openbadges/v2",
    type: "Assertion",
    id: "https://example.org/assertions/123",
    recipient: { type: "email", identity: "Alice@Example.org", hashed: false },
    issuedOn: "2016-12-31T23:59:59+00:00",
    expires: "2018-12-31T23:59:59+00:00",
    badge: {
      type: "BadgeClass",
      name: "Data Wrangler",
      issuer: { type: "Issuer", name: "Example Academy", id: "https://example.org/issuer" },
      alignment: [
        {
          targetName: "Data cleaning",
          targetUrl: "https://skills.example.org/data-cleaning",
          targetCode: "DC1",
        },
        { targetDescription: "no name" },
      ],
    },
  };

  it("is detected by its type", () => {
    expect(detectFormat(assertion)).toBe("ob2");
  });

  it("reads an embedded badge's alignments, with recipient, issuer and dates", () => {
    const [doc] = parserFor("ob2").parse(assertion, { fileName: null });
    expect(doc).toMatchObject({
      documentId: "https://example.org/assertions/123",
      person: { id: "alice@example.org", email: "Alice@Example.org" },
      title: "Data Wrangler",
      sourceKind: "issued-credential",
    });
    expect(doc?.assertions).toEqual([
      {
        skillText: "Data cleaning",
        conceptHint: { uri: "https://skills.example.org/data-cleaning", code: "DC1" },
        rawLevel: null,
        scale: null,
        issuer: "Example Academy",
        issuedAt: "2016-12-31T23:59:59+00:00",
        validUntil: "2018-12-31T23:59:59+00:00",
        sourcePath: "$.badge.alignment[0]",
      },
    ]);
    expect(doc?.warnings).toEqual(["$.badge.alignment[1]: alignment has no targetName, skipped"]);
  });

  it("keeps a badge given as a URL, with no skills and a warning", () => {
    const [doc] = parserFor("ob2").parse(
      { ...assertion, badge: "https://example.org/badges/1" },
      { fileName: null },
    );
    expect(doc?.assertions).toEqual([]);
    expect(doc?.warnings).toEqual(["$.badge: badge is a URL, no skills read"]);
  });
});

describe("Velocity offer types", () => {
  it("reads an education degree offer: the program, its institution, the month it ended", () => {
    const offer = {
      type: ["EducationDegreeGraduationV1.1"],
      credentialSubject: {
        vendorUserId: "sam@example.com",
        institution: { name: { localized: { en: "Example Polytechnic" } } },
        program: { localized: { en: "Mechatronics" } },
        endMonthYear: { month: 6, year: 2022 },
      },
    };
    expect(detectFormat(offer)).toBe("velocity");
    const [doc] = parserFor("velocity").parse(offer, { fileName: null });
    expect(doc?.assertions).toEqual([
      {
        skillText: "Mechatronics",
        rawLevel: null,
        scale: null,
        issuer: "Example Polytechnic",
        issuedAt: "2022-06",
        validUntil: null,
        wherePracticed: "Example Polytechnic",
        lastPracticedAt: "2022-06",
        sourcePath: "$.credentialSubject",
      },
    ]);
  });
});
