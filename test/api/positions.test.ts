import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADA, ADA_CERT, BO, CY, errorOf, json, makeRig, NOW, type TestRig } from "./fixture.ts";

let rig: TestRig;
beforeEach(async () => {
  rig = await makeRig();
  await rig.request("/v1/documents", json([ADA, ADA_CERT, BO, CY]));
});
afterEach(() => rig.close());

const DATA_ENGINEER = {
  id: "data-eng",
  name: "Data engineer",
  requirements: [
    { concept: "PostgreSQL", minLevel: 4, required: true },
    { concept: "Python", minLevel: 3 },
    { concept: "Kubernetes" },
    { concept: "Quantum basket weaving" },
  ],
};

describe("saved positions", () => {
  it("saves requirements resolved to known skills, timed by the engine clock", async () => {
    const res = await rig.request("/v1/positions", json(DATA_ENGINEER));
    expect(res.status).toBe(201);
    const saved = await res.json();
    expect(saved).toMatchObject({
      id: "data-eng",
      name: "Data engineer",
      jobDescription: null,
      unresolved: ["Quantum basket weaving"],
      createdAt: new Date(NOW).toISOString(),
    });
    expect(saved.requirements.map((r: { conceptId: string }) => r.conceptId)).toEqual([
      "sw.postgresql",
      "sw.python",
      "cloud.kubernetes",
    ]);
    expect(saved.requirements[0]).toMatchObject({ minLevel: 4, required: true });
  });

  it("understands a pasted job description the way a match does, and keeps the text", async () => {
    const jobDescription =
      "Backend Engineer\n\nRequirements:\n- 3+ years of Python\n- Strong PostgreSQL\n\nNice to have: Docker";
    const saved = await (await rig.request("/v1/positions", json({ jobDescription }))).json();
    expect(saved.jobDescription).toBe(jobDescription);
    expect(saved.name).toBe("Backend Engineer");
    const concepts = saved.requirements.map((r: { conceptId: string }) => r.conceptId);
    expect(concepts).toEqual(expect.arrayContaining(["sw.python", "sw.postgresql", "cloud.docker"]));
    expect(saved.id).toMatch(/^pos-/);
  });

  it("lists, reads and deletes them", async () => {
    await rig.request("/v1/positions", json(DATA_ENGINEER));
    await rig.request("/v1/positions", json({ id: "js", requirements: [{ concept: "JavaScript" }] }));
    const list = await (await rig.request("/v1/positions")).json();
    expect(list.positions.map((p: { id: string }) => p.id)).toEqual(["data-eng", "js"]);
    expect((await (await rig.request("/v1/positions/js")).json()).name).toBe("JavaScript");
    expect((await rig.request("/v1/positions/js", { method: "DELETE" })).status).toBe(204);
    expect((await rig.request("/v1/positions/js")).status).toBe(404);
    expect(await rig.engine.listPositions()).toHaveLength(1);
  });

  it("rejects bad input with a stable code and stores nothing", async () => {
    const cases: [unknown, number, string][] = [
      [{ name: "nothing asked" }, 400, "invalid_input"],
      [{ id: "has space", requirements: [{ concept: "Python" }] }, 400, "invalid_input"],
      [{ requirements: [{ concept: "Quantum basket weaving" }] }, 422, "unknown_concept"],
    ];
    for (const [body, status, code] of cases) {
      const res = await rig.request("/v1/positions", json(body));
      expect(res.status).toBe(status);
      expect((await res.json()).error.code).toBe(code);
    }
    expect(await rig.engine.listPositions()).toEqual([]);
  });

  it("never overwrites a saved position: a taken id is a conflict", async () => {
    await rig.request("/v1/positions", json(DATA_ENGINEER));
    const res = await rig.request("/v1/positions", json({ ...DATA_ENGINEER, name: "Other" }));
    expect(res.status).toBe(409);
    expect((await rig.engine.getPosition("data-eng")).name).toBe("Data engineer");
  });

  it("answers 404 not_found for an unknown position", async () => {
    for (const init of [undefined, { method: "DELETE" }]) {
      const res = await rig.request("/v1/positions/nope", init);
      expect(await errorOf(res)).toEqual({ status: 404, code: "not_found" });
    }
  });
});
