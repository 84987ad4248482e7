/**
 * Erasure reaches every copy: after DELETE /v1/candidates/{id}, no SQLite table (shadow tables and
 * sqlite_sequence included), no file of the data directory (the database, its WAL and shared
 * memory) and no index document holds the person's name, email or id — while the audit trail still
 * answers who saw them, under a pseudonym, with the erasure receipt.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../../src/search/elasticsearch/client.ts";
import { elasticsearchConfig } from "../../src/search/elasticsearch/config.ts";
import { BACKENDS, BO, json, makeRig, NOW, type TestRig } from "../api/fixture.ts";

const PERSON = {
  id: "p-zq-erase-7",
  name: "Zephyrine Quarrington",
  email: "zq@erase.example",
  location: "Ystad",
};
const TRACES = [PERSON.id, PERSON.name, PERSON.email, "doc-zq-1", "doc-zq-2"];
const DOCS = [
  {
    format: "ler-match/v1",
    id: "doc-zq-1",
    person: PERSON,
    title: "Employment record",
    issuer: "Quarrington Works",
    sourceKind: "employer-record",
    assertions: [{ skill: "Python", level: "advanced", lastPracticedAt: "2025-06" }],
  },
  {
    format: "ler-match/v1",
    id: "doc-zq-2",
    person: { id: PERSON.id },
    sourceKind: "self-asserted",
    assertions: [{ skill: "Docker", level: "working" }],
  },
];

function sqliteRows(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table'").all() as {
      name: string;
    }[];
    return tables.map((t) => JSON.stringify(db.prepare(`select * from "${t.name}"`).all())).join("\n");
  } finally {
    db.close();
  }
}

const filesOf = (dir: string) => readdirSync(dir).map((f) => join(dir, f));

describe.each(BACKENDS)("erasure on the %s backend", (backend, settings) => {
  let rig: TestRig;
  let receipt: Record<string, unknown>;
  beforeAll(async () => {
    rig = await makeRig(settings);
    expect((await rig.request("/v1/documents", json([...DOCS, BO]))).status).toBe(200);
    expect((await rig.request(`/v1/candidates/${PERSON.id}`)).status).toBe(200);
    expect((await rig.request(`/candidates/${PERSON.id}`)).status).toBe(200);
    const res = await rig.request(`/v1/candidates/${PERSON.id}`, { method: "DELETE" });
    expect(res.status).toBe(200);
    receipt = (await res.json()).receipt;
  }, 60_000);
  afterAll(() => rig?.close());

  it("leaves no trace in any table of the store", () => {
    const rows = sqliteRows(join(rig.dir, "test.db"));
    for (const trace of TRACES) expect(rows).not.toContain(trace);
    expect(rows).toContain("p-bo"); // the scan reads real rows: the person who stays is there
  });

  it("leaves no trace in the bytes of any file of the data directory", () => {
    const files = filesOf(rig.dir);
    // the scan reads real bytes: the person who stays is found in them
    expect(files.some((f) => readFileSync(f).includes("Bo Chen"))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const trace of [...TRACES, rig.adminKey])
        expect(bytes.includes(trace), `${file}: ${trace}`).toBe(false);
    }
  });

  it("leaves no trace in the search index, and search no longer finds the person", async () => {
    const page = await (
      await rig.request("/v1/match", json({ requirements: [{ concept: "sw.python" }] }))
    ).json();
    expect(page.results.map((r: { candidateId: string }) => r.candidateId)).not.toContain(PERSON.id);
    if (backend !== "elasticsearch") return;
    const es = settings.elasticsearch!;
    const client = createClient(elasticsearchConfig({ url: es.url! }, {}));
    try {
      await client.indices.refresh({ index: `${es.indexPrefix}*` });
      const all = await client.search({ index: `${es.indexPrefix}*`, size: 100, query: { match_all: {} } });
      const text = JSON.stringify(all.hits.hits);
      expect(text).toContain("p-bo");
      for (const trace of TRACES) expect(text).not.toContain(trace);
    } finally {
      await client.close();
    }
  });

  it("writes a receipt of what was removed, by whom, naming the person only by pseudonym", () => {
    expect(receipt).toMatchObject({
      at: new Date(NOW).toISOString(),
      by: "test-admin",
      reason: "request",
      removed: { candidates: 1, documents: 2, assertions: 2, indexEntries: 1, indexPending: 0 },
    });
    expect(receipt.subject).toMatch(/^[0-9a-f]{64}$/);
    for (const trace of TRACES) expect(JSON.stringify(receipt)).not.toContain(trace);
  });

  it("the audit trail still says who read the record and who erased it", async () => {
    const trail = await (await rig.request(`/v1/audit?person=${PERSON.id}`)).json();
    expect(trail.entries.map((e: { action: string; keyName: string }) => `${e.keyName} ${e.action}`)).toEqual(
      // an admin key holds "attest": what it ingests is recorded as attested
      ["test-admin attest", "test-admin read-profile", "test-admin read-profile", "test-admin erase"],
    );
    expect(trail.erasures).toEqual([receipt]);
  });

  it("a second erasure of the same person is a 404", async () => {
    const res = await rig.request(`/v1/candidates/${PERSON.id}`, { method: "DELETE" });
    expect(res.status).toBe(404);
  });
});

describe("retention", () => {
  it("erases people whose newest document is older than the setting, by the engine's clock", async () => {
    let now = NOW;
    const rig = await makeRig({}, { clock: () => now });
    try {
      await rig.request("/v1/documents", json(DOCS[0]));
      now = NOW + 200 * 86_400_000;
      await rig.request("/v1/documents", json(BO));
      now = NOW + 400 * 86_400_000;
      expect(await rig.engine.applyRetention(365)).toEqual({ erased: 1 });
      expect((await rig.request(`/v1/candidates/${PERSON.id}`)).status).toBe(404);
      expect((await rig.request("/v1/candidates/p-bo")).status).toBe(200);
      expect(rig.engine.access.auditOf(PERSON.id).erasures).toMatchObject([
        { by: "retention", reason: "retention" },
      ]);
    } finally {
      await rig.close();
    }
  });
});
