/**
 * What a user waits for (npm run bench:api -- --people 2400 --duration 10 --connections 50).
 *
 * Per population: seeds the demo generator's people into a fresh SQLite file (the `demo` command),
 * starts the real server (`serve`, a child process: one core of JavaScript) on loopback and drives
 * it with autocannon from this process:
 *   - health: GET /health, the floor of the HTTP stack, in the same run
 *   - match:  POST /v1/match, five requirements (two required)
 *   - search: POST /v1/search, the same skills, required ones as exact filters
 *   - parse-jd: POST /v1/parse-jd, a demo job description
 * at --connections concurrent clients for --duration seconds each (requests/s, p50, p99, errors),
 * and once more with one client, whose p50 is set beside the engine's own in-process time for the
 * same match (engine.match on the same database, opened here): the difference is the API's overhead.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { DEMO_JOB_DESCRIPTIONS } from "../api/pages/demo-jds.ts";
import { openEngine } from "../src/engine/open.ts";
import { fmtMs, percentile } from "./lib/stats.ts";

const NOW = "2026-06-01";
const CLI = join(import.meta.dirname, "../src/cli/main.ts");
const TSX = join(import.meta.dirname, "../node_modules/tsx/dist/cli.mjs");

const { values } = parseArgs({
  options: {
    people: { type: "string", default: "2400" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    "engine-runs": { type: "string", default: "300" },
  },
});
const sizes = values.people.split(",").map(Number);
const duration = Number(values.duration);
const connections = Number(values.connections);
const engineRuns = Number(values["engine-runs"]);

const requirements = [
  { concept: "sw.python", minLevel: 3, required: true },
  { concept: "sw.sql", minLevel: 2, required: true },
  { concept: "cloud.docker" },
  { concept: "cloud.aws" },
  { concept: "sw.git" },
];
const jd = DEMO_JOB_DESCRIPTIONS[0]!.text;

interface Target {
  name: string;
  method: "GET" | "POST";
  path: string;
  body?: unknown;
}
const targets: Target[] = [
  { name: "health", method: "GET", path: "/health" },
  { name: "match", method: "POST", path: "/v1/match", body: { requirements } },
  { name: "search", method: "POST", path: "/v1/search", body: { requirements } },
  { name: "parse-jd", method: "POST", path: "/v1/parse-jd", body: { text: jd } },
];

interface Load {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  timeouts: number;
}

function cli(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [TSX, CLI, ...args], { env, stdio: ["ignore", "ignore", "pipe"] });
}

/** Starts `serve` on an ephemeral port and resolves with its URL once it listens. */
function startServer(db: string, env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const child = cli(["serve", "--db", db, "--port", "0"], env);
  return new Promise((resolve, reject) => {
    let seen = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const url = /serving (http:\/\/[^\s]+)/.exec(seen)?.[1];
      if (url) resolve({ url, child });
    });
    child.once("exit", (code) => reject(new Error(`serve exited (${code}) before listening:\n${seen}`)));
  });
}

async function drive(url: string, t: Target, clients: number, seconds: number): Promise<Load> {
  const result = await autocannon({
    url: url + t.path,
    method: t.method,
    connections: clients,
    duration: seconds,
    timeout: 10,
    headers: t.body ? { "content-type": "application/json" } : {},
    body: t.body ? JSON.stringify(t.body) : undefined,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
  };
}

/** engine.match on the same database, in this process: what the API adds is the rest. */
async function engineMatchMs(db: string): Promise<{ p50: number; p99: number }> {
  const engine = await openEngine({ db, backend: "embedded", now: NOW });
  try {
    const samples: number[] = [];
    for (let i = 0; i < engineRuns + 20; i++) {
      const start = performance.now();
      await engine.match({ requirements });
      if (i >= 20) samples.push(performance.now() - start);
    }
    return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
  } finally {
    await engine.close();
  }
}

const row = (cells: (string | number)[], widths: number[]) =>
  cells.map((c, i) => String(c).padStart(widths[i] ?? 10)).join(" ");

for (const people of sizes) {
  const dir = mkdtempSync(join(tmpdir(), "ler-bench-api-"));
  const db = join(dir, "bench.db");
  const env = { ...process.env, LER_MATCH_NOW: NOW, LER_MATCH_DB: db };
  try {
    const seedStart = performance.now();
    const seeded = spawnSync(
      process.execPath,
      [TSX, CLI, "demo", "--no-serve", "--db", db, "--people", String(people)],
      {
        env,
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    if (seeded.status !== 0) throw new Error(`seeding ${people} people failed`);
    console.log(`\n${people} people seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    const own = await engineMatchMs(db);
    const { url, child } = await startServer(db, env);
    try {
      const widths = [10, 8, 10, 10, 10, 9, 9];
      console.log(`${connections} concurrent clients, ${duration} s each (server: one Node process)`);
      console.log(row(["endpoint", "clients", "req/s", "p50 ms", "p99 ms", "requests", "failed"], widths));
      for (const t of targets) {
        const load = await drive(url, t, connections, duration);
        const failed = load.errors + load.non2xx + load.timeouts;
        console.log(row([t.name, connections, load.rps.toFixed(0), load.p50, load.p99, load.requests, failed], widths));
      }
      const single = await drive(url, targets[1]!, 1, Math.max(3, Math.ceil(duration / 2)));
      console.log(
        `\nmatch, one client: API p50 ${single.p50} ms (autocannon reports whole ms), p99 ${single.p99} ms, ` +
          `${single.rps.toFixed(0)} req/s; engine.match in-process p50 ${fmtMs(own.p50)} ms, ` +
          `p99 ${fmtMs(own.p99)} ms; API overhead at p50 ≈ ${fmtMs(single.p50 - own.p50)} ms`,
      );
    } finally {
      child.kill("SIGTERM");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
