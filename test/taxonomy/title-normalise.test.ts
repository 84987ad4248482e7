import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseTitle, TITLE_NOISE } from "../../taxonomy/title-normalise.ts";
import { matchTitles } from "../../taxonomy/titles.ts";

describe("normaliseTitle", () => {
  it.each([
    ["Sr. Java Dev (m/w/d) – remote", ["java", "developer"], []],
    ["Senior Software Eng (f/m/x)", ["software", "engineer"], []],
    ["Chef de partie (h/f)", ["chef", "de", "partie"], []],
    ["Lead Data Engineer - Berlin", ["data", "engineer"], ["berlin"]],
    ["Jr. Accounts Asst | Acme Ltd", ["accounts", "assistant"], ["acme", "ltd"]],
    ["Sales Manager in London", ["sales", "manager"], ["london"]],
    ["Nurse (ICU)", ["nurse"], ["icu"]],
    ["Ops Mgr, Logistics", ["operations", "manager"], ["logistics"]],
  ])("%s → head %j, qualifiers %j", (title, head, qualifiers) => {
    expect(normaliseTitle(title)).toEqual({ head, qualifiers });
  });

  it("never keeps a seniority, contract or place word, and never throws", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (title) => {
        const { head, qualifiers } = normaliseTitle(title);
        return [...head, ...qualifiers].every((w) => w.length > 0 && !TITLE_NOISE.has(w));
      }),
    );
  });
});

describe("matchTitles on noisy titles", () => {
  const occupations = [
    { id: "dev", label: "software developer", aliases: ["java developer", "programmer"] },
    { id: "sales", label: "sales assistant", aliases: ["shop assistant"] },
    { id: "fin", label: "financial manager", titles: ["finance manager", "finance director"] },
  ];

  it("reads through seniority, gender markers, abbreviations and places", () => {
    expect(matchTitles("Sr. Java Dev (m/w/d) – remote", occupations, 1)[0]?.id).toBe("dev");
  });

  it("repairs a misspelt word by its character trigrams", () => {
    expect(matchTitles("Sales Assitant", occupations, 1)[0]?.id).toBe("sales");
  });

  it("answers to titles another source gives an occupation", () => {
    expect(matchTitles("Finance Director", occupations, 1)[0]?.id).toBe("fin");
  });
});
