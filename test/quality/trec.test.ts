/**
 * Cross-check of src/quality/metrics.ts against trec_eval (through pytrec_eval and
 * scripts/trec-check.py). Needs python3 with pytrec-eval-terrier; without it this test fails.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Qrels } from "../../src/domain/bench-dataset.ts";
import { createRng } from "../../src/generate/random.ts";
import { evaluateRun, formatQrels, formatRun, type Run } from "../../src/quality/metrics.ts";

const dir = mkdtempSync(join(tmpdir(), "trec-check-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function syntheticQrels(): Qrels {
  const rng = createRng(7);
  const qrels: Qrels = new Map();
  for (let q = 0; q < 12; q++) {
    const judged = new Map<string, number>();
    for (let d = 0; d < 40; d++) if (rng.chance(0.6)) judged.set(`c${d}`, rng.int(0, 3));
    qrels.set(`q${q}`, judged);
  }
  // a position where nothing is relevant, and one where a single candidate is
  qrels.set(
    "q-none",
    new Map([
      ["c1", 0],
      ["c2", 0],
    ]),
  );
  qrels.set("q-one", new Map([["c39", 2]]));
  return qrels;
}

/** Runs of several shapes: random scores, coarse scores with many ties, short lists, unjudged ids. */
function syntheticRuns(qrels: Qrels): Record<string, Run> {
  const rng = createRng(11);
  const make = (score: (d: number) => number | null): Run => {
    const run: Run = new Map();
    for (const q of qrels.keys()) {
      const scores = new Map<string, number>();
      for (let d = 0; d < 60; d++) {
        const s = score(d);
        if (s !== null) scores.set(`c${d}`, s);
      }
      run.set(q, scores);
    }
    return run;
  };
  return {
    random: make(() => rng.next()),
    ties: make(() => rng.int(0, 3) / 4),
    allTied: make(() => 0.5),
    short: make((d) => (d % 7 === 0 ? rng.next() : null)),
    unjudgedFirst: make((d) => (d >= 40 ? 10 + rng.next() : rng.next())),
  };
}

function trecEval(
  qrelsFile: string,
  runFiles: string[],
): Record<string, Record<string, Record<string, number>>> {
  const out = execFileSync("python3", ["scripts/trec-check.py", qrelsFile, ...runFiles], {
    encoding: "utf8",
  });
  return JSON.parse(out);
}

describe("metrics agree with trec_eval", () => {
  it("every metric of every position of every run, to 1e-6", () => {
    const qrels = syntheticQrels();
    const runs = syntheticRuns(qrels);
    const qrelsFile = join(dir, "qrels");
    writeFileSync(qrelsFile, formatQrels(qrels));
    const files = Object.entries(runs).map(([name, run]) => {
      const file = join(dir, `${name}.run`);
      writeFileSync(file, formatRun(run, name));
      return file;
    });
    const reference = trecEval(qrelsFile, files);

    let compared = 0;
    Object.entries(runs).forEach(([name, run], i) => {
      const ours = evaluateRun(qrels, run);
      const theirs = reference[files[i] as string];
      expect(theirs, `trec_eval output for ${name}`).toBeDefined();
      for (const [q, values] of ours.perPosition) {
        const t = theirs?.[q];
        // trec_eval leaves out positions with no relevant candidate; ours scores them 0
        if (!t) {
          expect(Object.values(values).every((v) => v === 0)).toBe(true);
          continue;
        }
        for (const [metric, v] of Object.entries(values)) {
          expect(v, `${name} ${q} ${metric}`).toBeCloseTo(t[metric] as number, 6);
          compared++;
        }
      }
    });
    expect(compared).toBeGreaterThan(5 * 13 * 17 - 1);
  });
});
