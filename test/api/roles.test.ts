import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADA, ADA_CERT, BO, CY, errorOf, json, makeRig, type TestRig } from "./fixture.ts";

let rig: TestRig;
beforeEach(async () => {
  rig = await makeRig();
  await rig.request("/v1/documents", json([ADA, ADA_CERT, BO, CY]));
  await rig.request(
    "/v1/positions",
    json({
      id: "py-data",
      name: "Python data developer",
      requirements: [
        { concept: "Python", minLevel: 3 },
        { concept: "PostgreSQL", minLevel: 4 },
        { concept: "Kubernetes" },
      ],
    }),
  );
});
afterEach(() => rig.close());

describe("POST /v1/people/:id/roles", () => {
  it("ranks occupations and saved positions with a match's explanation and the gap to each", async () => {
    const res = await rig.request("/v1/people/p-ada/roles", json({ limit: 50 }));
    expect(res.status).toBe(200);
    const page = await res.json();
    expect(page).toMatchObject({ candidateId: "p-ada", name: "Ada Lovelace" });
    expect(page.roles.some((r: { kind: string }) => r.kind === "occupation")).toBe(true);
    const saved = page.roles.find((r: { id: string }) => r.id === "py-data");
    const match = await rig.engine.explain("p-ada", {
      requirements: [
        { concept: "sw.python", minLevel: 3 },
        { concept: "sw.postgresql", minLevel: 4 },
        { concept: "cloud.kubernetes" },
      ],
    });
    expect(saved.score).toBe(match.score);
    expect(saved.explanation).toEqual(match.explanation);
    expect(saved.gaps.map((g: { label: string }) => g.label).sort()).toEqual(["Kubernetes", "PostgreSQL"]);
    const postgres = saved.gaps.find((g: { label: string }) => g.label === "PostgreSQL");
    expect(postgres).toMatchObject({ outcome: "partial", nearest: { label: "PostgreSQL", level: 3 } });
    expect(postgres.note).toMatch(/^has PostgreSQL at practitioner; PostgreSQL would add \d+ points$/);
    for (let i = 1; i < page.roles.length; i++) expect(page.roles[i].rank).toBe(i + 1);
  });

  it("limits the roles and the gaps, and can rank saved positions only", async () => {
    const page = await (
      await rig.request("/v1/people/p-ada/roles", json({ kinds: ["position"], limit: 1, gaps: 1 }))
    ).json();
    expect(page.roles).toHaveLength(1);
    expect(page.roles[0]).toMatchObject({ kind: "position", id: "py-data", source: "saved" });
    expect(page.roles[0].gaps).toHaveLength(1);
  });

  it("answers 404 for an unknown person and 400 for bad options", async () => {
    const unknown = await rig.request("/v1/people/nobody/roles", json({}));
    expect(await errorOf(unknown)).toEqual({ status: 404, code: "not_found" });
    const bad = await rig.request("/v1/people/p-ada/roles", json({ limit: 0 }));
    expect(await errorOf(bad)).toEqual({ status: 400, code: "invalid_input" });
  });
});

describe("POST /v1/gaps", () => {
  it("counts who meets, partly meets or lacks each requirement of a saved position", async () => {
    const res = await rig.request(
      "/v1/gaps",
      json({ people: { all: true }, target: { positionId: "py-data" } }),
    );
    expect(res.status).toBe(200);
    const gap = await res.json();
    expect(gap.target).toEqual({ kind: "position", id: "py-data", label: "Python data developer" });
    expect(gap.people).toBe(3);
    const python = gap.requirements.find((r: { label: string }) => r.label === "Python");
    // Ada: advanced from her employer; Bo: working, self-asserted; Cy: nothing
    expect([python.meet, python.partial, python.lack]).toEqual([1, 1, 1]);
    expect(python.bands).toMatchObject({ "no evidence": 1, working: 1, advanced: 1 });
    expect(python.closest.map((p: { candidateId: string }) => p.candidateId)).toEqual(["p-bo", "p-cy"]);
  });

  it("takes people by id or by a recruiter search, and a target as requirements or an occupation", async () => {
    const byIds = await (
      await rig.request(
        "/v1/gaps",
        json({ people: { ids: ["p-ada", "p-bo"] }, target: { requirements: [{ concept: "Docker" }] } }),
      )
    ).json();
    expect(byIds.people).toBe(2);
    expect(byIds.requirements[0]).toMatchObject({ label: "Docker", meet: 1 });
    const bySearch = await (
      await rig.request(
        "/v1/gaps",
        json({
          people: { search: { requirements: [{ concept: "Python", required: true }] } },
          target: { occupationId: "occ.software-developer" },
        }),
      )
    ).json();
    expect(bySearch.people).toBe(2);
    expect(bySearch.target).toMatchObject({ kind: "occupation", label: "Software developer" });
  });

  it("answers 404 for an unknown person, position or occupation", async () => {
    for (const body of [
      { people: { ids: ["p-ada", "nobody"] }, target: { positionId: "py-data" } },
      { people: { all: true }, target: { positionId: "nope" } },
      { people: { all: true }, target: { occupationId: "occ.nope" } },
    ]) {
      const res = await rig.request("/v1/gaps", json(body));
      expect(await errorOf(res)).toEqual({ status: 404, code: "not_found" });
    }
  });
});
