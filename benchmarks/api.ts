/**
 * What a user waits for (npm run bench:api -- --people 2400 --duration 10 --connections 50).
 *
 * Per population: seeds the demo generator's people into a fresh SQLite file (the `demo` command),
 * starts the real server (`serve`, a child process: one core of JavaScript) on loopback and drives
 * it with autocannon from this process:
 *   - health: GET /health, the floor of the HTTP stack, in the same run
 *   - match:  POST /v1/match, five requirements (two required), explained in full (the default)
 *   - match-summary, match-none: the same match with options.explain "summary" and "none"
 *   - search: POST /v1/search, the same skills, required ones as exact filters
 *   - parse-jd: POST /v1/parse-jd, a demo job description
 * at --connections concurrent clients for --duration seconds each (requests/s, p50, p99, errors),
 * each after --warmup requests (300) of the same load that are not counted,
 * and the three match targets once more with one client, whose p50 is set beside the engine's own
 * in-process time for the same call on the same database, opened here (engine.match for the full
 * and summarised answers, which are views of its page; engine.ranking for the unexplained one):
 * the difference is the API's overhead.
 *
 * Every /v1 route needs a key: one with the "match" scope is created in the seeded database, and the
 * server runs with a per-key rate limit high enough never to answer 429 (the load is one key's). A
 * target that does not answer 200 before its run stops the benchmark: a run of refusals measures
 * nothing.
 *
 * The machine is shared, so wall times drift with its load; the server's own CPU time per request
 * (from /proc, over the whole run) does much less, and 1000 / (CPU ms per request) is the
 * requests/s one core would serve. The engine's CPU time per match is measured the same way.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { DEMO_JOB_DESCRIPTIONS } from "../api/pages/demo-jds.ts";
import { openEngine } from "../src/engine/open.ts";
import { benchArgs } from "./lib/args.ts";
import { fmtMs, percentile } from "./lib/stats.ts";

const NOW = "2026-06-01";
const CLI = join(import.meta.dirname, "../src/cli/main.ts");
/** tsx as a loader in this very process, so the pid is the server's own (CPU time is read from it) */
const NODE_ARGS = ["--import", "tsx", CLI];

// --db: a database the demo already seeded, used instead of seeding one (one population);
// --skip: targets left out, e.g. health (at 100k people its counts cost 140 ms of CPU each);
// --warmup: requests of the same load before each measured run, not counted
const args = benchArgs(
  { duration: 10, connections: 50, "engine-runs": 300, warmup: 300 },
  { people: "2400", db: "", skip: "" },
);
const sizes = args.people.split(",").map(Number);
const { duration, connections, warmup } = args;
const engineRuns = args["engine-runs"];
const seededDb = args.db || undefined;
const skipped = new Set(args.skip.split(",").filter(Boolean));

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
  ...(["summary", "none"] as const).map((explain) => ({
    name: `match-${explain}`,
    method: "POST" as const,
    path: "/v1/match",
    body: { requirements, options: { explain } },
  })),
  { name: "search", method: "POST", path: "/v1/search", body: { requirements } },
  { name: "parse-jd", method: "POST", path: "/v1/parse-jd", body: { text: jd } },
];

interface Load {
  rps: number;
  /** the server process's CPU time (user + system) per request answered */
  cpuMs: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  /** the response body of one request */
  bodyBytes: number;
}

/** Rate limits sized for the benchmark: one key sends every request. */
const UNLIMITED = { security: { rateLimit: { perMinute: 1e9, burst: 1e9 } } };

/**
 * Starts `serve` on an ephemeral port and resolves with its URL once it listens. The server's
 * stderr (one request-log line per request) goes to a file, as a deployment's would: a pipe read by
 * this busy process would fill and block the server's synchronous writes to it.
 */
async function startServer(
  db: string,
  log: string,
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; child: ChildProcess }> {
  const fd = openSync(log, "w");
  const child = spawn(process.execPath, [...NODE_ARGS, "serve", "--db", db, "--port", "0"], {
    env,
    stdio: ["ignore", "ignore", fd],
  });
  closeSync(fd);
  let exited: number | null | undefined;
  child.once("exit", (code) => {
    exited = code;
  });
  for (;;) {
    const seen = readFileSync(log, "utf8");
    const url = /serving (http:\/\/[^\s]+)/.exec(seen)?.[1];
    if (url) return { url, child };
    if (exited !== undefined) throw new Error(`serve exited (${exited}) before listening:\n${seen}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** user + system CPU milliseconds a process has used, from /proc/<pid>/stat (Linux). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
  return (ticks * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

const headersFor = (t: Target, key: string): Record<string, string> => ({
  authorization: `Bearer ${key}`,
  ...(t.body ? { "content-type": "application/json" } : {}),
});

/**
 * One request first: a target that refuses (401, 429, 400…) would be measured as fast failures.
 * Resolves with the size of its answer.
 */
async function preflight(url: string, t: Target, key: string): Promise<number> {
  const res = await fetch(url + t.path, {
    method: t.method,
    headers: headersFor(t, key),
    body: t.body ? JSON.stringify(t.body) : undefined,
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${t.method} ${t.path} answered ${res.status}: ${body}`);
  return Buffer.byteLength(body);
}

async function drive(
  url: string,
  pid: number,
  t: Target,
  key: string,
  clients: number,
  seconds: number,
): Promise<Load> {
  const bodyBytes = await preflight(url, t, key);
  const load = (bound: { duration: number } | { amount: number }) =>
    autocannon({
      url: url + t.path,
      method: t.method,
      connections: clients,
      ...bound,
      timeout: 10,
      headers: headersFor(t, key),
      body: t.body ? JSON.stringify(t.body) : undefined,
    });
  // a route's first requests compile its code (seconds of it on a busy machine): not what a running
  // server spends per request
  if (warmup > 0) await load({ amount: Math.max(warmup, clients) }); // autocannon: at least one per connection
  const cpu0 = cpuMsOf(pid);
  const result = await load({ duration: seconds });
  const answered = result.requests.total;
  return {
    rps: result.requests.average,
    cpuMs: (cpuMsOf(pid) - cpu0) / Math.max(1, answered),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    bodyBytes,
  };
}

interface OwnTime {
  p50: number;
  p99: number;
  cpuMs: number;
}

/** p50, p99 and CPU per call of `call`, after 20 calls not counted. */
async function timed(call: () => Promise<unknown>): Promise<OwnTime> {
  for (let i = 0; i < 20; i++) await call();
  const samples: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < engineRuns; i++) {
    const start = performance.now();
    await call();
    samples.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpu0);
  return {
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    cpuMs: (cpu.user + cpu.system) / 1000 / engineRuns,
  };
}

