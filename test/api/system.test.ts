import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTE_SCOPES } from "../../api/security/route-scopes.ts";
import { errorOf, json, makeRig, type TestRig } from "./fixture.ts";

let rig: TestRig;
beforeAll(async () => {
  rig = await makeRig();
});
afterAll(() => rig.close());

describe("system routes", () => {
  it("GET /health reports the backend and its state", async () => {
    const res = await rig.request("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", backend: "embedded", candidates: 0 });
  });

  it("GET /openapi.json describes every API route the route table guards, and /health", async () => {
    const doc = await (await rig.request("/openapi.json")).json();
    const apiRoutes = Object.keys(ROUTE_SCOPES)
      .map((route) => route.split(" ")[1]!)
      .filter((path) => path.startsWith("/v1/") || path === "/health")
      .map((path) => path.replace(/:(\w+)/g, "{$1}"));
    expect(Object.keys(doc.paths).sort()).toEqual([...new Set(apiRoutes)].sort());
  });

  it("GET /docs renders the OpenAPI document as a page", async () => {
    const res = await rig.request("/docs");
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain("/v1/match");
  });

  it("an unknown route is a JSON 404", async () => {
    const res = await rig.request("/v1/nothing-here");
    expect(await errorOf(res)).toEqual({ status: 404, code: "not_found" });
  });
});

describe("concepts", () => {
  it("GET /v1/concepts autocompletes from labels and aliases", async () => {
    const body = await (await rig.request("/v1/concepts?q=postgres&limit=3")).json();
    expect(body.concepts[0]).toMatchObject({ id: "sw.postgresql", label: "PostgreSQL" });
  });

  it("GET /v1/concepts without q is a 400 naming the parameter", async () => {
    const res = await rig.request("/v1/concepts");
    expect(res.status).toBe(400);
    expect((await res.json()).error.details[0].path).toEqual(["q"]);
  });

  it("GET /v1/concepts/:id returns one concept, 404 when unknown", async () => {
    expect((await (await rig.request("/v1/concepts/sw.python")).json()).label).toBe("Python");
    expect((await rig.request("/v1/concepts/sw.nothing")).status).toBe(404);
  });
});

describe("POST /v1/parse-jd", () => {
  it("returns requirements with offsets into the text", async () => {
    const text = "Backend Engineer\n\nMust have:\n- Python\n\nNice to have:\n- Docker";
    const body = await (await rig.request("/v1/parse-jd", json({ text }))).json();
    const python = body.requirements.find((r: { conceptId: string }) => r.conceptId === "sw.python");
    expect(text.slice(python.start, python.end)).toBe(python.phrase);
    expect(python.required).toBe(true);
  });
});
