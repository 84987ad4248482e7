import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateBenchSet } from "../../src/generate/benchset.ts";
import { drawGroups, groupsCsv, plantProxy } from "../../src/generate/fairness.ts";
import { readDataset, writeDataset } from "../../src/quality/dataset.ts";
import { auditFairness, parseGroups } from "../../src/quality/fairness.ts";
import { renderFairnessHtml } from "../../src/quality/fairness-report.ts";
import { runFairness } from "../../src/quality/fairness-run.ts";
import { DEFAULT_SCORING } from "../../src/scoring/config.ts";
import { loadStarterTaxonomy } from "../../taxonomy/starter.ts";

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
/** groups.csv with one column, sex: for each group, `n` people named prefix0… labelled `label`. */
const sexCsv = (...groups: [prefix: string, n: number, label: string][]) =>
  `person,sex\n${groups.flatMap(([prefix, n, label]) => ids(prefix, n).map((p) => `${p},${label}`)).join("\n")}\n`;

describe("selection rates and impact ratios (LL144)", () => {
  const groups = parseGroups(sexCsv(["f", 100, "female"], ["m", 100, "male"]));
  const population = new Set([...ids("f", 100), ...ids("m", 100)]);

  it("rate = selected ÷ assessed; ratio = rate ÷ the highest rate; under 0.8 is flagged", () => {
    // two positions: 10 men and 6 women selected in all
    const selections = new Map([
      ["p1", [...ids("m", 5), ...ids("f", 3)]],
      ["p2", [...ids("m", 5).slice(0), ...ids("f", 3)]],
    ]);
    const { overall } = auditFairness(selections, groups, population, 8);
    const male = overall.rates.find((r) => r.group === "male")!;
    const female = overall.rates.find((r) => r.group === "female")!;
    expect(male).toMatchObject({ assessed: 200, selected: 10, rate: 0.05, impactRatio: 1, flagged: false });
    expect(female).toMatchObject({ assessed: 200, selected: 6, rate: 0.03, flagged: true });
    expect(female.impactRatio).toBeCloseTo(0.6, 10);
  });

  it("a group too small to judge gets a rate but no ratio, and never sets the bar", () => {
    const withFew = parseGroups(sexCsv(["f", 100, "female"], ["x", 3, "nonbinary"]));
    const selections = new Map([["p1", ["x0", "f0"]]]);
    const { overall } = auditFairness(selections, withFew, new Set([...ids("f", 100), ...ids("x", 3)]), 2);
    const few = overall.rates.find((r) => r.group === "nonbinary")!;
    expect(few).toMatchObject({ small: true, impactRatio: null, flagged: false });
    expect(overall.rates.find((r) => r.group === "female")!.impactRatio).toBe(1);
  });

  it("two categories also give their intersection", () => {
    const g = parseGroups("person,sex,ethnicity\na,female,hispanic\nb,male,\n");
    expect(g.get("a")?.get("intersectional")).toBe("female × hispanic");
    expect(g.get("b")?.has("ethnicity")).toBe(false);
  });

  it("refuses a groups file without a person column", () => {
    expect(() => parseGroups("id,sex\na,female\n")).toThrow(/person/);
  });
});

describe("the audit finds a planted proxy, and a control does not flag", () => {
  const dir = mkdtempSync(join(tmpdir(), "ler-fairness-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function audit(planted: boolean) {
    const generated = generateBenchSet({ people: 400, positions: 12, seed: 11 });
    const groups = drawGroups(generated, 11);
    const content = planted ? plantProxy(generated, groups, 11) : generated;
    const out = join(dir, planted ? "proxy" : "control");
    writeDataset(out, content);
    const { dataset } = readDataset(out);
    const labels = parseGroups(groupsCsv(groups));
    return runFairness(dataset, labels, { k: 10, taxonomy: loadStarterTaxonomy(), config: DEFAULT_SCORING });
  }

  it("planted: group-b is selected at under four-fifths of group-a's rate", async () => {
    const result = await audit(true);
    const b = result.overall.rates.find((r) => r.group === "group-b")!;
    expect(b.flagged).toBe(true);
    expect(b.impactRatio).toBeLessThan(0.8);
    expect(renderFairnessHtml(result, "proxy")).toContain("below 0.8 (four-fifths)");
  }, 60_000);

  it("control: the same people and positions without the proxy are not flagged overall", async () => {
    const result = await audit(false);
    expect(result.overall.rates.every((r) => !r.flagged)).toBe(true);
    expect(result.overall.rates.every((r) => (r.impactRatio ?? 0) >= 0.8)).toBe(true);
  }, 60_000);
});
