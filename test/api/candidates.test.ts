import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADA, ADA_CERT, BO, errorOf, json, makeRig, type TestRig } from "./fixture.ts";

let rig: TestRig;
beforeEach(async () => {
  rig = await makeRig();
  await rig.request("/v1/documents", json([ADA, ADA_CERT, BO]));
});
afterEach(() => rig.close());

describe("GET /v1/candidates/:id", () => {
  it("returns the normalised profile with its evidence and documents", async () => {
    const res = await rig.request("/v1/candidates/p-ada");
    expect(res.status).toBe(200);
    const profile = await res.json();
    expect(profile.candidate).toMatchObject({ id: "p-ada", name: "Ada Lovelace", location: "London" });
    expect(profile.documents.map((d: { id: string }) => d.id).sort()).toEqual(["doc-ada-1", "doc-ada-k8s"]);
    const python = profile.skills.find((s: { conceptId: string }) => s.conceptId === "sw.python");
    expect(python).toMatchObject({ label: "Python", level: 4 });
    expect(python.evidence[0]).toMatchObject({
      skillText: "Python",
      rawLevel: "advanced",
      sourceKind: "employer-record",
    });
  });

  it("says of each piece of evidence whether it counts now, and why not", async () => {
    const profile = await (await rig.request("/v1/candidates/p-ada")).json();
    const excludedOf = (conceptId: string) =>
      profile.skills
        .find((s: { conceptId: string }) => s.conceptId === conceptId)
        .evidence.map((e: { excluded: string | null }) => e.excluded);
    expect(excludedOf("sw.python")).toEqual([null]);
    expect(excludedOf("cloud.kubernetes")).toEqual(["expired"]);
  });

  it("answers 404 not_found for an unknown id", async () => {
    const res = await rig.request("/v1/candidates/nobody");
    expect(await errorOf(res)).toEqual({ status: 404, code: "not_found" });
  });
});

describe("DELETE /v1/candidates/:id", () => {
  it("removes the candidate from the store and from search", async () => {
    expect((await rig.request("/v1/candidates/p-ada", { method: "DELETE" })).status).toBe(200);
    expect((await rig.request("/v1/candidates/p-ada")).status).toBe(404);
    const page = await (
      await rig.request("/v1/match", json({ requirements: [{ concept: "sw.python" }] }))
    ).json();
    expect(page.results.map((r: { candidateId: string }) => r.candidateId)).toEqual(["p-bo"]);
  });

  it("answers 404 for an unknown candidate", async () => {
    const res = await rig.request("/v1/candidates/nobody", { method: "DELETE" });
    expect(await errorOf(res)).toEqual({ status: 404, code: "not_found" });
  });
});
