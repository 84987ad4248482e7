import { describe, expect, it } from "vitest";
import {
  generatePopulation,
  type JsonResumeDocument,
  type NativeDocument,
} from "../../src/generate/population.ts";
import { generatePositions, gradeOf, judge } from "../../src/generate/positions.ts";
import { createRng } from "../../src/generate/random.ts";
import type { Concept } from "../../taxonomy/model.ts";
import type { OccupationProfile } from "../../taxonomy/starter.ts";

const concept = (id: string, label: string, extra: Partial<Concept> = {}): Concept => ({
  id,
  label,
  aliases: [],
  ambiguousAliases: [],
  type: "skill",
  broader: [],
  related: [],
  source: "starter",
  ...extra,
});

const concepts: Concept[] = [
  concept("sw.sql", "SQL", { aliases: ["structured query language"] }),
  concept("sw.postgresql", "PostgreSQL", { broader: ["sw.sql"], aliases: ["Postgres"] }),
  concept("sw.python", "Python"),
  concept("sw.git", "Git"),
  concept("hc.triage", "Patient triage"),
  concept("hc.phlebotomy", "Phlebotomy"),
  concept("lang.spanish", "Spanish", { type: "language" }),
];
const occupations: OccupationProfile[] = [
  {
    id: "occ.dev",
    label: "Developer",
    aliases: [],
    essential: ["sw.sql", "sw.python", "sw.git"],
    optional: [],
  },
  {
    id: "occ.nurse",
    label: "Nurse",
    aliases: [],
    essential: ["hc.triage", "hc.phlebotomy"],
    optional: ["sw.git"],
  },
];
const options = { people: 60, seed: 5, occupations, concepts, jsonResumeShare: 0 };
const native = (docs: readonly unknown[]) => docs as NativeDocument[];

describe("generatePopulation", () => {
  it("is identical for the same seed", () => {
    const a = generatePopulation(options);
    const b = generatePopulation(options);
    expect(JSON.stringify(b.documents)).toBe(JSON.stringify(a.documents));
    expect([...b.truth].map(([k, v]) => [k, [...v]])).toEqual([...a.truth].map(([k, v]) => [k, [...v]]));
  });

  it("differs for another seed", () => {
    const a = generatePopulation(options);
    const b = generatePopulation({ ...options, seed: 6 });
    expect(JSON.stringify(b.documents)).not.toBe(JSON.stringify(a.documents));
  });

  it("keeps person i the same whatever the population size", () => {
    const small = generatePopulation({ ...options, people: 10 });
    const large = generatePopulation(options);
    expect(native(large.documents).filter((d) => d.person.id === "p000007")).toEqual(
      native(small.documents).filter((d) => d.person.id === "p000007"),
    );
  });

  it("gives every document a person, a source kind and at least one assertion", () => {
    const documents = native(generatePopulation(options).documents);
    for (const d of documents) {
      expect(d.format).toBe("ler-match/v1");
      expect(d.person.id).toMatch(/^p\d{6}$/);
      expect(d.assertions.length).toBeGreaterThan(0);
    }
    expect(new Set(documents.map((d) => d.sourceKind)).size).toBeGreaterThanOrEqual(4);
  });

  it("writes languages on the CEFR scale", () => {
    const documents = native(generatePopulation({ ...options, people: 200 }).documents);
    const spanish = documents.flatMap((d) => d.assertions).filter((a) => a.skill === "Spanish" && a.level);
    expect(spanish.length).toBeGreaterThan(0);
    for (const a of spanish) expect(a.level).toMatch(/^[ABC][12]$/);
  });

  it("writes some own profiles as JSON Resume, keyed by e-mail in the truth and every document", () => {
    const { documents, truth } = generatePopulation({ ...options, jsonResumeShare: 0.5 });
    const resumes = documents.filter((d): d is JsonResumeDocument => "basics" in d);
    expect(resumes.length).toBeGreaterThan(10);
    for (const r of resumes) {
      expect(truth.has(r.basics.email)).toBe(true);
      const others = native(documents.filter((d) => "person" in d && d.person.email === r.basics.email));
      for (const d of others) expect(d.person.id).toBe(r.basics.email);
    }
  });

  it("keeps latent levels within 0–5", () => {
    const { truth } = generatePopulation(options);
    for (const levels of truth.values()) for (const l of levels.values()) expect(l).toBeGreaterThanOrEqual(0);
    for (const levels of truth.values()) for (const l of levels.values()) expect(l).toBeLessThanOrEqual(5);
  });
});

describe("grading", () => {
  const below = new Map([["sw.sql", ["sw.postgresql"]]]);
  const reqs = [
    { concept: "sw.sql", minLevel: 3, weight: 1, required: true },
    { concept: "sw.python", minLevel: 2, weight: 1, required: false },
  ];

  it("grades 3 when every requirement is met", () => {
    expect(
      gradeOf(
        reqs,
        new Map([
          ["sw.sql", 3],
          ["sw.python", 2],
        ]),
        below,
      ),
    ).toBe(3);
  });

  it("credits a narrower skill at 90% of its level", () => {
    // 0.9 × 3 = 2.7 < 3: the required SQL is within a level, coverage (0.9 + 1) / 2 = 0.95
    expect(
      gradeOf(
        reqs,
        new Map([
          ["sw.postgresql", 3],
          ["sw.python", 2],
        ]),
        below,
      ),
    ).toBe(2);
  });

  it("grades 0 without any of the skills", () => {
    expect(gradeOf(reqs, new Map([["sw.git", 5]]), below)).toBe(0);
  });

  it("judges generated positions from the latent truth only", () => {
    const population = generatePopulation(options);
    const positions = generatePositions({ count: 4, seed: 5, occupations, concepts });
    const qrels = judge(positions, population.truth, concepts);
    expect([...qrels.keys()]).toEqual(positions.map((p) => p.id));
    for (const judged of qrels.values()) for (const g of judged.values()) expect([1, 2, 3]).toContain(g);
  });
});

describe("rng", () => {
  it("forks are independent of the parent's draws", () => {
    const a = createRng(1);
    const b = createRng(1);
    b.next();
    expect(a.fork("x").next()).toBe(b.fork("x").next());
  });
});
