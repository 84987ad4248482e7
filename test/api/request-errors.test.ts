/**
 * Requests a client got wrong are answered with their catalogued 4xx and a stable code, never a
 * 500: bodies that are not JSON, not the content type a route takes, nested too deep, or asking
 * for more than a match can take.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADA, errorOf, json, makeRig, type TestRig } from "./fixture.ts";

let rig: TestRig;
beforeAll(async () => {
  rig = await makeRig();
  await rig.request("/v1/documents", json(ADA));
});
afterAll(() => rig.close());

const post = (path: string, type: string, body: string) =>
  rig.request(path, { method: "POST", headers: { "content-type": type }, body });

const JSON_ROUTES = [
  "/v1/match",
  "/v1/search",
  "/v1/explain",
  "/v1/parse-jd",
  "/v1/status-lists",
  "/v1/documents",
];

describe.each(JSON_ROUTES)("POST %s", (path) => {
  it("answers malformed JSON with 400 invalid_json", async () => {
    const res = await post(path, "application/json", '{"requirements": [');
    expect(await errorOf(res)).toEqual({ status: 400, code: "invalid_json" });
  });

  it("answers an empty JSON body with 400 invalid_input", async () => {
    expect(await errorOf(await post(path, "application/json", ""))).toEqual({
      status: 400,
      code: "invalid_input",
    });
  });

  it("answers JSON nested 5,000 deep with 400 invalid_input naming the depth limit", async () => {
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
    const res = await post(path, "application/json", `{"lists": [${deep}], "documents": [${deep}]}`);
    const body = await res.json();
    expect(res.status).toBe(400);
    expect(body.error).toMatchObject({ code: "invalid_input", details: { maxDepth: 64 } });
  });

  it("answers text/plain with 415 unsupported_media_type", async () => {
    const res = await post(path, "text/plain", '{"text": "Python"}');
    expect(await errorOf(res)).toEqual({ status: 415, code: "unsupported_media_type" });
  });
});

describe("a document nested deep inside an otherwise good batch", () => {
  it("is refused as a whole with 400 invalid_input before anything walks it", async () => {
    const deep = `${"[".repeat(5000)}"bottom"${"]".repeat(5000)}`;
    const batch = JSON.stringify([{ ...ADA, extra: "DEEP" }, ADA]).replace('"DEEP"', deep);
    const res = await post("/v1/documents", "application/json", batch);
    expect(await errorOf(res)).toEqual({ status: 400, code: "invalid_input" });
  });

  it("draws the line at 64 levels", async () => {
    const nestedTo = (levels: number) => {
      let value: unknown = {}; // the document is level 1, `extra` adds the rest
      for (let level = 3; level <= levels; level++) value = { value };
      return json({ ...ADA, extra: value });
    };
    expect((await rig.request("/v1/documents?dryRun=true", nestedTo(64))).status).toBe(200);
    expect((await rig.request("/v1/documents?dryRun=true", nestedTo(65))).status).toBe(400);
  });
});

describe("POST /v1/match with a job description naming too many skills", () => {
  it("answers 422 too_many_requirements with a readable message, not zod's JSON", async () => {
    const labels = [...rig.engine.taxonomy.all()].slice(0, 200).map((c) => c.label);
    const jobDescription = `Requirements:\n${labels.map((l) => `- ${l}`).join("\n")}`;
    const understood = rig.engine.parseJobDescription(jobDescription).requirements.length;
    expect(understood).toBeGreaterThan(100);

    const res = await rig.request("/v1/match", json({ jobDescription }));
    const body = await res.json();
    expect(res.status).toBe(422);
    expect(body.error).toMatchObject({
      code: "too_many_requirements",
      details: { requirements: understood, limit: 100 },
    });
    expect(body.error.message).toContain(`names ${understood} skills; a match takes at most 100`);
    expect(body.error.message).not.toContain("too_big");
  });
});

describe("POST /v1/documents", () => {
  it("answers a multipart body whose boundary does not match with 400 invalid_input", async () => {
    const body =
      '--other\r\nContent-Disposition: form-data; name="file"; filename="a.json"\r\n\r\n{}\r\n--other--';
    const res = await post("/v1/documents", "multipart/form-data; boundary=expected", body);
    expect(await errorOf(res)).toEqual({ status: 400, code: "invalid_input" });
  });

  it.each(["toString", "constructor", "__proto__", "nope"])(
    "answers ?format=%s with 400 invalid_input: formats are checked against the known list",
    async (format) => {
      const res = await rig.request(`/v1/documents?format=${format}`, json(ADA));
      const body = await res.json();
      expect(res.status).toBe(400);
      expect(body.error).toMatchObject({ code: "invalid_input", details: [{ path: ["format"] }] });
    },
  );

  it("still takes a known ?format= and an empty one", async () => {
    expect((await rig.request("/v1/documents?format=native&dryRun=true", json(ADA))).status).toBe(200);
    expect((await rig.request("/v1/documents?format=&dryRun=true", json(ADA))).status).toBe(200);
  });
});

describe("a key the route does not know", () => {
  const requirements = [{ concept: "sw.python" }];
  it.each([
    ["/v1/match", { requirements, limit: 5 }, "limit"],
    ["/v1/match", { requirements, options: { limt: 5 } }, "limt"],
    ["/v1/search", { requirements, explain: "none" }, "explain"],
    ["/v1/explain", { candidateId: "x", position: { requirements }, verbose: true }, "verbose"],
  ])("POST %s %j is 400 invalid_input naming the key, not silently ignored", async (path, body, key) => {
    const res = await post(path, "application/json", JSON.stringify(body));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("invalid_input");
    expect(error.message).toContain(key);
  });

  it("leaves `limit` inside options honoured", async () => {
    const res = await post(
      "/v1/match",
      "application/json",
      JSON.stringify({ requirements, options: { limit: 1 } }),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).results.length).toBeLessThanOrEqual(1);
  });
});
