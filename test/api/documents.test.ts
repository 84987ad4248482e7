import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADA, BO, CY, errorOf, json, makeRig, type TestRig } from "./fixture.ts";

let rig: TestRig;
beforeEach(async () => {
  rig = await makeRig();
});
afterEach(() => rig.close());

const post = (body: unknown) => rig.request("/v1/documents", json(body));
/** A body as written, of this content type. */
const typed = (type: string, body: string): RequestInit => ({
  method: "POST",
  headers: { "content-type": type },
  body,
});

describe("POST /v1/documents", () => {
  it("stores a batch and reports each document", async () => {
    const res = await post([ADA, BO]);
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.totals).toMatchObject({ documents: 2, stored: 2, failed: 0, assertions: 4 });
    expect(report.documents.map((d: { candidateId: string }) => d.candidateId)).toEqual(["p-ada", "p-bo"]);
  });

  it("accepts a single document and the { documents } wrapper", async () => {
    expect((await post(ADA)).status).toBe(200);
    const res = await post({ documents: [BO, CY] });
    expect((await res.json()).totals.stored).toBe(2);
  });

  it("re-ingesting an identical document changes nothing", async () => {
    await post(ADA);
    const report = await (await post(ADA)).json();
    expect(report.documents[0].status).toBe("unchanged");
  });

  it("answers 207 when some documents fail, names the bad one, and stores the rest", async () => {
    const bad = { format: "ler-match/v1", person: { id: "p-x" }, sourceKind: "rumour", assertions: [] };
    const res = await post([ADA, bad, BO]);
    expect(res.status).toBe(207);
    const report = await res.json();
    expect(report.totals).toMatchObject({ stored: 2, failed: 1 });
    const failed = report.documents.find((d: { status: string }) => d.status === "failed");
    expect(failed.name).toBe("documents[1]");
    expect(failed.error.code).toBe("parse_failed");
    expect((await rig.request("/v1/candidates/p-bo")).status).toBe(200);
  });

  it("answers 422 when no document can be used", async () => {
    const res = await post([{ hello: "world" }]);
    expect(res.status).toBe(422);
    expect((await res.json()).documents[0].error.code).toBe("unknown_format");
  });

  it.each([
    ["a body that is not JSON with invalid_json", "application/json", "{nope", 400, "invalid_json"],
    ["an empty body with invalid_input", "application/json", "", 400, "invalid_input"],
    ["an unsupported content type with 415", "application/xml", "<a/>", 415, "unsupported_media_type"],
  ])("rejects %s", async (_, type, body, status, code) => {
    expect(await errorOf(await rig.request("/v1/documents", typed(type, body)))).toEqual({ status, code });
  });

  it("takes a JSON-lines upload", async () => {
    const body = [ADA, BO].map((d) => JSON.stringify(d)).join("\n");
    const res = await rig.request("/v1/documents", typed("application/x-ndjson", body));
    expect(res.status).toBe(200);
    expect((await res.json()).totals.stored).toBe(2);
  });

  it("dryRun reports without storing", async () => {
    const res = await rig.request("/v1/documents?dryRun=true", json(ADA));
    expect((await res.json()).documents[0].status).toBe("dry-run");
    expect((await rig.request("/v1/candidates/p-ada")).status).toBe(404);
  });
});

