import type { Command } from "commander";
import { reportError } from "../exit.ts";
import { type CommonOptions, withCommon, withEngine } from "../options.ts";

export function registerReindexCommand(program: Command): void {
  withCommon(
    program
      .command("reindex")
      .description("rebuild the search index from the store (no downtime on Elasticsearch)"),
  ).action(async (o: CommonOptions) => {
    try {
      const result = await withEngine(o, (engine) => engine.reindex());
      process.stdout.write(
        o.json
          ? `${JSON.stringify(result)}\n`
          : `reindexed ${result.candidates} candidates into ${result.backend}\n`,
      );
    } catch (e) {
      reportError(e, !!o.json);
    }
  });
}
