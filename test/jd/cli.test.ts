import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterEach, describe, expect, it, vi } from "vitest";
import { registerExtractCommands } from "../../src/cli/commands/extract.ts";
import { WELDING_JD } from "./fixtures.ts";

const NO_DB = join(tmpdir(), "ler-match-no-such.db");

async function run(args: string[]): Promise<string> {
  const out: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  const program = new Command("ler-match").exitOverride();
  registerExtractCommands(program);
  await program.parseAsync(args, { from: "user" });
  return out.join("");
}

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe("parse-jd", () => {
  it("prints the parse as JSON with the starter taxonomy when the database does not exist", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "jd-")), "welder.txt");
    writeFileSync(file, WELDING_JD);
    const parse = JSON.parse(await run(["parse-jd", file, "--json", "--db", NO_DB]));
    expect([parse.title, parse.occupation.id]).toEqual(["Structural Welder", "occ.welder"]);
    expect(
      parse.requirements.find((r: { conceptId: string }) => r.conceptId === "trades.welding.gtaw"),
    ).toMatchObject({ phrase: "TIG welding", required: true, minLevel: 5 });
  });

  it("exits 2 for a file that does not exist", async () => {
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    await run(["parse-jd", "/no/such/jd.txt", "--db", NO_DB]);
    expect(process.exitCode).toBe(2);
  });
});
