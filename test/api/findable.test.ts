/**
 * Every acknowledged write is searchable when the response returns: 20,000 people posted in one
 * request as JSON, as NDJSON and as CSV are each found through /v1/search, on every backend.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, makeRig, type TestRig } from "./fixture.ts";

const PEOPLE = 20_000;
/** Each person holds one of these languages, so every query's pool stays a few pages long. */
const LANGUAGES = ["German", "Dutch", "Swedish", "Norwegian", "Danish", "Spanish", "French", "Italian"]
  .concat(["Portuguese", "Romanian", "Catalan", "Russian", "Ukrainian", "Polish", "Czech", "Slovak"])
  .concat(["Bulgarian", "Serbian", "Croatian", "Lithuanian", "Latvian", "Estonian", "Finnish", "Hungarian"])
  .concat(["Greek", "Albanian", "Irish", "Welsh", "Basque", "Icelandic"]);
const PAGE = 500;

const languageOf = (i: number) => LANGUAGES[i % LANGUAGES.length]!;
const native = (prefix: string, i: number) => ({
  format: "ler-match/v1",
  id: `${prefix}-doc-${i}`,
  person: { id: `${prefix}-${i}` },
  sourceKind: "assessment",
  assertions: [{ skill: languageOf(i), level: "B2" }],
});
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

const BODIES = {
  json: () => ({ type: "application/json", body: JSON.stringify(range(PEOPLE).map((i) => native("js", i))) }),
  ndjson: () => ({
    type: "application/x-ndjson",
    body: range(PEOPLE)
      .map((i) => JSON.stringify(native("nd", i)))
      .join("\n"),
  }),
  csv: () => ({
    type: "text/csv",
    body: [
      "person,skill,level,scale,source",
      ...range(PEOPLE).map((i) => `cv-${i},${languageOf(i)},B2,cefr,assessment`),
    ].join("\n"),
  }),
} as const;

describe.each(BACKENDS)("on the %s backend", (_name, backend) => {
  let rig: TestRig;
  beforeAll(async () => {
    rig = await makeRig({ ...backend, limits: { maxDocuments: PEOPLE, maxBodyBytes: 64 * 1024 * 1024 } });
  }, 60_000);
  afterAll(() => rig.close());

  /** Everyone /v1/search finds holding any of the languages, page by page. */
  async function findable(): Promise<Set<string>> {
    const found = new Set<string>();
    for (const language of LANGUAGES)
      for (let offset = 0; ; offset += PAGE) {
        const res = await rig.request("/v1/search", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            requirements: [{ concept: language, minLevel: 1, required: true }],
            options: { limit: PAGE, offset },
          }),
        });
        const page = await res.json();
        expect(res.status).toBe(200);
        for (const r of page.results) found.add(r.candidateId);
        if (page.results.length < PAGE) break;
      }
    return found;
  }

  it.each(Object.keys(BODIES) as (keyof typeof BODIES)[])(
    "finds all 20,000 people of one %s request as soon as it returns",
    async (kind) => {
      const { type, body } = BODIES[kind]();
      const res = await rig.request("/v1/documents", {
        method: "POST",
        headers: { "content-type": type },
        body,
      });
      expect(res.status).toBe(200);
      const report = await res.json();
      expect(report.totals.failed).toBe(0);
      const health = await (await rig.request("/health")).json();
      expect(health.outboxPending).toBe(0);
      const found = await findable();
      const prefix = { json: "js", ndjson: "nd", csv: "cv" }[kind];
      const missing = range(PEOPLE).filter((i) => !found.has(`${prefix}-${i}`));
      expect(missing.length).toBe(0);
    },
    600_000,
  );
});
