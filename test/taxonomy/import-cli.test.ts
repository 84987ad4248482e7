/** `taxonomy import` / `taxonomy stats` run in-process on a temporary database. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { registerTaxonomyCommands } from "../../src/cli/commands/taxonomy.ts";

const dir = mkdtempSync(join(tmpdir(), "ler-taxonomy-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

async function run(...args: string[]): Promise<{ stdout: string; exitCode: number }> {
  const program = new Command("ler-match").exitOverride();
  registerTaxonomyCommands(program);
  let stdout = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  await program.parseAsync(["node", "ler-match", "taxonomy", ...args]);
  vi.restoreAllMocks();
  return { stdout, exitCode: Number(process.exitCode ?? 0) };
}

describe("taxonomy CLI", () => {
  it("imports a folder of CASE frameworks, one source each, and reports their counts", async () => {
    const db = join(dir, "case.db");
    const r = await run("import", "case", "../shared/data/ler-samples/case", "--db", db, "--json");
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.rejected).toEqual([]);
    expect(out.imports.map((i: { source: string; concepts: number }) => [i.source, i.concepts])).toEqual([
      ["case:what-standards-could-be", 16],
      ["case:act-holistic-framework-math", 28],
      ["case:smartlevel-test", 14],
    ]);
    const stats = JSON.parse((await run("stats", "--db", db, "--json")).stdout);
    expect(stats.sources.filter((s: { source: string }) => s.source.startsWith("case:"))).toHaveLength(3);
    expect(stats.merged.concepts).toBe(
      stats.sources.reduce((n: number, s: { concepts: number }) => n + s.concepts, 0),
    );
  });

  it("rejects files that are not CASE packages and exits 1", async () => {
    const r = await run(
      "import",
      "case",
      "../shared/data/ler-samples/ob3",
      "--db",
      join(dir, "ob3.db"),
      "--json",
    );
    expect(r.exitCode).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.imports).toEqual([]);
    expect(out.rejected[0].error.code).toBe("parse_failed");
  });

  it("exits 2, storing nothing, when a labelled-title file is missing", async () => {
    const db = join(dir, "titles.db");
    const r = await run(
      "import",
      "esco",
      "../shared/data/esco-v1.1.1",
      "--titles",
      join(dir, "missing.csv"),
      "--db",
      db,
      "--json",
    );
    expect(r.exitCode).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe("invalid_input");
    expect((await run("stats", "--db", db, "--json")).stdout).not.toContain('"esco"');
  });

  it("exits 2 when the folder is not an ESCO download", async () => {
    const r = await run("import", "esco", join(dir, "nowhere"), "--db", join(dir, "x.db"), "--json");
    expect(r.exitCode).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe("invalid_input");
  });
});
