/**
 * options.explain on POST /v1/match and /v1/search: the same ranked page, its explanations in
 * full (the default, the shape the API always answered with), summarised, or left out.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MatchResult,
  MatchResultSummary,
  RankedCandidate,
  type RequirementExplanation,
} from "../../src/domain/match.ts";
import { ADA, ADA_CERT, BACKENDS, BO, CY, json, makeRig, type TestRig } from "./fixture.ts";

const position = {
  requirements: [
    { concept: "sw.python", minLevel: 3, required: true },
    { concept: "cloud.kubernetes" },
    { concept: "sw.postgresql", weight: 2 },
  ],
};

/** A JSON call, with the size of its answer. */
async function callOn(rig: TestRig, path: string, body: unknown) {
  const res = await rig.request(path, json(body));
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text), bytes: text.length };
}

describe.each(BACKENDS)("on the %s backend", (_name, backend) => {
  let rig: TestRig;
  beforeAll(async () => {
    rig = await makeRig(backend);
    await rig.request("/v1/documents", json([ADA, ADA_CERT, BO, CY]));
  });
  afterAll(async () => await rig.close());

  const call = (path: string, body: unknown) => callOn(rig, path, body);
  const at = (path: string, explain?: string) =>
    call(path, { ...position, options: { includePartial: true, ...(explain && { explain }) } });

  const rankingKeys = (r: Record<string, unknown>) =>
    RankedCandidate.strict().parse(RankedCandidate.parse(r));

  describe.each(["/v1/match", "/v1/search"])("%s", (path) => {
    it("answers in full by default, as it always has, and says so", async () => {
      const byDefault = await at(path);
      const full = await at(path, "full");
      expect(byDefault.status).toBe(200);
      expect(byDefault.body.explain).toBe("full");
      expect(byDefault.body).toEqual(full.body);
      expect(byDefault.body.results.length).toBeGreaterThan(0);
      for (const r of byDefault.body.results) expect(MatchResult.strict().parse(r)).toEqual(r);
    });

    it("summarises each requirement with the full explanation's own figures and its best piece's headline", async () => {
      const full = (await at(path, "full")).body;
      const summary = (await at(path, "summary")).body;
      expect(summary.explain).toBe("summary");
      expect(summary).toMatchObject({
        requirements: full.requirements,
        total: full.total,
        totalExact: full.totalExact,
      });
      expect(summary.results.map(rankingKeys)).toEqual(full.results.map(rankingKeys));
      summary.results.forEach((s: MatchResultSummary, i: number) => {
        const f: MatchResult = full.results[i];
        expect(MatchResultSummary.strict().parse(s)).toEqual(s);
        const { requirements, excluded, ...rest } = f.explanation;
        expect(s.explanation).toEqual({
          ...rest,
          excludedCount: excluded.length,
          requirements: requirements.map((q: RequirementExplanation) => {
            const { evidence, setAside: _s, best, runnerUp: _r, ...verdict } = q;
            const headline = best && {
              assertionId: best.assertionId,
              documentId: best.documentId,
              conceptId: best.conceptId,
              conceptLabel: best.conceptLabel,
              skillText: best.skillText,
              rawLevel: best.rawLevel,
              level: best.level,
              sourceKind: best.sourceKind,
              verified: best.verified,
              verifiedBy: best.verifiedBy,
              issuer: best.issuer,
              date: best.date,
            };
            return { ...verdict, evidenceCount: evidence.length, best: headline };
          }),
        });
      });
    });

    it("leaves the explanations out at 'none', ranking the same people with the same scores", async () => {
      const full = await at(path, "full");
      const none = await at(path, "none");
      expect(none.body.explain).toBe("none");
      expect(none.body.results).toEqual(full.body.results.map(rankingKeys));
      expect([none.body.total, none.body.totalExact]).toEqual([full.body.total, full.body.totalExact]);
      expect(typeof full.body.totalExact).toBe("boolean");
      expect(none.bytes).toBeLessThan(full.bytes / 2);
    });

    it("answers 400 for an unknown level", async () => {
      const { status, body } = await at(path, "verbose");
      expect(status).toBe(400);
      expect(body.error.details[0].path).toEqual(["options", "explain"]);
    });
  });

  it("is as blind at every level: the same pseudonyms, scores and order", async () => {
    const blindAt = async (explain: string) =>
      (await call("/v1/match", { ...position, options: { includePartial: true, blind: true, explain } }))
        .body;
    const full = await blindAt("full");
    expect(full.results[0].candidateId).toMatch(/^blind-/);
    for (const level of ["summary", "none"])
      expect((await blindAt(level)).results.map(rankingKeys)).toEqual(full.results.map(rankingKeys));
  });

  it("counts set-aside evidence in a summary: Ada's expired Kubernetes certificate", async () => {
    const { body } = await at("/v1/match", "summary");
    const ada = body.results.find((r: { candidateId: string }) => r.candidateId === "p-ada");
    expect(ada.explanation.excludedCount).toBe(1);
    expect(ada.explanation.requirements[0]).toMatchObject({
      conceptId: "sw.python",
      outcome: "met",
      evidenceCount: 1,
      best: { skillText: "Python", level: 4, sourceKind: "employer-record" },
    });
  });

  it("describes options.explain and every page shape in the OpenAPI document", async () => {
    const doc = JSON.stringify(await (await rig.request("/openapi.json")).json());
    for (const word of ['"summary"', '"none"', '"excludedCount"', '"evidenceCount"'])
      expect(doc).toContain(word);
  });
});
