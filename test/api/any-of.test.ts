/**
 * "Docker or Kubernetes" through the API: one requirement any one of which meets it, whether pasted
 * in a job description or sent as `alternatives`, on every backend, and kept by saved positions.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADA, ADA_CERT, BACKENDS, BO, CY, json, makeRig, type TestRig } from "./fixture.ts";

describe.each(BACKENDS)("any-of requirements on the %s backend", (_name, backend) => {
  let rig: TestRig;
  beforeAll(async () => {
    rig = await makeRig(backend);
    await rig.request("/v1/documents", json([ADA, ADA_CERT, BO, CY]));
  });
  afterAll(() => rig.close());

  const call = async (path: string, body: unknown) => {
    const res = await rig.request(path, json(body));
    return { status: res.status, body: await res.json() };
  };
  const qualified = (page: { results: { candidateId: string; qualified: boolean }[] }) =>
    page.results.filter((r) => r.qualified).map((r) => r.candidateId);

  it("qualifies who holds one alternative of a pasted 'Docker or Kubernetes', and says by which", async () => {
    const { status, body } = await call("/v1/match", {
      jobDescription: "Platform Engineer\n\nRequirements:\n- Experience with Docker or Kubernetes\n",
    });
    expect(status).toBe(200);
    // the title's occupation adds preferred skills; the one the text demands is the any-of
    expect(body.requirements.filter((r: { required: boolean }) => r.required)).toEqual([
      expect.objectContaining({
        conceptId: "cloud.docker",
        alternatives: ["cloud.kubernetes"],
        label: "Docker or Kubernetes",
        required: true,
      }),
    ]);
    // Bo claims Docker; Ada's Kubernetes certificate expired, so she holds neither
    expect(qualified(body)).toEqual(["p-bo"]);
    expect(body.results[0].explanation.requirements[0]).toMatchObject({
      outcome: "met",
      metBy: { conceptId: "cloud.docker", label: "Docker" },
    });
  });

  it("reads `alternatives` in a requirements list the same way, and scores as the held one alone", async () => {
    const anyOf = await call("/v1/match", {
      requirements: [{ concept: "Docker", alternatives: ["Kubernetes"], required: true, weight: 2 }],
    });
    const alone = await call("/v1/match", {
      requirements: [{ concept: "Docker", required: true, weight: 2 }],
    });
    expect(qualified(anyOf.body)).toEqual(["p-bo"]);
    expect(anyOf.body.results[0].score).toBe(alone.body.results[0].score);
  });

  it("refuses an empty list of alternatives, or more than ten, as invalid input", async () => {
    const empty = await call("/v1/match", { requirements: [{ concept: "Docker", alternatives: [] }] });
    const many = await call("/v1/match", {
      requirements: [{ concept: "Docker", alternatives: Array.from({ length: 11 }, (_, i) => `skill ${i}`) }],
    });
    expect([empty.status, many.status]).toEqual([400, 400]);
    expect(empty.body.error.code).toBe("invalid_input");
  });

  it("reports an alternative that does not resolve, and keeps the others", async () => {
    const { body } = await call("/v1/match", {
      requirements: [{ concept: "Docker", alternatives: ["Qwxzyv"], required: true }],
    });
    expect(body.unresolved).toEqual(["Qwxzyv"]);
    expect(body.requirements).toEqual([
      expect.objectContaining({ conceptId: "cloud.docker", label: "Docker" }),
    ]);
    expect(body.requirements[0].alternatives).toBeUndefined();
  });

  it("keeps a saved position's alternatives", async () => {
    const saved = await call("/v1/positions", {
      id: "platform",
      requirements: [{ concept: "Docker", alternatives: ["Kubernetes"], required: true }],
    });
    expect(saved.status).toBe(201);
    const read = await (await rig.request("/v1/positions/platform")).json();
    expect(read.requirements).toEqual([
      expect.objectContaining({ conceptId: "cloud.docker", alternatives: ["cloud.kubernetes"] }),
    ]);
    expect(read.name).toBe("Docker or Kubernetes");
  });

  describe("the pages", () => {
    const html = async (path: string, init?: RequestInit) => {
      const res = await rig.request(path, init);
      return { status: res.status, location: res.headers.get("location"), text: await res.text() };
    };

    it("carry a pasted any-of into the match link, show it as one chip, and explain who meets it by what", async () => {
      const form = new URLSearchParams({
        jd: "Platform Engineer\n\nRequirements:\n- Experience with Docker or Kubernetes\n",
      });
      const posted = await html("/match", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form.toString(),
      });
      expect(posted.status).toBe(303);
      const link = new URL(posted.location ?? "", "http://x");
      expect(link.searchParams.getAll("anyof")).toEqual(["cloud.docker|cloud.kubernetes"]);

      const match = await html(`${link.pathname}${link.search}`);
      expect(match.status).toBe(200);
      expect(match.text).toContain("<strong>Docker or Kubernetes</strong>");
      expect(match.text).toContain('name="anyof" value="cloud.docker|cloud.kubernetes"');

      const explain = await html(`/explain?candidate=p-bo&${link.search.slice(1)}`);
      expect(explain.status).toBe(200);
      expect(explain.text).toContain("Any one of Docker or Kubernetes meets it: met by Docker");
    });
  });
});
