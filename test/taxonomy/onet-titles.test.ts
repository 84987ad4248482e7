import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { linkOnetTitles, titleKey } from "../../taxonomy/import/onet-titles.ts";

const esco = [
  { id: "dev", label: "software developer", aliases: ["programmer"] },
  { id: "doula", label: "doula" },
  { id: "nurse", label: "specialist nurse" },
];

describe("linkOnetTitles", () => {
  it("links an O*NET occupation to the ESCO occupation carrying its title, plural or not, seniority dropped", () => {
    const linked = linkOnetTitles(esco, [
      { label: "Software Developers", aliases: ["Application Developer", "Sr. Programmer"] },
    ]);
    expect(linked.get("dev")).toEqual(["Application Developer"]);
  });

  it("links an untitled O*NET occupation only where two of its titles agree", () => {
    const one = linkOnetTitles(esco, [{ label: "Birth Attendants", aliases: ["Doula", "Birth Coach"] }]);
    const two = linkOnetTitles(esco, [
      { label: "Birth Attendants", aliases: ["Doula", "Doulas", "Birth Coach"] },
    ]);
    expect(one.size).toBe(0);
    expect(two.get("doula")).toEqual(["Birth Attendants", "Birth Coach"]);
  });

  it("never gives an occupation its own names or one title twice", () => {
    const title = fc.constantFrom(
      "Software Developer",
      "Programmer",
      "Developers, Software",
      "Web Developer",
      "Coder",
      "Birth Coach",
      "Doula",
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ label: title, aliases: fc.array(title, { maxLength: 5 }) }), { maxLength: 4 }),
        (soc) => {
          for (const [id, titles] of linkOnetTitles(esco, soc)) {
            const own = esco.find((o) => o.id === id);
            const ownKeys = new Set([own?.label ?? "", ...(own?.aliases ?? [])].map(titleKey));
            const keys = titles.map(titleKey);
            expect(keys.some((k) => ownKeys.has(k))).toBe(false);
            expect(new Set(keys).size).toBe(keys.length);
          }
        },
      ),
    );
  });
});
