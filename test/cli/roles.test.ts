import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { csvRecords } from "../../indexer/formats/csv-split.ts";
import { ADA, BO, CY } from "../api/fixture.ts";
import { cliWorkspace } from "./binary.ts";

const { dir, run } = cliWorkspace("roles");

beforeAll(() => {
  mkdirSync(join(dir, "lers"));
  for (const doc of [ADA, BO, CY]) writeFileSync(join(dir, "lers", `${doc.id}.json`), JSON.stringify(doc));
  expect(run("ingest", join(dir, "lers")).status).toBe(0);
  expect(
    run("positions", "save", "--id", "py", "--name", "Python developer", "python:3!", "docker").status,
  ).toBe(0);
});

describe("ler-match roles", () => {
  it("lists the roles that fit a person with what closing each gap adds", () => {
    const r = run("roles", "--person", "p-bo", "--limit", "20");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Python developer");
    expect(r.stdout).toMatch(/has Python at working; Python would add \d+ points/);
  });

  it("answers JSON with --json, and exits non-zero for an unknown person", () => {
    const page = JSON.parse(run("roles", "--person", "p-ada", "--limit", "2", "--json").stdout);
    expect(page.roles).toHaveLength(2);
    const unknown = run("roles", "--person", "nobody", "--json");
    expect(unknown.status).not.toBe(0);
    expect(JSON.parse(unknown.stdout).error.code).toBe("not_found");
  });
});

describe("ler-match gaps", () => {
  it("prints the team's gap as a table and writes the same rows as CSV", () => {
    const csv = join(dir, "gap.csv");
    const r = run("gaps", "--position", "py", "--csv", csv);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Python developer: 3 people");
    const [header, python] = csvRecords(readFileSync(csv, "utf8"));
    expect(header?.cells.slice(0, 5)).toEqual(["requirement", "min", "meet", "partly", "lack"]);
    expect(python?.cells.slice(0, 5)).toEqual(["Python (required)", "practitioner", "1", "1", "1"]);
  });

  it("takes a team by ids and a target as skills, and refuses two targets", () => {
    const gap = JSON.parse(run("gaps", "docker", "--people", "p-bo,p-cy", "--json").stdout);
    expect(gap.people).toBe(2);
    expect(gap.requirements[0]).toMatchObject({ label: "Docker", meet: 1, lack: 1 });
    expect(run("gaps", "docker", "--position", "py").status).toBe(2);
  });
});

describe("ler-match positions", () => {
  it("lists and deletes saved positions", () => {
    expect(run("positions", "list").stdout).toContain("Python developer");
    expect(run("positions", "delete", "py").status).toBe(0);
    expect(run("positions", "list", "--json").stdout.trim()).toBe("[]");
  });
});
