import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPipeline, type Pipeline } from "../../indexer/pipeline.ts";
import type { IngestReport } from "../../indexer/types.ts";
import { fixedClock } from "../../src/domain/clock.ts";
import { TEST_NOW } from "../clock.ts";
import { type TempStore, tempStore } from "../store/fixtures.ts";
import { nativeDoc, taxonomy } from "./pipeline-fixtures.ts";

let t: TempStore;
let pipeline: Pipeline;
/** documentId → assertion count of its last successful write, over every run against this store. */
const expected = new Map<string, number>();
const outcomes = new Map<string, number>();

beforeAll(() => {
  t = tempStore();
  pipeline = createPipeline({ store: t.store, taxonomy, now: fixedClock(TEST_NOW) });
});
afterAll(() => t.dispose());

function record(report: IngestReport): void {
  for (const d of report.documents) {
    outcomes.set(d.status, (outcomes.get(d.status) ?? 0) + 1);
    if (d.status === "failed") expect(d.error).not.toBeNull();
    else expected.set(d.documentId!, d.assertions);
  }
}

/** The store holds exactly the documents reported as written, each with all of its assertions. */
function expectStoreMatchesReports(): void {
  const stats = t.store.stats();
  expect(stats.documents).toBe(expected.size);
  expect(stats.assertions).toBe([...expected.values()].reduce((a, b) => a + b, 0));
  const evidence = t.store.evidenceFor(t.store.candidateIds());
  const perDocument = new Map<string, number>();
  for (const rows of evidence.values())
    for (const r of rows) perDocument.set(r.documentId, (perDocument.get(r.documentId) ?? 0) + 1);
  for (const [id, n] of perDocument) expect(expected.get(id)).toBe(n);
}

const skillArb = fc.record(
  {
    skill: fc.constantFrom("Python", "py", "SQL", "Rust", "Knitting", "Welding", " "),
    conceptId: fc.constantFrom("python", "nope", "http://data.europa.eu/esco/skill/welding-1"),
    level: fc.oneof(
      fc.integer({ min: -2, max: 12 }),
      fc.constantFrom("basic", "expert", "B2", "zzz", ""),
      fc.constant(null),
    ),
    scale: fc.constantFrom("cefr", "dreyfus", "no-such-scale"),
    min: fc.constant(1),
    max: fc.constantFrom(5, 10),
    lastPracticedAt: fc.constantFrom("2020", "2023-04", "2024-01-31"),
    validUntil: fc.constantFrom("2001-01-01", "2099"),
  },
  { requiredKeys: ["skill"] },
);

const nativeArb = fc
  .record({
    person: fc.constantFrom("p1", "p2", "p3"),
    id: fc.option(fc.constantFrom("doc-a", "doc-b"), { nil: undefined }),
    skills: fc.array(skillArb, { maxLength: 6 }),
  })
  .map(({ person, id, skills }) => nativeDoc(person, skills, id === undefined ? {} : { id }));

type Json = unknown;
type Path = (string | number)[];

function pathsOf(value: Json, at: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [at];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [at, ...entries.flatMap(([k, v]) => pathsOf(v, [...at, k]))];
}

/** Replaces (or, when `replacement` is undefined, deletes) the node at `path` in a deep copy. */
function mutate(doc: Json, path: Path, replacement: Json): Json {
  if (path.length === 0) return replacement;
  const copy = structuredClone(doc) as Record<string | number, Json>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) delete node[last];
  else node[last] = replacement;
  return copy;
}

const mutatedArb = fc
  .tuple(nativeArb, fc.nat(), fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }))
  .map(([doc, pick, replacement]) => {
    const paths = pathsOf(doc);
    return mutate(doc, paths[pick % paths.length]!, replacement);
  });

describe("ingest never throws and never leaves a partial document", () => {
  it("for arbitrary JSON values and text", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string()), { maxLength: 4 }),
        async (contents) => {
          const report = await pipeline.ingest(contents.map((content, i) => ({ name: `in-${i}`, content })));
          record(report);
          expectStoreMatchesReports();
        },
      ),
      { numRuns: 60 },
    );
  });

  it("for native documents, valid or mutated", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(nativeArb, mutatedArb), { minLength: 1, maxLength: 4 }),
        async (docs) => {
          // the first document again at the end: a re-ingest inside the same batch
          const inputs = [...docs, docs[0]].map((content, i) => ({ name: `doc-${i}`, content }));
          const report = await pipeline.ingest(inputs);
          expect(report.documents.length).toBeGreaterThanOrEqual(inputs.length);
          expect(report.totals.documents).toBe(report.documents.length);
          record(report);
          expectStoreMatchesReports();
        },
      ),
      { numRuns: 120 },
    );
    // the generators must reach every outcome, or the property proves little
    expect([...outcomes.keys()].sort()).toEqual(["failed", "replaced", "stored", "unchanged"]);
  });
});
