import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADA, BO, CY, errorOf, json, makeRig, type TestRig } from "./fixture.ts";

let rig: TestRig;

/** A portfolio Ada issued herself: the issuer names her. */
const ADA_PORTFOLIO = {
  format: "ler-match/v1",
  id: "doc-ada-portfolio",
  person: { id: "p-ada", name: "Ada Lovelace", email: "ada@example.org" },
  issuer: "Ada Lovelace Consulting",
  sourceKind: "employer-record",
  assertions: [
    { skill: "Python", level: "expert", lastPracticedAt: "2025-06", wherePracticed: "ada@example.org" },
  ],
};

const POSITION = { requirements: [{ concept: "Python", minLevel: 2 }, { concept: "Docker" }] };

beforeAll(async () => {
  rig = await makeRig();
  await rig.engine.ingest([ADA, ADA_PORTFOLIO, BO, CY].map((d, i) => ({ name: `doc${i}`, content: d })));
});
afterAll(() => rig.close());

const match = async (blind: boolean) =>
  (await rig.request("/v1/match", json({ ...POSITION, options: { blind } }))).json();

describe("a blind first look", () => {
  it("ranks the same people in the same order under stable pseudonyms", async () => {
    const [open, blind, again] = [await match(false), await match(true), await match(true)];
    expect(blind.results.map((r: { score: number }) => r.score)).toEqual(
      open.results.map((r: { score: number }) => r.score),
    );
    expect(blind.results.map((r: { name: string }) => r.name)).toEqual(
      again.results.map((r: { name: string }) => r.name),
    );
    for (const r of blind.results) {
      expect(r.name).toMatch(/^Candidate [0-9A-F]{6}$/);
      expect(r.candidateId).toMatch(/^blind-[0-9a-f]{16}$/);
    }
  });

  it("shows no name, e-mail, location, person id or issuer that names them", async () => {
    const text = JSON.stringify(await match(true));
    for (const revealing of ["Ada", "Lovelace", "ada@example.org", "London", "p-ada", "Bo Chen", "p-bo"])
      expect(text).not.toContain(revealing);
    expect(text).toContain("(withheld: names the candidate)");
  });

  it("keeps every piece of evidence, and the explain view of a pseudonym shows all of it", async () => {
    const open = await match(false);
    const blind = await match(true);
    const pieces = (page: { results: { explanation: { requirements: { evidence: unknown[] }[] } }[] }) =>
      page.results.map((r) => r.explanation.requirements.map((q) => q.evidence.length));
    expect(pieces(blind)).toEqual(pieces(open));

    const ada = blind.results.find((r: { score: number }) => r.score === open.results[0].score);
    const res = await rig.request(
      "/v1/explain",
      json({ candidateId: ada.candidateId, position: POSITION, options: { blind: true } }),
    );
    expect(res.status).toBe(200);
    const explained = await res.json();
    expect(explained.name).toBe(ada.name);
    expect(explained.explanation.requirements[0].evidence).toHaveLength(
      open.results[0].explanation.requirements[0].evidence.length,
    );
  });

  it("an unknown pseudonym is not found", async () => {
    const res = await rig.request(
      "/v1/explain",
      json({ candidateId: "blind-0000000000000000", position: POSITION, options: { blind: true } }),
    );
    expect(await errorOf(res)).toEqual({ status: 404, code: "not_found" });
  });

  it("the match page has a blind toggle that hides names", async () => {
    const res = await rig.request("/match?skill=sw.python&level=2&need=preferred&blind=1");
    const html = await res.text();
    expect(html).toContain('name="blind"');
    expect(html).toMatch(/Candidate [0-9A-F]{6}/);
    expect(html).not.toContain("Ada Lovelace");
  });

  it("the audit trail names the real person behind a pseudonym it served", async () => {
    const before = rig.engine.access.auditOf("p-ada").entries.length;
    const blind = await match(true);
    expect(JSON.stringify(blind)).not.toContain("p-ada");
    const entries = rig.engine.access.auditOf("p-ada").entries;
    expect(entries.length).toBe(before + 1);
    expect(entries.at(-1)).toMatchObject({ action: "match" });
  });
});
