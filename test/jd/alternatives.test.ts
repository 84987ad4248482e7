/**
 * "Experience with Apache Spark or Kafka" is one requirement met by either, not two demands: a
 * hiring manager would reject a parse that disqualifies everyone without both. "X and Y" stays two.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolvedFromJd } from "../../src/engine/requirements.ts";
import { alternativeGroups } from "../../taxonomy/jd/alternatives.ts";
import { parseJobDescription } from "../../taxonomy/jd/index.ts";
import type { JdRequirement } from "../../taxonomy/jd/types.ts";
import { loadStarterTaxonomy } from "../../taxonomy/starter.ts";

const taxonomy = loadStarterTaxonomy();
const parse = (text: string) => parseJobDescription(text, { taxonomy });
const conceptsOf = (r: JdRequirement) => [r.conceptId, ...(r.alternatives ?? []).map((a) => a.conceptId)];
const requirementsOf = (text: string) => parse(text).requirements.map(conceptsOf);

/** Skills whose labels the starter taxonomy reads back as themselves, and none of them "or"/"and". */
const SKILLS = [
  ["sw.python", "Python"],
  ["sw.java", "Java"],
  ["data.apache-spark", "Apache Spark"],
  ["data.apache-kafka", "Apache Kafka"],
  ["data.apache-flink", "Apache Flink"],
  ["sw.postgresql", "PostgreSQL"],
  ["cloud.docker", "Docker"],
  ["cloud.kubernetes", "Kubernetes"],
  ["cloud.terraform", "Terraform"],
  ["sw.redis", "Redis"],
  ["data.dbt", "dbt"],
  ["sw.typescript", "TypeScript"],
] as const;

const skills = fc.uniqueArray(fc.constantFrom(...SKILLS), {
  minLength: 2,
  maxLength: 4,
  selector: ([id]) => id,
});
const lead = fc.constantFrom("", "Experience with ", "Strong ", "Hands-on experience in ");

/** The ways a posting writes "any one of these". */
const anyOf = fc.constantFrom(
  (ls: string[]) => ls.join(" or "),
  (ls: string[]) => ls.join("/"),
  (ls: string[]) => ls.join(" / "),
  (ls: string[]) => `${ls.slice(0, -1).join(", ")} or ${ls.at(-1)}`,
  (ls: string[]) => `${ls.slice(0, -1).join(", ")}, or ${ls.at(-1)}`,
  (ls: string[]) => `one of ${ls.join(", ")}`,
  (ls: string[]) => `one of ${ls.slice(0, -1).join(", ")} and ${ls.at(-1)}`,
  (ls: string[]) => `a tool such as ${ls.slice(0, -1).join(", ")} or ${ls.at(-1)}`,
);

/** The ways a posting writes "all of these". */
const allOf = fc.constantFrom(
  (ls: string[]) => ls.join(" and "),
  (ls: string[]) => `${ls.slice(0, -1).join(", ")} and ${ls.at(-1)}`,
  (ls: string[]) => ls.join(", "),
  (ls: string[]) => ls.join(" & "),
);

