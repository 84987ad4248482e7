import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readLabelledTitles } from "../../taxonomy/import/labelled-titles.ts";
import { parseJobDescription } from "../../taxonomy/jd/index.ts";
import { loadStarterOccupations, loadStarterTaxonomy } from "../../taxonomy/starter.ts";
import {
  buildTitleIndex,
  evidenceTable,
  matchTitles,
  priorOf,
  TITLE_WEIGHTS,
  titleEvidence,
} from "../../taxonomy/titles.ts";

const occupations = [
  {
    id: "sales",
    label: "sales assistant",
    aliases: ["shop assistant"],
    examples: ["Marketing Executive", "Sales Executive", "Marketing Executive (Retail)", "Promoter"],
  },
  { id: "marketing", label: "marketing manager", aliases: ["head of marketing"] },
  { id: "guard", label: "security guard supervisor", examples: ["Security Guard", "Security Officer"] },
  { id: "security", label: "security guard" },
];

describe("matchTitles learns from labelled titles", () => {
  it("sends a title to the occupation its look-alikes were labelled with", () => {
    expect(matchTitles("Marketing Executive", occupations, 1)[0]?.id).toBe("sales");
    expect(matchTitles("Marketing Executive", occupations, 1, { vote: 0, prior: 0 })[0]?.id).toBe(
      "marketing",
    );
  });

  it("follows the labelled titles over a name equal to the title when they agree", () => {
    expect(matchTitles("Security Guard", occupations, 1)[0]?.id).toBe("guard");
    expect(matchTitles("Security Guard", occupations, 1, { vote: 0, prior: 0 })[0]?.id).toBe("security");
  });

  it("ranks by names alone when no occupation has labelled titles", () => {
    const bare = occupations.map(({ examples: _, ...o }) => o);
    fc.assert(
      fc.property(
        fc.constantFrom("Marketing Exec", "Sr Security Officer", "Shop Asst", "promoter"),
        (title) => {
          expect(matchTitles(title, bare, 4)).toEqual(matchTitles(title, bare, 4, { vote: 0, prior: 0 }));
        },
      ),
    );
  });
});

describe("title evidence", () => {
  const index = buildTitleIndex(occupations, TITLE_WEIGHTS);

  it("votes in shares of similarity that add up to one", () => {
    const table = evidenceTable(titleEvidence(index, "Security Officer", TITLE_WEIGHTS), index.prior, 10);
    expect(table.vote.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it("hears no labelled title the caller sets aside", () => {
    const e = titleEvidence(index, "Security Officer", TITLE_WEIGHTS);
    expect(e.neighbours.length).toBeGreaterThan(0);
    expect(evidenceTable(e, index.prior, 10, () => false).vote.every((v) => v === 0)).toBe(true);
  });

  it("scales the prior to 0…1, the most frequent answer at 1", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 50 }), (counts) => {
        const prior = [...priorOf(counts)];
        expect(prior.every((p) => p >= 0 && p <= 1)).toBe(true);
        if (Math.max(...counts) > 0) expect(Math.max(...prior)).toBe(1);
      }),
    );
  });
});

describe("readLabelledTitles", () => {
  const dir = mkdtempSync(join(tmpdir(), "labelled-titles-"));

  it("gathers each occupation's titles, repeats kept", () => {
    const file = join(dir, "titles.csv");
    writeFileSync(
      file,
      ",vacancyTitle,conceptUri\n0,Promoter,uri:a\n1,Promoter,uri:a\n2,Guard,uri:b\n3,,uri:b\n",
    );
    expect(readLabelledTitles([file])).toEqual(
      new Map([
        ["uri:a", ["Promoter", "Promoter"]],
        ["uri:b", ["Guard"]],
      ]),
    );
  });

  it("refuses a file without the title and URI columns", () => {
    const file = join(dir, "other.csv");
    writeFileSync(file, "title,uri\nPromoter,uri:a\n");
    expect(() => readLabelledTitles([file])).toThrow(expect.objectContaining({ code: "invalid_input" }));
  });
});

describe("the JD parser's title match", () => {
  const taxonomy = loadStarterTaxonomy();
  const starter = loadStarterOccupations();
  const text = "Line Leader\nRequirements:\n- Forklift operation\n- Quality control\n- Lean manufacturing";

  it("reads the posting's title through the occupations' labelled titles", () => {
    const taught = starter.map((o) =>
      o.id === "occ.assembler" ? { ...o, examples: ["Line Leader", "Production Line Leader"] } : o,
    );
    expect(parseJobDescription(text, { taxonomy, occupations: starter }).occupation?.id).toBe("occ.cook");
    expect(parseJobDescription(text, { taxonomy, occupations: taught }).occupation?.id).toBe("occ.assembler");
  });
});
