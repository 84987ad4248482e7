import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADA, BO, CY, json, makeRig, type TestRig } from "./fixture.ts";

let rig: TestRig;

beforeAll(async () => {
  rig = await makeRig();
  await rig.engine.ingest([ADA, BO, CY].map((d, i) => ({ name: `doc${i}`, content: d })));
});
afterAll(() => rig.close());

describe("POST /v1/positions/analyse", () => {
  it("counts who qualifies and what each required requirement costs, bottleneck first", async () => {
    const res = await rig.request(
      "/v1/positions/analyse",
      json({
        requirements: [
          { concept: "Python", minLevel: 4, required: true },
          { concept: "Docker", required: false },
        ],
      }),
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    // Ada: employer-attested advanced Python; Bo: self-claimed working; Cy: no Python at all
    expect(body.population).toBe(3);
    expect(body.qualified).toBe(1);
    expect(body.preferred).toEqual(["Docker"]);
    expect(body.costs).toHaveLength(1);
    expect(body.costs[0]).toMatchObject({
      label: "Python",
      minLevel: 4,
      otherwiseQualified: 3,
      removes: 2,
      ifDropped: 3,
      ifPreferred: 3,
      ifLowered: { minLevel: 3, qualified: 1 },
    });
    expect(body.bottleneck).toBe("Python ≥ advanced removes 2 of 3 otherwise qualified people");
  });

  it("understands a pasted job description", async () => {
    const res = await rig.request(
      "/v1/positions/analyse",
      json({ jobDescription: "Backend developer\n\nRequirements:\n- Python\n- Docker" }),
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.costs.map((c: { label: string }) => c.label).sort()).toEqual(["Docker", "Python"]);
    expect(body.qualified).toBe(1); // Bo holds both
  });

  it("refuses a body without requirements with a stable code", async () => {
    const res = await rig.request("/v1/positions/analyse", json({ options: {} }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_input");
  });

  it("says which skills it did not understand", async () => {
    const res = await rig.request(
      "/v1/positions/analyse",
      json({ requirements: [{ concept: "zzqx-not-a-skill", required: true }] }),
    );
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe("unknown_concept");
  });
});