describe("limits", () => {
  it("answers 413 payload_too_large over the body limit, naming the limit", async () => {
    await rig.close();
    rig = await makeRig({ limits: { maxBodyBytes: 200, maxDocuments: 10 } });
    const res = await post([ADA, BO]);
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body.error.code).toBe("payload_too_large");
    expect(body.error.details).toEqual({ limitBytes: 200 });
  });

  it("answers 413 too_many_documents over the document limit", async () => {
    await rig.close();
    rig = await makeRig({ limits: { maxBodyBytes: 1_000_000, maxDocuments: 2 } });
    const res = await post([ADA, BO, CY]);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({ code: "too_many_documents", details: { limit: 2 } });
  });

  describe("counts documents after decoding, whatever the body's shape", () => {
    const people = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ ...BO, id: `doc-${i}`, person: { id: `p-${i}` } }));
    const csv = (n: number) =>
      `person,skill,level\n${Array.from({ length: n }, (_, i) => `p-${i},Python,3`).join("\n")}\n`;
    const multipart = (n: number) => {
      const form = new FormData();
      const ndjson = people(n).map((d) => JSON.stringify(d));
      form.append("file", new Blob([ndjson.join("\n")]), "people.jsonl");
      return form;
    };
    const bodies: [string, (n: number) => RequestInit][] = [
      ["a JSON array", (n) => json(people(n))],
      [
        "JSON lines",
        (n) =>
          typed(
            "application/x-ndjson",
            people(n)
              .map((d) => JSON.stringify(d))
              .join("\n"),
          ),
      ],
      ["CSV", (n) => typed("text/csv", csv(n))],
      ["a multipart upload", (n) => ({ method: "POST", body: multipart(n) })],
    ];

    it.each(bodies)(
      "refuses %s over the limit with 413, naming the limit, and stores nothing",
      async (_, body) => {
        await rig.close();
        rig = await makeRig({ limits: { maxBodyBytes: 1_000_000, maxDocuments: 5 } });
        const res = await rig.request("/v1/documents", body(6));
        expect(res.status).toBe(413);
        const { error } = await res.json();
        expect(error).toMatchObject({ code: "too_many_documents", details: { limit: 5, documents: 6 } });
        expect(error.message).toContain("the limit is 5");
        expect((await rig.request("/v1/candidates/p-0")).status).toBe(404);
      },
    );

    it.each(bodies)("takes %s at the limit", async (_, body) => {
      await rig.close();
      rig = await makeRig({ limits: { maxBodyBytes: 1_000_000, maxDocuments: 5 } });
      const res = await rig.request("/v1/documents", body(5));
      expect(res.status).toBe(200);
      expect((await res.json()).totals.stored).toBe(5);
    });
  });
});

describe("what a client posts cannot pass for the server's own records", () => {
  it("a document shaped like a decode failure is just an unknown document, not its made-up error", async () => {
    const forged = {
      kind: "ler-match/decode-failure",
      code: "index_unavailable",
      message: "made up",
      path: "$",
    };
    const res = await post(forged);
    expect(res.status).toBe(422);
    const [report] = (await res.json()).documents;
    expect(report.error.code).toBe("unknown_format");
    expect(report.error.message).not.toContain("made up");
  });
});

describe("a document id that belongs to another person", () => {
  const reused = { ...ADA, person: { id: "p-mallory" }, assertions: [{ skill: "Rust", level: 5 }] };

  it("is refused with 409 conflict naming the id, and the original person stays", async () => {
    await post(ADA);
    const res = await post(reused);
    expect(res.status).toBe(409);
    const [report] = (await res.json()).documents;
    expect(report).toMatchObject({ status: "failed", documentId: "doc-ada-1", error: { code: "conflict" } });
    expect(report.error.message).toContain('"doc-ada-1"');
    const ada = await rig.request("/v1/candidates/p-ada");
    expect(ada.status).toBe(200);
    expect((await rig.request("/v1/candidates/p-mallory")).status).toBe(404);
  });

  it("fails alone in a batch: 207, the other documents land", async () => {
    await post(ADA);
    const res = await post([reused, BO]);
    expect(res.status).toBe(207);
    const report = await res.json();
    expect(report.documents.map((d: { status: string }) => d.status)).toEqual(["failed", "stored"]);
    expect(report.documents[0].error.code).toBe("conflict");
  });
});

describe("file uploads", () => {
  it("takes LER files as multipart form fields, each reported by its file name", async () => {
    const form = new FormData();
    form.append("file", new Blob([JSON.stringify(ADA)], { type: "application/json" }), "ada.json");
    form.append(
      "file",
      new Blob(["person,skill,level,scale,source\np-dee,Python,4,rating-5,employer-record\n"], {
        type: "text/csv",
      }),
      "staff.csv",
    );
    const res = await rig.request("/v1/documents", { method: "POST", body: form });
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.documents.map((d: { name: string; status: string }) => [d.name, d.status])).toEqual([
      ["ada.json", "stored"],
      ["staff.csv person p-dee", "stored"],
    ]);
  });
});
