/**
 * OWASP API4 unrestricted resource consumption: every way of making the server do unbounded work
 * with one request is refused with its exact status and code.
 */
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_STATUS_LIST_BYTES } from "../../indexer/status-list.ts";
import { ADA, json, makeRig, type TestRig } from "../api/fixture.ts";

let rig: TestRig;
beforeAll(async () => {
  rig = await makeRig({ limits: { maxBodyBytes: 4 * 1024 * 1024, maxDocuments: 100 } });
});
afterAll(() => rig.close());

async function refusal(path: string, init: RequestInit) {
  const res = await rig.request(path, init);
  return { status: res.status, code: (await res.json()).error?.code };
}

/** A bitstring status list credential whose list is `bytes` of zeros, gzipped (about a thousandfold). */
const bombList = (i: number, bytes: number) => ({
  id: `https://issuer.example/lists/${i}`,
  type: ["VerifiableCredential", "BitstringStatusListCredential"],
  credentialSubject: {
    type: "BitstringStatusList",
    statusPurpose: "revocation",
    encodedList: `u${gzipSync(Buffer.alloc(bytes)).toString("base64url")}`,
  },
});

describe("status lists", () => {
  it("100 compressed lists that expand past the request's budget are 413, decompressing no more than it", async () => {
    const lists = Array.from({ length: 100 }, (_, i) => bombList(i, 1024 * 1024));
    const body = JSON.stringify({ lists });
    expect(body.length).toBeLessThan(200_000); // 100 MB of bits in a small request
    expect(await refusal("/v1/status-lists", { ...json({}), body })).toEqual({
      status: 413,
      code: "payload_too_large",
    });
  });

  it("lists within the budget together are applied", async () => {
    const lists = Array.from({ length: 4 }, (_, i) => bombList(i, MAX_STATUS_LIST_BYTES / 8));
    expect((await rig.request("/v1/status-lists", json({ lists }))).status).toBe(200);
  });

  it("more than 100 lists in one request is 400 invalid_input", async () => {
    const lists = Array.from({ length: 101 }, () => ({ revoked: [] }));
    expect(await refusal("/v1/status-lists", json({ lists }))).toEqual({
      status: 400,
      code: "invalid_input",
    });
  });
});

describe("bodies", () => {
  it("JSON nested 100,000 deep is 400 invalid_input, refused before parsing", async () => {
    const body = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    expect(await refusal("/v1/match", { ...json({}), body })).toEqual({ status: 400, code: "invalid_input" });
  });

  it("a body over the byte limit is 413 payload_too_large", async () => {
    const body = JSON.stringify({ text: "x".repeat(5 * 1024 * 1024) });
    expect(await refusal("/v1/parse-jd", { ...json({}), body })).toEqual({
      status: 413,
      code: "payload_too_large",
    });
  });

  it("more documents than the limit is 413 too_many_documents, whatever the body's shape", async () => {
    const docs = Array.from({ length: 101 }, (_, i) => ({ ...ADA, id: `d-${i}`, person: { id: `p-${i}` } }));
    expect(await refusal("/v1/documents", json(docs))).toEqual({ status: 413, code: "too_many_documents" });
    const ndjson = docs.map((d) => JSON.stringify(d)).join("\n");
    expect(
      await refusal("/v1/documents", {
        method: "POST",
        headers: { "content-type": "application/x-ndjson" },
        body: ndjson,
      }),
    ).toEqual({ status: 413, code: "too_many_documents" });
  });

  it("a position of 10,000 requirements is 400 invalid_input", async () => {
    const requirements = Array.from({ length: 10_000 }, () => ({ concept: "sw.python" }));
    expect(await refusal("/v1/match", json({ requirements }))).toEqual({
      status: 400,
      code: "invalid_input",
    });
  });

  it("a job description over 100,000 characters is 400 invalid_input", async () => {
    expect(await refusal("/v1/parse-jd", json({ text: "Python ".repeat(20_000) }))).toEqual({
      status: 400,
      code: "invalid_input",
    });
  });

  it("a page of 10,000 results is 400 invalid_input", async () => {
    const body = { requirements: [{ concept: "sw.python" }], options: { limit: 10_000 } };
    expect(await refusal("/v1/match", json(body))).toEqual({ status: 400, code: "invalid_input" });
  });
});

describe("long fields in every format", () => {
  const long = "N".repeat(10_000);
  it.each([
    ["a native person name", json({ ...ADA, person: { id: "p-l", name: long } })],
    ["a native person id", json({ ...ADA, person: { id: long } })],
    ["a native title", json({ ...ADA, title: long })],
    [
      "a CSV name",
      {
        method: "POST",
        headers: { "content-type": "text/csv" },
        body: `person,skill,level,scale,source,issuer,date,valid_until,name,email\np-c,${long},3,1-5,self-asserted,,,,${long},x@y\n`,
      },
    ],
  ])("%s is refused per document (422 parse_failed), nothing stored", async (_what, init) => {
    const res = await rig.request("/v1/documents", init as RequestInit);
    const body = await res.json();
    expect(res.status).toBe(422);
    expect(body.documents[0].error.code).toBe("parse_failed");
    expect(body.totals.stored).toBe(0);
  });

  it("a JSON Resume skill over 500 characters is skipped with a warning, the rest stored", async () => {
    const resume = { basics: { name: "J", email: "j@x" }, skills: [{ name: long }, { name: "Python" }] };
    const res = await rig.request("/v1/documents", json(resume));
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.documents[0]).toMatchObject({ status: "stored", assertions: 1 });
    expect(body.documents[0].warnings.join(" ")).toMatch(/over the 500-character limit, skipped/);
  });
});