describe("alternatives in a pasted job description", () => {
  it("reads every way of writing 'any one of' as one requirement met by any of them", () => {
    fc.assert(
      fc.property(skills, lead, anyOf, (named, before, join) => {
        const text = `Requirements:\n- ${before}${join(named.map(([, label]) => label))}\n`;
        const p = parse(text);
        expect(p.requirements.map(conceptsOf)).toEqual([named.map(([id]) => id)]);
        expect(p.requirements[0]?.required).toBe(true);
        expect(p.unresolved).toEqual([]);
        for (const alt of p.requirements[0]?.alternatives ?? [])
          expect(text.slice(alt.start, alt.end)).toBe(alt.phrase);
      }),
    );
  });

  it("reads 'and', '&' and a plain comma list as one requirement each", () => {
    fc.assert(
      fc.property(skills, lead, allOf, (named, before, join) => {
        const text = `Requirements:\n- ${before}${join(named.map(([, label]) => label))}\n`;
        expect(requirementsOf(text)).toEqual(named.map(([id]) => [id]));
      }),
    );
  });

  it("joins only the names an 'or' joins: 'Python, SQL, and Spark or Kafka' is three", () => {
    expect(requirementsOf("Requirements:\n- Python, Java, and Apache Spark or Kafka\n")).toEqual([
      ["sw.python"],
      ["sw.java"],
      ["data.apache-spark", "data.apache-kafka"],
    ]);
  });

  it("reads 'Experience with Apache Spark or Kafka' as one required any-of, labelled with both", () => {
    const p = parse("Data Engineer\n\nRequirements:\n- Experience with Apache Spark or Kafka\n");
    expect(p.requirements.map(conceptsOf)).toEqual([["data.apache-spark", "data.apache-kafka"]]);
    const [position] = resolvedFromJd(p).requirements;
    expect(position).toMatchObject({
      conceptId: "data.apache-spark",
      alternatives: ["data.apache-kafka"],
      label: "Apache Spark or Apache Kafka",
      required: true,
    });
  });

  it("takes a category with its examples as one requirement: 'cloud platforms (e.g. AWS, GCP)'", () => {
    const [only, ...rest] = parse(
      "Requirements:\n- Experience with cloud platforms (e.g. AWS, GCP)\n",
    ).requirements;
    expect(rest).toEqual([]);
    expect(only?.alternatives?.map((a) => a.label)).toEqual(["Amazon Web Services", "Google Cloud Platform"]);
  });

  it("keeps a name written with a slash whole: CI/CD, TCP/IP", () => {
    const labels = parse("Requirements:\n- CI/CD pipelines\n- TCP/IP networking\n").requirements.map((r) => [
      r.label,
      r.alternatives?.length ?? 0,
    ]);
    expect(labels.map(([, n]) => n)).toEqual(labels.map(() => 0));
    expect(labels.map(([label]) => label)).toContain("TCP/IP");
  });

  it("does not join across a word it does not know: 'Spark, FooDB or Kafka'", () => {
    const p = parse("Requirements:\n- Apache Spark, FooDB or Apache Kafka\n");
    expect(p.requirements.map(conceptsOf)).toEqual([["data.apache-spark"], ["data.apache-kafka"]]);
    expect(p.unresolved.map((u) => u.phrase)).toEqual(["FooDB"]);
  });

  it("keeps 'Spark' and 'Spark or Kafka' apart: the first asks more", () => {
    expect(requirementsOf("Requirements:\n- Apache Spark\n- Apache Spark or Apache Kafka\n")).toEqual([
      ["data.apache-spark"],
      ["data.apache-spark", "data.apache-kafka"],
    ]);
  });

  it("reports 'or similar', 'or a similar orchestrator' and 'or equivalent' as no unresolved skill", () => {
    const p = parse(
      "Requirements:\n- Apache Airflow or a similar orchestrator\n- Docker or similar\n- Terraform or equivalent\n- Redis, or comparable tools\n",
    );
    expect(p.unresolved).toEqual([]);
    expect(p.requirements.map(conceptsOf)).toEqual([
      ["data.apache-airflow"],
      ["cloud.docker"],
      ["cloud.terraform"],
      ["sw.redis"],
    ]);
  });

  it("asks an any-of at the highest level its names are asked at", () => {
    const [r] = parse("Requirements:\n- Strong Python or Java\n").requirements;
    expect(r?.minLevel).toBe(4);
  });
});

describe("alternativeGroups", () => {
  const spansOf = (text: string, names: string[]) => {
    let from = 0;
    return names.map((n) => {
      const start = text.indexOf(n, from);
      from = start + n.length;
      return { start, end: from };
    });
  };

  it.each([
    ["A or B", ["A", "B"], [[0, 1]]],
    ["A and B", ["A", "B"], [[0], [1]]],
    ["A, B or C and D", ["A", "B", "C", "D"], [[0, 1, 2], [3]]],
    ["A and/or B", ["A", "B"], [[0, 1]]],
    ["either A or B", ["A", "B"], [[0, 1]]],
    ["any of A, B and C", ["A", "B", "C"], [[0, 1, 2]]],
    ["cats such as A and B, plus C", ["cats", "A", "B", "C"], [[0, 1, 2], [3]]],
    ["A with B or C", ["A", "B", "C"], [[0], [1, 2]]],
  ])("%s", (text, names, groups) => {
    expect(alternativeGroups(text, spansOf(text, names))).toEqual(groups);
  });
});
