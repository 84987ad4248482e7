import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADA, BO, CY, errorOf, json, makeRig, type TestRig } from "./fixture.ts";

let rig: TestRig;

/** Ada holds a bachelor's in mathematics; Bo a master's in computer science; Cy none on record. */
/** The position both the API and the match page's panel are asked about. */
const PYTHON_REQUIRED_DOCKER_PREFERRED = {
  requirements: [
    { concept: "Python", minLevel: 4, required: true },
    { concept: "Docker", required: false },
  ],
};

const degree = (personId: string, type: string, name: string, field: string) => ({
  "@context": [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
  ],
  id: `urn:test:degree:${personId}`,
  type: ["VerifiableCredential", "OpenBadgeCredential"],
  issuer: { id: "urn:test:uni", type: ["Profile"], name: "Test University" },
  validFrom: "2015-06-30T00:00:00Z",
  name,
  credentialSubject: {
    id: personId,
    type: ["AchievementSubject"],
    achievement: {
      id: `urn:test:a:${type}`,
      type: ["Achievement"],
      achievementType: type,
      name,
      fieldOfStudy: field,
    },
  },
});

beforeAll(async () => {
  rig = await makeRig();
  const docs = [
    ADA,
    BO,
    CY,
    degree("p-ada", "BachelorDegree", "Bachelor of Science in Mathematics", "Mathematics"),
    degree("p-bo", "MasterDegree", "Master of Science in Computer Science", "Computer Science"),
  ];
  await rig.engine.ingest(docs.map((d, i) => ({ name: `doc${i}`, content: d })));
});
afterAll(() => rig.close());

describe("POST /v1/positions/analyse", () => {
  it("counts who qualifies and what each required requirement costs, bottleneck first", async () => {
    const res = await rig.request("/v1/positions/analyse", json(PYTHON_REQUIRED_DOCKER_PREFERRED));
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

  it("weighs a degree against the skills: who meets every skill but holds no such degree", async () => {
    const res = await rig.request(
      "/v1/positions/analyse",
      json({
        requirements: [{ concept: "Python", required: true }],
        education: [{ level: "bachelor", field: "Computer Science", orEquivalent: true }],
      }),
    );
    expect(res.status).toBe(200);
    const [cs] = (await res.json()).education;
    // Ada and Bo know Python; only Bo's master's is in computer science
    expect(cs).toMatchObject({ holders: 1, skillsQualified: 2, withDegree: 1, skillsFirst: 1 });
    expect(cs.sentence).toBe(
      "1 of 2 people who meet every skill requirement hold no bachelor's in computer science on record; " +
        "the position accepts equivalent experience, so they stay in",
    );
  });

  it("reads the degree a job description asks for", async () => {
    const res = await rig.request(
      "/v1/positions/analyse",
      json({ jobDescription: "Analyst\n\nRequirements:\n- Python\n- Bachelor's degree in Mathematics" }),
    );
    const [maths] = (await res.json()).education;
    expect(maths).toMatchObject({
      level: "bachelor",
      field: "mathematics",
      orEquivalent: false,
      withDegree: 1,
    });
  });

  it("refuses an education requirement at an unknown level", async () => {
    const res = await rig.request(
      "/v1/positions/analyse",
      json({ requirements: [{ concept: "Python" }], education: [{ level: "apprentice" }] }),
    );
    expect(await errorOf(res)).toEqual({ status: 400, code: "invalid_input" });
  });

  it("refuses a body without requirements with a stable code", async () => {
    const res = await rig.request("/v1/positions/analyse", json({ options: {} }));
    expect(await errorOf(res)).toEqual({ status: 400, code: "invalid_input" });
  });

  it("says which skills it did not understand", async () => {
    const res = await rig.request(
      "/v1/positions/analyse",
      json({ requirements: [{ concept: "zzqx-not-a-skill", required: true }] }),
    );
    expect(await errorOf(res)).toEqual({ status: 422, code: "unknown_concept" });
  });

  it("the match page's panel refreshes from the same query as the page, as the API counts", async () => {
    const page = await rig.request(
      "/match/analysis?skill=Python&level=4&need=required&skill=Docker&need=preferred",
    );
    expect(page.status).toBe(200);
    const api = await rig.request("/v1/positions/analyse", json(PYTHON_REQUIRED_DOCKER_PREFERRED));
    // the page weighs required skills double; the counts do not depend on weights
    const counts = ({ population, qualified, costs, bottleneck }: Record<string, unknown>) => ({
      population,
      qualified,
      costs,
      bottleneck,
    });
    expect(counts(await page.json())).toEqual(counts(await api.json()));
  });

  it("the panel's refresh needs a key that may match", async () => {
    const res = await rig.anonymous("/match/analysis?skill=Python&need=required");
    expect(res.status).not.toBe(200);
  });
});
