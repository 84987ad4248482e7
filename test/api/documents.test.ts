import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADA, BO, CY, json, makeRig, type TestRig } from "./fixture.ts";

let rig: TestRig;
beforeEach(async () => {
  rig = await makeRig();
});
afterEach(() => rig.close());

const post = (body: unknown) => rig.request("/v1/documents", json(body));

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

  it("rejects a body that is not JSON with invalid_json", async () => {
    const res = await rig.request("/v1/documents", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{nope",
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_json");
  });

  it("rejects an empty body with invalid_input", async () => {
    const res = await rig.request("/v1/documents", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "",
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_input");
  });

  it("rejects an unsupported content type with 415", async () => {
    const res = await rig.request("/v1/documents", {
      method: "POST",
      headers: { "content-type": "application/xml" },
      body: "<a/>",
    });
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe("unsupported_media_type");
  });

  it("takes a JSON-lines upload", async () => {
    const body = [ADA, BO].map((d) => JSON.stringify(d)).join("\n");
    const res = await rig.request("/v1/documents", {
      method: "POST",
      headers: { "content-type": "application/x-ndjson" },
      body,
    });
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
