/**
 * A page link or form a person got wrong renders an HTML page with a 4xx status and a message
 * they can act on, never a 500 or "Something went wrong".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADA, json, makeRig, type TestRig } from "./fixture.ts";

let rig: TestRig;
beforeAll(async () => {
  rig = await makeRig({ limits: { maxBodyBytes: 64 * 1024, maxDocuments: 100 } });
  await rig.request("/v1/documents", json(ADA));
});
afterAll(() => rig.close());

const page = async (path: string, init?: RequestInit) => {
  const res = await rig.request(path, init);
  const html = await res.text();
  expect(res.headers.get("content-type")).toContain("text/html");
  expect(html).not.toContain("Something went wrong");
  return { status: res.status, html };
};

const skills = (names: string[]) => names.map((s) => `skill=${encodeURIComponent(s)}`).join("&");

describe("GET /match and /search with a link past their limits", () => {
  it("answers a page past the last with 400 and names the last page", async () => {
    const { status, html } = await page("/match?skill=sw.python&page=99999999");
    expect(status).toBe(400);
    expect(html).toContain("Page 99999999 is past the last page that can be shown (5001)");
  });

  it("answers a 300-character skill with 400 and the length limit", async () => {
    const { status, html } = await page(`/match?${skills(["x".repeat(300)])}`);
    expect(status).toBe(400);
    expect(html).toContain("A skill name is at most 200 characters");
  });

  it("answers 150 skills with 400 and the count limit", async () => {
    const many = Array.from({ length: 150 }, (_, i) => `skill ${i}`);
    const { status, html } = await page(`/match?${skills(many)}`);
    expect(status).toBe(400);
    expect(html).toContain("This link asks for 150 skills; at most 100 can be matched at once");
  });

  it("answers ?within=1000 on the search page with 400 and the years limit", async () => {
    const { status, html } = await page("/search?skill=sw.python&within=1000");
    expect(status).toBe(400);
    expect(html).toContain("is at most 100 years");
  });

  it("answers the same limits on the explain page with 400", async () => {
    expect((await page("/explain?candidate=p-ada&skill=sw.python&within=1000")).status).toBe(400);
  });

  it("still reads an unreadable page number as the first page", async () => {
    expect((await page("/match?skill=sw.python&page=abc")).status).toBe(200);
  });

  it("answers a skill the taxonomy does not know with its catalogued 422", async () => {
    expect((await page("/match?skill=basket-weaving-underwater")).status).toBe(422);
  });
});

describe("POST /match (the job description form)", () => {
  const form = (type: string, body: string): RequestInit => ({
    method: "POST",
    headers: { "content-type": type },
    body,
  });

  it("answers a form over the body limit with a 413 page", async () => {
    const { status, html } = await page(
      "/match",
      form("application/x-www-form-urlencoded", `jd=${"a".repeat(65 * 1024)}`),
    );
    expect(status).toBe(413);
    expect(html).toContain("65536-byte limit");
  });

  it("answers a multipart form whose boundary does not match with a 400 page", async () => {
    const body = '--other\r\nContent-Disposition: form-data; name="jd"\r\n\r\nPython\r\n--other--';
    const { status, html } = await page("/match", form("multipart/form-data; boundary=expected", body));
    expect(status).toBe(400);
    expect(html).toContain("could not be read as a form");
  });

  it("answers a job description naming too many skills with a 422 page that keeps the text", async () => {
    const labels = [...rig.engine.taxonomy.all()].slice(0, 200).map((c) => c.label);
    const jd = `Requirements:\n${labels.map((l) => `- ${l}`).join("\n")}`;
    const { status, html } = await page(
      "/match",
      form("application/x-www-form-urlencoded", `jd=${encodeURIComponent(jd)}`),
    );
    expect(status).toBe(422);
    expect(html).toMatch(/names \d+ skills; a match takes at most 100/);
    expect(html).toContain(labels[0]);
  });
});
