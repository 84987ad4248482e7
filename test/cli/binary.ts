/** The real ler-match binary, run as a user would, on a given database. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
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
