/**
 * `tsx benchmarks/quality/bench.ts <generate|quality|external> …`: the `ler-match bench` commands
 * on their own (same code as the CLI), for the npm scripts.
 */
import { Command } from "commander";
import { registerBenchCommands } from "../../src/cli/commands/bench.ts";

const program = new Command("bench-quality");
registerBenchCommands(program);
await program.parseAsync(["node", "bench-quality", "bench", ...process.argv.slice(2)]);
