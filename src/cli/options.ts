/** Options every command shares, and the engine they open. */
import type { Command } from "commander";
import { openEngine } from "../engine/open.ts";
import type { Engine } from "../engine/types.ts";

export interface CommonOptions {
  db?: string;
  json?: boolean;
  backend?: "embedded" | "elasticsearch";
}

export function withCommon(cmd: Command): Command {
  return cmd
    .option("--db <file>", "SQLite database file (default: $LER_MATCH_DB or ler-match.db)")
    .option(
      "--backend <name>",
      "search backend: embedded or elasticsearch (default: $LER_MATCH_BACKEND or embedded)",
    )
    .option("--json", "machine-readable JSON output");
}

export function openFromOptions(o: CommonOptions): Promise<Engine> {
  return openEngine({ db: o.db, backend: o.backend });
}

/** Runs a command body with an engine, closing it whatever happens. */
export async function withEngine<T>(o: CommonOptions, body: (engine: Engine) => Promise<T>): Promise<T> {
  const engine = await openFromOptions(o);
  try {
    return await body(engine);
  } finally {
    await engine.close();
  }
}
