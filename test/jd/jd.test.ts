import { describe, expect, it } from "vitest";
import { parseJobDescription } from "../../taxonomy/jd/index.ts";
import type { JobDescriptionParse } from "../../taxonomy/jd/types.ts";
import { loadStarterOccupations, loadStarterTaxonomy } from "../../taxonomy/starter.ts";
import { CUSTOMER_SERVICE_JD, NURSING_JD, SOFTWARE_JD, WELDING_JD } from "./fixtures.ts";

const taxonomy = loadStarterTaxonomy();
const occupations = loadStarterOccupations();
const parse = (text: string) => parseJobDescription(text, { taxonomy, occupations });

/** [conceptId, phrase, required, minLevel] of the requirements found in the text, in order. */
const found = (p: JobDescriptionParse) =>
  p.requirements.filter((r) => !r.inferred).map((r) => [r.conceptId, r.phrase, r.required, r.minLevel]);

const offsetsExact = (text: string, p: JobDescriptionParse) =>
  [...p.requirements.filter((r) => !r.inferred), ...p.unresolved].every(
    (r) => text.slice(r.start, r.end) === r.phrase,
  );

describe("software JD (markdown)", () => {
  const p = parse(SOFTWARE_JD);

  it("finds each skill with its section's flag and the level its cue word sets", () => {
    expect(found(p)).toEqual([
      ["sw.python", "Python", true, 4],
      ["sw.postgresql", "PostgreSQL", true, 4],
      ["cloud.docker", "Docker", true, 4],
      ["cloud.kubernetes", "Kubernetes", true, 4],
      ["sw.go", "Go", true, 3],
      ["cloud.terraform", "Terraform", true, 1],
      ["tv.communication", "communication skills", true, 4],
      ["data.apache-kafka", "Apache Kafka", false, null],
      ["sw.redis", "Redis", false, null],
      ["cloud.aws", "AWS", false, null],
    ]);
  });

  it("gives offsets that slice the original text to the phrase", () => {
    expect(offsetsExact(SOFTWARE_JD, p)).toBe(true);
  });

  it("weighs required 2 and preferred 1", () => {
    const weights = Object.fromEntries(p.requirements.map((r) => [r.conceptId, r.weight]));
    expect([weights["sw.python"], weights["sw.redis"]]).toEqual([2, 1]);
  });

  it("lists skill-like list items that resolved to nothing, and ignores the benefits section", () => {
    expect(p.unresolved.map((u) => u.phrase)).toEqual(["Snorkel", "FooBarDB"]);
  });

  it("resolves the title to an occupation, and infers nothing from it: the posting names its skills", () => {
    expect(p.title).toBe("Senior Backend Engineer");
    expect(p.occupation?.id).toBe("occ.software-developer");
    expect(p.requirements.filter((r) => r.inferred)).toEqual([]);
  });
});

describe("a posting that names almost no skills", () => {
  const p = parse("Senior Backend Engineer\n\nJoin our platform team. Python is required.\n");

  it("fills in the title's occupation's essential skills, as preferred: what it did not write is never demanded", () => {
    expect(p.occupation?.id).toBe("occ.software-developer");
    const inferred = p.requirements.filter((r) => r.inferred);
    expect(inferred.map((r) => r.conceptId)).toEqual(
      expect.arrayContaining(["sw.git", "sw.sql", "sw.debugging", "sw.unit-testing"]),
    );
    expect(inferred.map((r) => r.conceptId)).not.toContain("sw.python");
    expect(inferred.every((r) => !r.required && r.weight === 1)).toBe(true);
    expect(inferred.every((r) => r.confidence === 0.5 && r.phrase === "Senior Backend Engineer")).toBe(true);
    expect(p.requirements.find((r) => r.conceptId === "sw.python")?.required).toBe(true);
  });
});

describe("a posting that asks for too much", () => {
  const skills = [
    "Python",
    "Java",
    "Go",
    "Rust",
    "SQL",
    "Docker",
    "Kubernetes",
    "Terraform",
    "Redis",
    "Git",
    "Linux",
    "AWS",
  ];
  const p = parse(`Platform Engineer\n\nRequirements:\n${skills.map((s) => `- ${s}`).join("\n")}\n`);

  it("keeps the ten surest required (Go and Rust are also words, so least sure) and says which it made preferred", () => {
    const required = p.requirements.filter((r) => r.required);
    expect(required).toHaveLength(10);
    expect(p.warnings).toEqual([
      {
        code: "too_many_required",
        message: expect.stringContaining("12 required skills"),
        demoted: ["sw.go", "sw.rust"],
      },
    ]);
  });
});

