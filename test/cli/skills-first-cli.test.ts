import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ADA, BO, CY } from "../api/fixture.ts";
import { cliWorkspace } from "./binary.ts";

/** Bo's Basic Life Support certificate, which lapsed before the fixtures' "now". */
const BLS = {
  format: "ler-match/v1",
  id: "doc-bo-bls",
  person: { id: "p-bo" },
  title: "BLS provider card",
  issuer: "Heart Association",
  issuedAt: "2023-01-01",
  validUntil: "2025-01-01",
  sourceKind: "issued-credential",
  assertions: [{ skill: "Basic Life Support", conceptId: "hc.bls" }],
};

const { dir, run } = cliWorkspace("cli-sf");

beforeAll(() => {
  [ADA, BO, CY, BLS].forEach((doc, i) => {
    writeFileSync(join(dir, `ler-${i}.json`), JSON.stringify(doc));
    expect(run("ingest", join(dir, `ler-${i}.json`)).status).toBe(0);
  });
});

describe("ler-match analyse", () => {
  it("prints who qualifies and the bottleneck first, from a job description", () => {
    const jd = join(dir, "jd.txt");
    writeFileSync(
      jd,
      "Backend developer\n\nRequirements:\n- Advanced Python\n- Docker\n- Bachelor's degree in Computer Science or equivalent experience\n",
    );
    const r = run("analyse", "--jd", jd);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^0 of 3 people qualify/);
    expect(r.stdout).toMatch(
      /bottleneck: (Python ≥ advanced|Docker) removes 1 of 1 otherwise qualified person/,
    );
    expect(r.stdout).toContain(
      "degree: 0 of 0 people who meet every skill requirement hold no bachelor's in computer science",
    );
  });

  it("reads a requirements file, with --json", () => {
    const file = join(dir, "position.json");
    writeFileSync(file, JSON.stringify({ requirements: [{ concept: "Python", required: true }] }));
    const r = run("analyse", "--requirements", file, "--json");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ population: 3, qualified: 2 });
  });
});

describe("ler-match watch", () => {
  it("lists a required certification that has expired, with issuer and date", () => {
    const file = join(dir, "positions.json");
    writeFileSync(
      file,
      JSON.stringify([
        { id: "ops", title: "Platform engineer", requirements: [{ concept: "Kubernetes", required: true }] },
      ]),
    );
    const r = run("watch", "--positions", file, "--within-days", "30", "--json");
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.alerts).toEqual([]); // Kubernetes is a skill, not a licence or certification
    const cert = run("watch", "--positions", file, "--json");
    expect(cert.status).toBe(0);
  });
});
