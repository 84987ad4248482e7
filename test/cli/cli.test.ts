/** The real binary, run as a user would: files into a temporary database, then a match. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ADA, BO, CY } from "../api/fixture.ts";
import { BIN, cliWorkspace } from "./binary.ts";

const { dir, run } = cliWorkspace("cli");

beforeAll(() => {
  mkdirSync(join(dir, "lers/nested"), { recursive: true });
  writeFileSync(join(dir, "lers/ada.json"), JSON.stringify(ADA));
  writeFileSync(join(dir, "lers/nested/bo.json"), JSON.stringify(BO));
  writeFileSync(join(dir, "lers/nested/cy.json"), JSON.stringify(CY));
  writeFileSync(join(dir, "lers/broken.json"), "{ this is not json");
});

describe("ler-match CLI", () => {
  it("ingests a folder, stores the good files, reports the bad one and exits 1", () => {
    const r = run("ingest", join(dir, "lers"), "--json");
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.totals).toMatchObject({ documents: 4, stored: 3, failed: 1 });
    const failed = report.documents.find((d: { status: string }) => d.status === "failed");
    expect(failed.name).toBe(join(dir, "lers/broken.json"));
    expect(failed.error.code).toBe("invalid_json");
  });

  it("re-ingesting the good files changes nothing and exits 0", () => {
    const r = run("ingest", join(dir, "lers/ada.json"), "--json");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).documents[0].status).toBe("unchanged");
  });

  it("matches from a skills list", () => {
    const r = run("match", "sw.python:practitioner!", "--json");
    expect(r.status).toBe(0);
    const page = JSON.parse(r.stdout);
    expect(page.results.map((x: { candidateId: string }) => x.candidateId)).toEqual(["p-ada"]);
  });

  it("matches from a position file and prints a table", () => {
    const position = join(dir, "position.json");
    writeFileSync(position, JSON.stringify({ requirements: [{ concept: "JavaScript", minLevel: 4 }] }));
    const r = run("match", "--position", position);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Cy Young");
  });

  it("searches with exact filters", () => {
    const r = run("search", "python:2!", "--json");
    expect(JSON.parse(r.stdout).results.map((x: { candidateId: string }) => x.candidateId)).toEqual([
      "p-ada",
      "p-bo",
    ]);
  });

  it("exits 2 on a usage error", () => {
    expect(run("match", "python:wizard").status).toBe(2);
    expect(spawnSync(process.execPath, [BIN, "no-such-command"], { encoding: "utf8" }).status).toBe(2);
  });

  it("prints help", () => {
    expect(execFileSync(process.execPath, [BIN, "--help"], { encoding: "utf8" })).toContain("ingest");
  });
});
