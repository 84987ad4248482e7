/**
 * The ler-match command line. Exit codes: 0 ok · 1 some input was rejected (the rest was stored)
 * · 2 usage error · 3 runtime failure (database, index).
 */
import { Command, CommanderError } from "commander";
import { registerAccessCommands } from "./commands/access.ts";
import { registerAnalyseCommand } from "./commands/analyse.ts";
import { registerBenchCommands } from "./commands/bench.ts";
import { registerDemoCommand } from "./commands/demo.ts";
import { registerExtractCommands } from "./commands/extract.ts";
import { registerIngestCommand } from "./commands/ingest.ts";
import { registerMatchCommands } from "./commands/match.ts";
import { registerReindexCommand } from "./commands/reindex.ts";
import { registerRoleCommands } from "./commands/roles.ts";
import { registerServeCommand } from "./commands/serve.ts";
import { registerTaxonomyCommands } from "./commands/taxonomy.ts";
import { registerTrustCommands } from "./commands/trust.ts";
import { registerWatchCommand } from "./commands/watch.ts";
import { EXIT } from "./exit.ts";

export function buildProgram(): Command {
  const program = new Command("ler-match")
    .description("Skills matching and proficiency search over Learning and Employment Records")
    .exitOverride()
    .showHelpAfterError();
  for (const register of [
    registerServeCommand,
    registerDemoCommand,
    registerIngestCommand,
    registerMatchCommands,
    registerRoleCommands,
    registerAnalyseCommand,
    registerWatchCommand,
    registerReindexCommand,
    registerTaxonomyCommands,
    registerBenchCommands,
    registerExtractCommands,
    registerTrustCommands,
    registerAccessCommands,
  ])
    register(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    throw e;
  }
}
