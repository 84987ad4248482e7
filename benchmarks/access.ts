/**
 * What access control adds to a request: authenticating a key (hash, look-up, constant-time
 * compare) and writing the audit rows of a 20-result match (one HMAC-keyed row per person), beside
 * the baseline measured in the same run: the 20-result match itself, over 500 people.
 *
 *   npx tsx benchmarks/access.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openEngine } from "../src/engine/open.ts";

const PEOPLE = 500;
const dir = mkdtempSync(join(tmpdir(), "ler-match-access-bench-"));
const engine = await openEngine({ db: join(dir, "bench.db"), backend: "embedded" });
try {
  await engine.ingest(
    Array.from({ length: PEOPLE }, (_, i) => ({
      name: `doc-${i}`,
      content: {
        format: "ler-match/v1",
        id: `doc-${i}`,
        person: { id: `p-${i}` },
        sourceKind: "employer-record",
        assertions: [{ skill: "Python", level: 1 + (i % 5) }],
      },
    })),
  );
  const micros = async (runs: number, f: () => unknown) => {
    for (let i = 0; i < Math.min(50, runs); i++) await f();
    const t = performance.now();
    for (let i = 0; i < runs; i++) await f();
    return ((performance.now() - t) / runs) * 1000;
  };
  const ids = Array.from({ length: 20 }, (_, i) => `p-${i}`);
  const actor = { keyId: "k", keyName: "bench", org: engine.org };
  const { token } = engine.access.createKey({ name: "bench", scopes: ["match"] });
  const match = await micros(200, () =>
    engine.match({ requirements: [{ concept: "sw.python" }] }, { limit: 20 }),
  );
  const auth = await micros(5000, () => engine.access.authenticate(token));
  const audit = await micros(500, () =>
    engine.access.record({ action: "match", personIds: ids, actor, remote: null, requestId: null }),
  );
  console.log(`baseline: a 20-result match over ${PEOPLE} people   ${match.toFixed(0)} µs`);
  console.log(`authenticate one key                          ${auth.toFixed(0)} µs`);
  console.log(`audit rows of one 20-result match             ${audit.toFixed(0)} µs`);
} finally {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
}
