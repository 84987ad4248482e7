/**
 * The demo's data-engineering description, pasted as is, reads as a position: a handful of required
 * skills, the "nice to have" list preferred, duties neither demanded nor reported as unknown skills —
 * on the starter taxonomy and on the starter merged with all of ESCO.
 */
import { describe, expect, it } from "vitest";
import { DEMO_JOB_DESCRIPTIONS } from "../../api/pages/demo-jds.ts";
import { buildTaxonomy } from "../../taxonomy/graph.ts";
import { importEsco } from "../../taxonomy/import/esco.ts";
import { type JdOccupation, parseJobDescription } from "../../taxonomy/jd/index.ts";
import { mergeTaxonomies } from "../../taxonomy/merge.ts";
import type { Taxonomy } from "../../taxonomy/model.ts";
import { loadStarterConcepts, loadStarterOccupations, loadStarterTaxonomy } from "../../taxonomy/starter.ts";

const ESCO = new URL("../../../shared/data/esco-v1.1.1", import.meta.url).pathname;
const DATA_ENGINEER = DEMO_JOB_DESCRIPTIONS.find((d) => d.id === "data-engineer")?.text ?? "";

function withEsco(): { taxonomy: Taxonomy; occupations: JdOccupation[] } {
  const merged = mergeTaxonomies([
    { concepts: loadStarterConcepts(), occupations: loadStarterOccupations() },
    importEsco(ESCO),
  ]);
  return { taxonomy: buildTaxonomy(merged.concepts), occupations: merged.occupations };
}

describe.each([
  ["starter taxonomy", () => ({ taxonomy: loadStarterTaxonomy(), occupations: loadStarterOccupations() })],
  ["starter + ESCO", withEsco],
])("the data-engineering demo description on the %s", (_name, load) => {
  const p = parseJobDescription(DATA_ENGINEER, load());
  const required = p.requirements.filter((r) => r.required);
  const labelsOf = (rs: typeof p.requirements) => rs.map((r) => r.label.toLowerCase());

  it("asks for at most ten required skills, among them what the requirements list names", () => {
    expect(required.length).toBeGreaterThan(0);
    expect(required.length).toBeLessThanOrEqual(10);
    expect(labelsOf(required)).toEqual(expect.arrayContaining(["python", "sql", "apache spark"]));
  });

  it("makes the nice-to-have list preferred", () => {
    const kafka = p.requirements.find((r) => r.phrase === "Kafka");
    expect(kafka?.required).toBe(false);
  });

  it("reports no duty verb as an unresolved skill", () => {
    const words = p.unresolved.map((u) => u.phrase.toLowerCase().split(/\s+/)[0]);
    expect(words).not.toContain("build");
    expect(words).not.toContain("run");
    expect(words).not.toContain("model");
  });
});

describe("a posting that demands twenty skills", () => {
  const taxonomy = loadStarterTaxonomy();
  const skills = [...taxonomy.all()]
    .filter((c) => c.type === "skill" && taxonomy.narrower(c.id).length === 0 && c.broader.length > 0)
    .slice(0, 20);
  const text = `Engineer\n\nRequirements:\n${skills.map((c) => `- ${c.label}`).join("\n")}\n`;
  const p = parseJobDescription(text, { taxonomy });

  it("is read as a parsing failure: ten stay required, the rest are preferred, and a warning says why", () => {
    expect(p.requirements.filter((r) => !r.inferred)).toHaveLength(20);
    expect(p.requirements.filter((r) => r.required)).toHaveLength(10);
    expect(p.warnings.map((w) => [w.code, w.demoted.length])).toEqual([["too_many_required", 10]]);
  });
});
