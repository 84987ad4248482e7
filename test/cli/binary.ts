/** The real ler-match binary, run as a user would, on a given database. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { NOW } from "../api/fixture.ts";

export const BIN = join(import.meta.dirname, "../../bin/ler-match.js");

/**
 * Runs `ler-match ARGS --db DB` on the embedded backend. The fixtures are dated: the binary reads
 * them as of the fixtures' own "now" (`LER_MATCH_NOW`), whatever today is.
 */
export const runCli = (db: string, args: readonly string[], now: string = new Date(NOW).toISOString()) =>
  spawnSync(process.execPath, [BIN, ...args, "--db", db], {
    encoding: "utf8",
    env: { ...process.env, LER_MATCH_BACKEND: "embedded", LER_MATCH_NOW: now },
  });

/**
 * A temporary folder of the test file's own, holding its database (`db`), removed after its tests;
 * `run` is `runCli` on that database.
 */
export function cliWorkspace(name: string, now?: string) {
  const dir = mkdtempSync(join(tmpdir(), `ler-match-${name}-`));
  const db = join(dir, `${name}.db`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return { dir, db, run: (...args: string[]) => runCli(db, args, now) };
}