describe("nursing JD (HTML)", () => {
  const p = parse(NURSING_JD);

  it("reads headings and list items through the tags; duties are preferred, not demands", () => {
    expect(found(p)).toEqual([
      // named in the introduction, before any heading: preferred, not a hurdle
      ["hc.nursing.medical-surgical-nursing", "med-surg", false, null],
      ["hc.nursing.patient-assessment", "patient assessment", false, null],
      ["hc.epic", "Epic", false, null],
      ["hc.nursing.medication-administration", "Medication administration", false, null],
      ["hc.nursing.iv-therapy", "IV therapy", false, null],
      ["hc.rn", "RN license", true, null],
      ["hc.bls", "BLS", true, null],
      ["hc.acls", "ACLS", true, null],
      ["hc.nursing.wound-care", "Wound care", false, null],
      ["hc.phlebotomy", "phlebotomy", false, null],
    ]);
    expect(offsetsExact(NURSING_JD, p)).toBe(true);
  });

  it("trusts skills under a duties heading less than under a requirements heading", () => {
    const conf = Object.fromEntries(p.requirements.map((r) => [r.conceptId, r.confidence]));
    expect([conf["hc.nursing.patient-assessment"], conf["hc.bls"]]).toEqual([0.76, 0.95]);
  });

  it("takes the title from the <h1> and matches the occupation", () => {
    expect([p.title, p.occupation?.id]).toEqual([
      "Registered Nurse - Medical/Surgical Unit",
      "occ.registered-nurse",
    ]);
  });
});

describe("welding JD (plain text with colon headings)", () => {
  const p = parse(WELDING_JD);

  it("maps abbreviations and cue words to levels; 'a plus' and duties are preferred (MIG is also required below)", () => {
    expect(found(p)).toEqual([
      ["trades.welding.gmaw", "MIG", true, 3],
      ["trades.blueprint-reading", "Read blueprints", false, null],
      ["trades.welding.welding-symbols-interpretation", "welding symbols", false, null],
      ["trades.welding.smaw", "SMAW", true, 3],
      ["trades.welding.gtaw", "TIG welding", true, 5],
      ["trades.osha-10", "OSHA 10", true, null],
      ["trades.forklift-certification", "Forklift certification", false, null],
    ]);
    expect(offsetsExact(WELDING_JD, p)).toBe(true);
  });

  it("resolves the first line to the welder occupation", () => {
    expect([p.title, p.occupation?.id]).toEqual(["Structural Welder", "occ.welder"]);
  });
});

describe("customer service JD (bold headings)", () => {
  const p = parse(CUSTOMER_SERVICE_JD);

  it("finds soft skills and tools, basic → level 2; what you'll do and bonus sections preferred", () => {
    expect(found(p)).toEqual([
      ["sales.zendesk", "Zendesk", false, null],
      ["tv.communication", "communication skills", true, 4],
      ["tv.active-listening", "active listening", true, 4],
      ["biz.microsoft-excel", "Microsoft Excel", true, 2],
      ["tv.conflict-resolution", "Conflict resolution", true, null],
      ["tv.empathy", "empathy", true, null],
      ["biz.data-entry", "typing", true, null],
      ["tv.multilingual-communication", "Bilingual", false, null],
      ["lang.spanish", "Spanish", false, null],
    ]);
    expect(offsetsExact(CUSTOMER_SERVICE_JD, p)).toBe(true);
  });

  it("without an occupation list, infers nothing and leaves the occupation null", () => {
    const bare = parseJobDescription(CUSTOMER_SERVICE_JD, { taxonomy });
    expect([bare.occupation, bare.requirements.some((r) => r.inferred)]).toEqual([null, false]);
  });
});

describe("cues", () => {
  it("reads 'N+ years of X' on the years scale and 'nice to have' inline", () => {
    const p = parse("Data Analyst\n\n- 8+ years of SQL\n- Tableau is nice to have\n");
    expect(found(p)).toEqual([
      ["sw.sql", "SQL", true, 5],
      ["data.tableau", "Tableau", false, null],
    ]);
  });

  it.each([
    ["(PostgreSQL preferred)", "sw.postgresql"],
    ["(Redis is a plus)", "sw.redis"],
  ])(
    "reads a preference in brackets, %s, as speaking of what they name: the clause stays required",
    (aside, id) => {
      const p = parse(`Backend Engineer\n\nRequirements\n- Solid SQL ${aside}\n`);
      expect(found(p).map(([concept, , required]) => [concept, required])).toEqual([
        ["sw.sql", true],
        [id, false],
      ]);
    },
  );

  it("still reads a preference outside brackets as the whole clause's", () => {
    const p = parse("Backend Engineer\n\nRequirements\n- SQL and PostgreSQL preferred\n");
    expect(found(p).map(([, , required]) => required)).toEqual([false, false]);
  });

  it("leaves a lone lower-case ambiguous word alone", () => {
    const p = parse("Barista\n\nYou will go the extra mile for every guest.");
    expect(found(p)).toEqual([]);
  });
});

describe("a description's introduction", () => {
  const p = parse(`Senior Backend Engineer

We build the data platform behind our logistics products.

Requirements:
- Python`);

  it("names no domain or category from company prose, and nothing in it is required", () => {
    expect(found(p)).toEqual([["sw.python", "Python", true, null]]);
  });
});

describe("the ways a posting heads its demands", () => {
  it.each([
    "Requirements",
    "What we're looking for",
    "What we are looking for",
    "What you bring",
    "What you'll bring",
    "Your profile",
    "About you",
    "Who you are",
  ])("skills under “%s” are required; duties above them are not", (heading) => {
    const p = parse(`Data Engineer\n\nWhat you'll do\n- Run Kubernetes\n\n${heading}\n- Python\n- SQL\n`);
    expect(found(p).map(([id, , required]) => [id, required])).toEqual([
      ["cloud.kubernetes", false],
      ["sw.python", true],
      ["sw.sql", true],
    ]);
  });
});
