import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { evaluateTalentClef, TITLE_MATCHERS } from "../../src/quality/external.ts";

const root = mkdtempSync(join(tmpdir(), "talentclef-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function writeTask(): void {
  const dir = join(root, "talentclef2025", "validation", "english");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "queries"), "q_id\tjobtitle\n1\tnurse\n2\tjava developer\n");
  writeFileSync(
    join(dir, "corpus_elements"),
    "c_id\tjobtitle\n10\tregistered nurse\n11\tjava software developer\n12\tnurse assistant\n13\tbaker\n",
  );
  writeFileSync(join(dir, "qrels.tsv"), "1\t0\t10\t1\n1\t0\t13\t1\n2\t0\t11\t1\n");
}

describe("TalentCLEF task scoring", () => {
  it("scores each matcher with MAP over the official qrels", () => {
    writeTask();
    const bm25 = TITLE_MATCHERS.filter((m) => m.name === "bm25");
    const [result] = evaluateTalentClef(root, bm25);
    // q1: "nurse" ranks 10 and 12 (tie on score → id descending: 12, 10); 13 (baker) never retrieved:
    //     AP = (1/2) / 2 = 0.25. q2: 11 first: AP = 1. MAP = 0.625
    expect(result?.queries).toBe(2);
    expect(result?.metrics.map).toBeCloseTo(0.625, 12);
    expect(result?.metrics.mrr).toBeCloseTo(0.75, 12);
  });
});
