import { openEngine } from "../src/engine/open.ts";
const requirements = [
  { concept: "sw.python", minLevel: 3, required: true },
  { concept: "sw.sql", minLevel: 2, required: true },
  { concept: "cloud.docker" },
  { concept: "cloud.aws" },
  { concept: "sw.git" },
];
const engine = await openEngine({ db: "/tmp/wt17-demo.db", backend: "embedded", now: "2026-06-01" });
for (let i = 0; i < 50; i++) await engine.match({ requirements });
const { Session } = await import("node:inspector/promises");
const session = new Session(); session.connect();
await session.post("Profiler.enable"); await session.post("Profiler.start");
for (let i = 0; i < 400; i++) await engine.match({ requirements });
const { profile } = await session.post("Profiler.stop");
const fs = await import("node:fs"); fs.writeFileSync("/tmp/wt17-match.cpuprofile", JSON.stringify(profile));
await engine.close();