/**
 * The engine's own time on the same database, in this process: engine.match (what the full and
 * summarised answers are views of) and engine.ranking (the unexplained answer). What the API adds
 * is the rest. Also creates the key the load runs as.
 */
async function engineTimes(db: string): Promise<{ match: OwnTime; ranking: OwnTime; key: string }> {
  const engine = await openEngine({ db, backend: "embedded", now: NOW });
  try {
    const { token: key } = engine.access.createKey({ name: "bench-api", scopes: ["match"] });
    const match = await timed(() => engine.match({ requirements }));
    const ranking = await timed(() => engine.ranking("match", { requirements }));
    return { match, ranking, key };
  } finally {
    await engine.close();
  }
}

/** The demo generator's people, written by the `demo` command into a fresh file. */
function seed(db: string, people: number, env: NodeJS.ProcessEnv): void {
  const started = performance.now();
  const seeded = spawnSync(
    process.execPath,
    [...NODE_ARGS, "demo", "--no-serve", "--db", db, "--people", String(people)],
    { env, stdio: ["ignore", "ignore", "inherit"] },
  );
  if (seeded.status !== 0) throw new Error(`seeding ${people} people failed`);
  console.log(`\n${people} people seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const row = (cells: (string | number)[], widths: number[]) =>
  cells.map((c, i) => String(c).padStart(widths[i] ?? 10)).join(" ");

for (const people of sizes) {
  const dir = mkdtempSync(join(tmpdir(), "ler-bench-api-"));
  // an already seeded database (--db) is used as it is, and kept
  const db = seededDb ?? join(dir, "bench.db");
  const config = join(dir, "config.json");
  writeFileSync(config, JSON.stringify(UNLIMITED));
  const env = { ...process.env, LER_MATCH_NOW: NOW, LER_MATCH_DB: db, LER_MATCH_CONFIG: config };
  try {
    if (seededDb) console.log(`\n${seededDb}: the people already seeded there`);
    else seed(db, people, env);

    const own = await engineTimes(db);
    const { url, child } = await startServer(db, join(dir, "serve.log"), env);
    try {
      const pid = child.pid!;
      const widths = [13, 8, 8, 8, 8, 9, 7, 12, 14, 10];
      console.log(`${connections} concurrent clients, ${duration} s each (server: one Node process)`);
      console.log(
        row(
          [
            "endpoint",
            "clients",
            "req/s",
            "p50 ms",
            "p99 ms",
            "requests",
            "failed",
            "server CPU",
            "req/s per core",
            "body KB",
          ],
          widths,
        ),
      );
      const line = (name: string, clients: number, load: Load) =>
        console.log(
          row(
            [
              name,
              clients,
              load.rps.toFixed(0),
              load.p50,
              load.p99,
              load.requests,
              load.errors + load.non2xx + load.timeouts,
              `${fmtMs(load.cpuMs)} ms`,
              (1000 / load.cpuMs).toFixed(0),
              (load.bodyBytes / 1024).toFixed(1),
            ],
            widths,
          ),
        );
      for (const t of targets.filter((t) => !skipped.has(t.name)))
        line(t.name, connections, await drive(url, pid, t, own.key, connections, duration));
      // one client: the API's overhead over the engine's own time, per explanation level
      const overheads: string[] = [];
      for (const t of targets.filter((t) => t.name.startsWith("match") && !skipped.has(t.name))) {
        const single = await drive(url, pid, t, own.key, 1, Math.max(3, Math.ceil(duration / 2)));
        line(t.name, 1, single);
        const [engineCall, base] =
          t.name === "match-none" ? ["engine.ranking", own.ranking] : ["engine.match", own.match];
        overheads.push(
          `${t.name} over ${engineCall}: p50 ${fmtMs(single.p50 - base.p50)} ms, ` +
            `CPU ${fmtMs(single.cpuMs - base.cpuMs)} ms`,
        );
      }
      const ownLine = (name: string, o: OwnTime) =>
        `${name} in-process: p50 ${fmtMs(o.p50)} ms, p99 ${fmtMs(o.p99)} ms, CPU ${fmtMs(o.cpuMs)} ms ` +
        `per call (${(1000 / o.cpuMs).toFixed(0)}/s per core)`;
      console.log(
        `${ownLine("engine.match", own.match)}\n${ownLine("engine.ranking", own.ranking)}\n` +
          "API overhead per match, one client (autocannon reports whole ms):\n  " +
          overheads.join("\n  "),
      );
    } finally {
      child.kill("SIGTERM");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
