import { openEngine } from "../src/engine/open.ts";
const requirements = [
  { concept: "sw.python", minLevel: 3, required: true },
  { concept: "sw.sql", minLevel: 2, required: true },
  { concept: "cloud.docker" },
  { concept: "cloud.aws" },
  { concept: "sw.git" },
];
const engine = await openEngine({ db: "/tmp/wt17-demo.db", backend: "embedded", now: "2026-06-01" });
for (let i = 0; i < 30; i++) await engine.match({ requirements });
const t = performance.now();
for (let i = 0; i < 200; i++) await engine.match({ requirements });
console.log("match ms", (performance.now() - t) / 200);
const r = await engine.match({ requirements });
console.log(r.total, r.results.length, JSON.stringify(r).length);
await engine.close();
