import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SCORING } from "../../src/scoring/config.ts";
import { meetsProbability, trust } from "../../src/scoring/factors.ts";
import { ADA, ADA_CERT, BACKENDS, BO, CY, json, makeRig, type TestRig } from "./fixture.ts";

describe.each(BACKENDS)("on the %s backend", (_name, backend) => {
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
  const ids = (page: { results: { candidateId: string }[] }) => page.results.map((r) => r.candidateId);

  describe("POST /v1/match", () => {
    it("ranks qualified candidates and drops those under a required threshold", async () => {
      const { status, body } = await call("/v1/match", {
        requirements: [{ concept: "sw.python", minLevel: 3, required: true }],
      });
      expect(status).toBe(200);
      expect(ids(body)).toEqual(["p-ada"]);
      // one employer record, advanced for ≥ practitioner, practised today: floor + (1 − floor)·C·Q
      const floor = DEFAULT_SCORING.directFloor;
      const c = trust("employer-record", DEFAULT_SCORING);
      const q = meetsProbability(4, 3, "employer-record", DEFAULT_SCORING);
      expect(body.results[0].score).toBeCloseTo(floor + (1 - floor) * c * q, 12);
    });

    it("lists disqualified candidates after the qualified ones when partial matches are asked for", async () => {
      const { body } = await call("/v1/match", {
        requirements: [{ concept: "sw.python", minLevel: 3, required: true }],
        options: { includePartial: true },
      });
      // Bo claims Python at working level: direct evidence below the bar is partly met, and still
      // ranks above anyone whose only evidence is a related skill (Cy's JavaScript, if measured)
      const order = ids(body);
      expect(order.slice(0, 2)).toEqual(["p-ada", "p-bo"]);
      expect(body.results[1]).toMatchObject({ qualified: false, rank: 2, unmetRequired: 1 });
      expect(body.results[1].explanation.requirements[0]).toMatchObject({
        basis: "direct",
        outcome: "partial",
      });
      for (const r of body.results.slice(2)) expect(r.score).toBeLessThan(body.results[1].score);
    });

    it("explains each requirement with contributions that add up to the score", async () => {
      const { body } = await call("/v1/match", {
        requirements: [{ concept: "sw.python" }, { concept: "sw.postgresql", weight: 2 }],
      });
      const ada = body.results.find((r: { candidateId: string }) => r.candidateId === "p-ada");
      const sum = ada.explanation.requirements.reduce(
        (s: number, r: { contribution: number }) => s + r.contribution,
        0,
      );
      expect(sum).toBe(ada.score);
      expect(ada.explanation.requirements[0].best).toMatchObject({
        skillText: "Python",
        rawLevel: "advanced",
        level: 4,
      });
      expect(ada.explanation.summary).toEqual(expect.any(String));
    });

    it("lists expired evidence as not counted", async () => {
      const { body } = await call("/v1/match", {
        requirements: [{ concept: "cloud.kubernetes" }, { concept: "sw.python" }],
      });
      const ada = body.results.find((r: { candidateId: string }) => r.candidateId === "p-ada");
      expect(ada.explanation.excluded).toEqual([
        expect.objectContaining({ skillText: "Kubernetes", reason: "expired" }),
      ]);
      expect(ada.explanation.requirements[0]).toMatchObject({ outcome: "missing", contribution: 0 });
    });

    it("resolves requirement text through the taxonomy", async () => {
      const { body } = await call("/v1/match", { requirements: [{ concept: "JS" }] });
      expect(body.requirements).toEqual([expect.objectContaining({ conceptId: "sw.javascript" })]);
      expect(ids(body)[0]).toBe("p-cy");
    });

    it("understands a pasted job description", async () => {
      const { status, body } = await call("/v1/match", {
        jobDescription: "Data Engineer\n\nRequirements:\n- Strong Python skills\n- PostgreSQL\n",
      });
      expect(status).toBe(200);
      expect(body.requirements.map((r: { conceptId: string }) => r.conceptId)).toEqual(
        expect.arrayContaining(["sw.python", "sw.postgresql"]),
      );
      expect(body.jobDescription.requirements.length).toBeGreaterThanOrEqual(2);
      expect(ids(body)[0]).toBe("p-ada");
    });

    it("ranks a job description exactly as the requirements it was understood as", async () => {
      const jobDescription = "Data Engineer\n\nRequirements:\n- Strong Python skills\n- PostgreSQL\n";
      const pasted = await call("/v1/match", { jobDescription });
      const asList = await call("/v1/match", {
        requirements: pasted.body.requirements.map(
          (r: { conceptId: string; minLevel: number | null; weight: number; required: boolean }) => ({
            concept: r.conceptId,
            minLevel: r.minLevel,
            weight: r.weight,
            required: r.required,
          }),
        ),
      });
      expect(asList.body.requirements).toEqual(pasted.body.requirements);
      expect(asList.body.results).toEqual(pasted.body.results);
    });

    it("leaves one audit row per person on the page, under the key and the request id", async () => {
      const requestId = `audit-${_name}`;
      const res = await rig.request("/v1/match", {
        ...json({ requirements: [{ concept: "sw.python" }], options: { includePartial: true } }),
        headers: { "content-type": "application/json", "x-request-id": requestId },
      });
      const served = ids(await res.json());
      expect(served.length).toBeGreaterThan(1);
      for (const person of [...served, "p-nobody"]) {
        const rows = rig.engine.access.auditOf(person).entries.filter((e) => e.requestId === requestId);
        expect(rows).toEqual(
          served.includes(person)
            ? [expect.objectContaining({ action: "match", keyName: "test-admin" })]
            : [],
        );
      }
    });

    it("answers 400 with the zod issue paths for an invalid body", async () => {
      const { status, body } = await call("/v1/match", {
        requirements: [{ concept: "sw.python", minLevel: 9 }],
      });
      expect(status).toBe(400);
      expect(body.error.code).toBe("invalid_input");
      expect(body.error.details[0].path).toEqual(["requirements", "0", "minLevel"]);
    });

    it("answers 422 unknown_concept when nothing resolves", async () => {
      const { status, body } = await call("/v1/match", {
        requirements: [{ concept: "underwater basket weaving" }],
      });
      expect(status).toBe(422);
      expect(body.error).toMatchObject({
        code: "unknown_concept",
        details: { unresolved: ["underwater basket weaving"] },
      });
    });
  });

  describe("POST /v1/search", () => {
    it("treats a required skill with a level as an exact filter", async () => {
      const { body } = await call("/v1/search", {
        requirements: [{ concept: "sw.python", minLevel: 2, required: true }],
      });
      // Bo's self-claimed working level passes the filter; Ada's employer record ranks first
      expect(ids(body)).toEqual(["p-ada", "p-bo"]);
      expect(body.results.every((r: { qualified: boolean }) => r.qualified)).toBe(true);
    });

    it("filters to verified evidence only when asked", async () => {
      const { body } = await call("/v1/search", {
        requirements: [{ concept: "sw.python", minLevel: 1, required: true }],
        options: { verifiedOnly: true },
      });
      expect(ids(body)).toEqual([]);
    });
  });

  describe("POST /v1/explain", () => {
    it("explains a candidate who would not qualify", async () => {
      const { status, body } = await call("/v1/explain", {
        candidateId: "p-bo",
        position: { requirements: [{ concept: "sw.python", minLevel: 3, required: true }] },
      });
      expect(status).toBe(200);
      expect(body).toMatchObject({ candidateId: "p-bo", qualified: false });
      expect(body.explanation.disqualifiedBy).toEqual(["Python"]);
    });

    it("answers 404 for an unknown candidate", async () => {
      const { status, body } = await call("/v1/explain", {
        candidateId: "nobody",
        position: { requirements: [{ concept: "sw.python" }] },
      });
      expect(status).toBe(404);
      expect(body.error.code).toBe("not_found");
    });
  });

  /** "Docker or Kubernetes": one requirement any one of which meets it, pasted or sent as `alternatives`. */
  describe("any-of requirements", () => {
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
        requirements: [
          { concept: "Docker", alternatives: Array.from({ length: 11 }, (_, i) => `skill ${i}`) },
        ],
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
});
