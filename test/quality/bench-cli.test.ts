import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { registerBenchCommands } from "../../src/cli/commands/bench.ts";
import { readDataset } from "../../src/quality/dataset.ts";

const dir = mkdtempSync(join(tmpdir(), "bench-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function bench(...args: string[]): Promise<{ out: string; err: string }> {
  let out = "";
  let err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    err += String(s);
    return true;
  });
  const program = new Command("ler-match").exitOverride();
  registerBenchCommands(program);
  await program.parseAsync(["node", "ler-match", "bench", ...args]);
  return { out, err };
}

describe("ler-match bench", () => {
  it("generate writes a dataset that loads cleanly", async () => {
    const out = join(dir, "set");
    const { out: printed } = await bench(
      "generate",
      "--out",
      out,
      "--people",
      "40",
      "--positions",
      "3",
      "--seed",
      "2",
      "--json",
    );
    expect(JSON.parse(printed)).toMatchObject({ out, positions: 3 });
    expect(readDataset(out).issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(process.exitCode ?? 0).toBe(0);
  });

  it("quality refuses a dataset with problems, naming each, with exit code 1", async () => {
    const out = join(dir, "bad");
    await bench("generate", "--out", out, "--people", "10", "--positions", "2", "--seed", "2");
    writeFileSync(join(out, "qrels"), "pos999 0 p000001 1\n");
    const { err } = await bench("quality", "--dataset", out, "--out", join(dir, "bad-out"));
    expect(err).toContain("error unknown_position qrels:1");
    expect(process.exitCode).toBe(1);
  });

  it("rejects a non-numeric size as a usage error", async () => {
    await bench("generate", "--out", join(dir, "x"), "--people", "many");
    expect(process.exitCode).toBe(2);
  });
});
