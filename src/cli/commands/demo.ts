import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Command } from "commander";
import { isoDay } from "../../domain/clock.ts";
import { openEngine } from "../../engine/open.ts";
import type { Engine } from "../../engine/types.ts";
import { demoPositions, generateDemoDocuments } from "../../generate/demo.ts";
import { reportError } from "../exit.ts";
import { batches } from "../files.ts";
import { withCommon } from "../options.ts";
import { type ServeOptions, startServer } from "./serve.ts";

interface DemoOptions extends ServeOptions {
  people: string;
  seed: string;
  serve: boolean;
}

export const DEMO_DB = ".data/demo.db";

export function registerDemoCommand(program: Command): void {
  withCommon(program.command("demo").description("ingest the seeded demo population (once) and serve it"))
    .option("--people <n>", "people in the demo population", "2400")
    .option("--seed <n>", "generator seed", "42")
    .option("--port <port>", "port (default: $LER_MATCH_PORT or 8787)")
    .option("--host <host>", "interface (default: 127.0.0.1)")
    .option("--no-serve", "ingest only")
    .action(async (o: DemoOptions) => {
      try {
        const db = o.db ?? process.env.LER_MATCH_DB ?? DEMO_DB;
        mkdirSync(dirname(db), { recursive: true });
        const engine = await openEngine({ db, backend: o.backend });
        await seedDemo(engine, Number(o.people), Number(o.seed));
        if (o.serve) await startServer({ ...o, db }, engine);
        else await engine.close();
      } catch (e) {
        reportError(e, !!o.json);
      }
    });
}

/** Ingests the demo population unless the database already holds people. */
export async function seedDemo(engine: Engine, people: number, seed: number): Promise<void> {
  const { candidates } = await engine.health();
  if (candidates > 0) {
    process.stderr.write(`ler-match: demo database already holds ${candidates} candidates\n`);
    return;
  }
  // Generated as of the engine's "now", so the demo reads the same whatever day it is served.
  const documents = generateDemoDocuments(seed, people, isoDay(engine.now()));
  process.stderr.write(`ler-match: ingesting ${documents.length} demo documents for ${people} people…\n`);
  let failed = 0;
  for (const batch of batches(documents.entries(), 500)) {
    const report = await engine.ingest(batch.map(([i, content]) => ({ name: `demo[${i}]`, content })));
    failed += report.totals.failed;
  }
  if (failed) process.stderr.write(`ler-match: ${failed} demo documents were rejected\n`);
  for (const position of demoPositions()) await engine.createPosition(position);
}
