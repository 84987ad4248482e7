import { describe, expect, it } from "vitest";
import { parseJobDescription } from "../../taxonomy/jd/index.ts";
import { loadStarterOccupations, loadStarterTaxonomy } from "../../taxonomy/starter.ts";

const deps = { taxonomy: loadStarterTaxonomy(), occupations: loadStarterOccupations() };
const concepts = (text: string) => parseJobDescription(text, deps).requirements.map((r) => r.conceptId);

describe("a common word that is also a skill's name is read from the posting around it", () => {
  it("'in production' in a software posting is not manufacturing", () => {
    const found = concepts(
      "Backend Engineer\n\nWhat you need:\n- 5+ years of Python\n- Docker and Kubernetes in production\n",
    );
    expect(found).toEqual(expect.arrayContaining(["sw.python", "cloud.docker", "cloud.kubernetes"]));
    expect(found).not.toContain("mfg.production-operations");
  });

  it("'production' on a factory floor is", () => {
    const found = concepts(
      "Production Supervisor\n\nRequirements:\n- 5 years in production on a factory floor\n- Lean manufacturing\n- Forklift\n",
    );
    expect(found).toContain("mfg.production-operations");
  });
});
