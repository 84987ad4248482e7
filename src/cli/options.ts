/** Options every command shares, and the engine they open. */
import type { Command } from "commander";
import { DEFAULT_ORG, OrgName } from "../domain/access.ts";
import { fromZod } from "../domain/errors.ts";
import { openEngine } from "../engine/open.ts";
import type { Engine } from "../engine/types.ts";

export interface CommonOptions {
  db?: string;
  org?: string;
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
    .option("--org <org>", `the organisation to act for (default: "${DEFAULT_ORG}")`)
    .option("--json", "machine-readable JSON output");
}

export function openFromOptions(o: CommonOptions): Promise<Engine> {
  return openEngine({ db: o.db, backend: o.backend });
}

/** The organisation a command acts for: --org, else the default one. */
export function orgOf(o: CommonOptions): string {
  const parsed = OrgName.safeParse(o.org ?? DEFAULT_ORG);
  if (!parsed.success) throw fromZod(parsed.error, "--org");
  return parsed.data;
}

/** Runs a command body with the engine of --org's organisation, closing it whatever happens. */
export async function withEngine<T>(o: CommonOptions, body: (engine: Engine) => Promise<T>): Promise<T> {
  const org = orgOf(o);
  const engine = await openFromOptions(o);
  try {
    return await body(engine.forOrg(org));
  } finally {
    await engine.close();
  }
}
