import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { degreeMeets, fieldMatches } from "../../taxonomy/education.ts";
import { parseEducation } from "../../taxonomy/jd/education.ts";

const one = (text: string) => {
  const found = parseEducation(text);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe("education requirements in a job description", () => {
  it.each([
    {
      title: "reads level, field and 'or equivalent experience'",
      text: "Bachelor's degree in Accounting or equivalent experience",
      reads: {
        level: "bachelor",
        field: "accounting",
        orEquivalent: true,
        relatedFields: false,
        required: true,
      },
    },
    {
      title: "reads 'or a related field' as any field at the level",
      text: "- BSc in Computer Science or a related field",
      reads: { level: "bachelor", field: "computer science", relatedFields: true, orEquivalent: false },
    },
  ])("$title", ({ text, reads }) => {
    expect(one(text)).toMatchObject(reads);
  });

  it("reads higher and lower degrees, and marks a preferred one", () => {
    expect(one("Master's degree preferred")).toMatchObject({ level: "master", field: null, required: false });
    expect(one("PhD in Statistics")).toMatchObject({ level: "doctorate", field: "statistics" });
    expect(one("High school diploma or GED")).toMatchObject({ level: "secondary" });
    expect(one("A degree in nursing from an accredited school")).toMatchObject({
      level: "bachelor",
      field: "nursing",
    });
  });

  it("does not read a skill line as a degree", () => {
    expect(parseEducation("Proficient with MS Excel and MS Office; BA tooling experience")).toEqual([]);
  });

  it("points at the phrase it read", () => {
    const text = "Requirements:\n- 5+ years of Python\n- Bachelor's degree in Finance or equivalent\n";
    const [e] = parseEducation(text);
    expect(text.slice(e!.start, e!.end)).toBe("Bachelor's degree in Finance or equivalent");
  });

  it("never throws, and every phrase is where it says", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.constantFrom("", "Bachelor's degree in X", "\nMSc in Y or related"),
        (noise, degree) => {
          const text = noise + degree;
          for (const e of parseEducation(text)) expect(text.slice(e.start, e.end)).toBe(e.phrase);
        },
      ),
    );
  });
});

describe("a degree against an education requirement", () => {
  const req = { level: "bachelor", field: "accounting", orEquivalent: false, relatedFields: false } as const;

  it("a higher degree in the field meets it; a lower one or another field does not", () => {
    expect(degreeMeets(req, { level: "master", field: "accounting and finance" })).toBe(true);
    expect(degreeMeets(req, { level: "associate", field: "accounting" })).toBe(false);
    expect(degreeMeets(req, { level: "bachelor", field: "nursing" })).toBe(false);
    expect(degreeMeets({ ...req, relatedFields: true }, { level: "bachelor", field: "finance" })).toBe(true);
    expect(degreeMeets({ ...req, field: null }, { level: "bachelor", field: null })).toBe(true);
  });

  it("fields match on their significant words", () => {
    expect(fieldMatches("computer science", "computer science & cognitive psychology")).toBe(true);
    expect(fieldMatches("computer science", "political science")).toBe(false);
  });
});
