import { openEngine } from "../src/engine/open.ts";
import { conceptsBearingOn } from "../src/match/bearing.ts";
import { DEFAULT_SCORING } from "../src/scoring/config.ts";
const engine = await openEngine({ db: "/tmp/wt17-demo.db", backend: "embedded", now: "2026-06-01" });
const reqs = ["sw.python", "sw.sql", "cloud.docker", "cloud.aws", "sw.git"].map((conceptId) => ({ conceptId, label: conceptId, minLevel: null, weight: 1, required: false }));
const c = conceptsBearingOn(reqs, engine.taxonomy, DEFAULT_SCORING);
console.log(c.length, JSON.stringify(c).length);
const t = performance.now(); for (let i = 0; i < 200; i++) conceptsBearingOn(reqs, engine.taxonomy, DEFAULT_SCORING); console.log("bearing ms", (performance.now() - t) / 200);
await engine.close();
