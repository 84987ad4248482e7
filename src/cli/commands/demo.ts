import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Command } from "commander";
import { isoDay } from "../../domain/clock.ts";
import { openEngine } from "../../engine/open.ts";
import type { Engine } from "../../engine/types.ts";
import { demoPositions, generateDemoDocuments } from "../../generate/demo.ts";
import { GENERATOR_ATTESTATION } from "../../generate/population.ts";
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
        if (!o.serve) return await engine.close();
        announceDemoKey(createDemoKey(engine));
        await startServer({ ...o, db }, engine);
      } catch (e) {
        reportError(e, !!o.json);
      }
    });
}

const DEMO_KEY = "demo-admin";

/**
 * The demo's way in: a fresh local admin key each start (the previous one revoked), printed once,
 * so `npm start` is still all it takes and no key outlives the run that showed it.
 */
export function createDemoKey(engine: Engine): string {
  const live = engine.access.listKeys().some((k) => k.name === DEMO_KEY && k.revokedAt === null);
  if (live) engine.access.revokeKey(DEMO_KEY);
  return engine.access.createKey({ name: DEMO_KEY, scopes: ["admin"] }).token;
}

function announceDemoKey(token: string): void {
  process.stderr.write(
    `ler-match: demo admin key (shown once, replaced on every start):\n\n    ${token}\n\n` +
      "ler-match: paste it at /signin for the pages; send it as `Authorization: Bearer <key>` to /v1\n",
  );
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
    const inputs = batch.map(([i, content]) => ({ name: `demo[${i}]`, content }));
    // the generator is the upstream verifier of its own synthetic credentials
    const report = await engine.ingest(inputs, { attestedBy: GENERATOR_ATTESTATION });
    failed += report.totals.failed;
  }
  if (failed) process.stderr.write(`ler-match: ${failed} demo documents were rejected\n`);
  for (const position of demoPositions()) await engine.createPosition(position);
}
