/**
 * The audit trail's write on the request path (npx tsx benchmarks/audit-log.ts): a match appends
 * one row per person on its page, and the rows' subject index is rewritten page by page. Times the
 * append of a 20-person page at the store's write-ahead-log checkpoint setting
 * (WAL_AUTOCHECKPOINT_PAGES) beside SQLite's default (1,000 pages), in the same run, each on a
 * fresh copy of the same file, already holding --rows audit rows, for the same people drawn from
 * --people, wall and CPU time per append. The copies alternate, --rounds times each.
 */
import { createHmac } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, WAL_AUTOCHECKPOINT_PAGES } from "../src/store/database.ts";
import { createSecurityStore } from "../src/store/security-store.ts";
import { benchArgs } from "./lib/args.ts";
import { seeded } from "./lib/rng.ts";

const args = benchArgs({ appends: 5000, people: 2400, rows: 100_000, rounds: 3, page: 20 });
const dir = mkdtempSync(join(tmpdir(), "ler-match-audit-bench-"));
const subjects = Array.from({ length: args.people }, (_, i) =>
  createHmac("sha256", "bench").update(`person-${i}`).digest("hex"),
);
const event = (i: number) => ({
  at: 1_780_000_000_000 + i,
  keyId: "key",
  keyName: "bench",
  org: "default",
  action: "match",
  remote: "127.0.0.1",
  requestId: `request-${i}`,
});

function pages(rng: () => number, n: number): string[][] {
  return Array.from({ length: n }, () =>
    Array.from({ length: args.page }, () => subjects[Math.floor(rng() * subjects.length)] ?? ""),
  );
}

const template = join(dir, "template.db");
{
  const { sqlite, db } = openDatabase(template);
  const security = createSecurityStore(db, sqlite);
  const fill = pages(seeded(1), Math.ceil(args.rows / args.page));
  sqlite.transaction(() => {
    for (const [i, page] of fill.entries()) security.appendAudit(event(i), page);
  })();
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
}

function run(checkpointPages: number, round: number): { wall: number; cpu: number } {
  const file = join(dir, `run-${checkpointPages}-${round}.db`);
  copyFileSync(template, file);
  const { sqlite, db } = openDatabase(file);
  sqlite.pragma(`wal_autocheckpoint = ${checkpointPages}`);
  const security = createSecurityStore(db, sqlite);
  const load = pages(seeded(100 + round), args.appends);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const [i, page] of load.entries()) security.appendAudit(event(i), page);
  const wall = (performance.now() - t0) / args.appends;
  const used = process.cpuUsage(cpu0);
  sqlite.close();
  rmSync(file, { force: true });
  return { wall, cpu: (used.user + used.system) / 1000 / args.appends };
}

const settings = [
  ["SQLite default (1,000 pages)", 1000],
  [`the store's (${WAL_AUTOCHECKPOINT_PAGES.toLocaleString("en")} pages)`, WAL_AUTOCHECKPOINT_PAGES],
] as const;
const results = new Map<number, { wall: number; cpu: number }[]>();
for (let round = 0; round < args.rounds; round++)
  for (const [, pagesSetting] of settings)
    results.set(pagesSetting, [...(results.get(pagesSetting) ?? []), run(pagesSetting, round)]);

console.log(
  `${args.appends} appends of ${args.page} audit rows (people drawn from ${args.people}) onto ${args.rows.toLocaleString("en")} rows, ${args.rounds} rounds`,
);
console.log(
  "| write-ahead log checkpoint | ms per append (wall), each round | ms per append (CPU), each round |",
);
console.log("|---|---|---|");
for (const [name, pagesSetting] of settings) {
  const r = results.get(pagesSetting) ?? [];
  const cells = (pick: (x: { wall: number; cpu: number }) => number) =>
    r.map((x) => pick(x).toFixed(3)).join(" · ");
  console.log(`| ${name} | ${cells((x) => x.wall)} | ${cells((x) => x.cpu)} |`);
}
rmSync(dir, { recursive: true, force: true });
