import { openEngine } from "../src/engine/open.ts";
const requirements = [
  { concept: "sw.python", minLevel: 3, required: true },
  { concept: "sw.sql", minLevel: 2, required: true },
  { concept: "cloud.docker" },
  { concept: "cloud.aws" },
  { concept: "sw.git" },
];
const engine = await openEngine({ db: "/tmp/wt17-demo.db", backend: "embedded", now: "2026-06-01" });
const time = async (name: string, f: () => Promise<unknown>) => {
  for (let i = 0; i < 30; i++) await f();
  const s: number[] = [];
  for (let i = 0; i < 200; i++) { const t = performance.now(); await f(); s.push(performance.now() - t); }
  s.sort((a, b) => a - b);
  console.log(name, s[100]!.toFixed(3));
};
await time("match", () => engine.match({ requirements }));
await time("match limit 1", () => engine.match({ requirements }, { limit: 1 }));
await time("json", async () => JSON.stringify(await engine.match({ requirements })));
await engine.close();
const e2 = await openEngine({ db: "/tmp/wt17-demo.db", backend: "embedded", now: "2026-06-01" });
const page = await e2.match({ requirements });
const t = performance.now(); for (let i = 0; i < 200; i++) JSON.stringify(page); console.log("stringify", ((performance.now() - t) / 200).toFixed(3), JSON.stringify(page).length);
const r0 = page.results[0]!;
console.log(Object.entries(r0.explanation).map(([k, v]) => [k, JSON.stringify(v).length]));
console.log(r0.explanation.requirements.map((r) => [r.evidence.length, r.setAside.length, JSON.stringify(r).length]));
console.log(JSON.stringify(r0.explanation.requirements[0]!.evidence[0]));
await e2.close();
