import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, json, makeRig, type TestRig } from "../api/fixture.ts";

let rig: TestRig;

/** An OB3 certificate for `person`: Basic Life Support, valid until `until`, on a revocation list. */
const bls = (person: string, id: string, until: string, issued = "2023-01-01") => ({
  "@context": [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
  ],
  id,
  type: ["VerifiableCredential", "OpenBadgeCredential"],
  issuer: { id: "urn:test:heart", type: ["Profile"], name: "Heart Association" },
  validFrom: `${issued}T00:00:00Z`,
  validUntil: `${until}T00:00:00Z`,
  credentialStatus: {
    id: "urn:test:list#0",
    type: "StatusList2021Entry",
    statusListCredential: "urn:test:list",
  },
  credentialSubject: {
    id: person,
    type: ["AchievementSubject"],
    name: `Nurse ${person}`,
    achievement: {
      id: "urn:test:bls",
      type: ["Achievement"],
      achievementType: "Certificate",
      name: "Basic Life Support",
    },
  },
});

const ICU = {
  id: "icu",
  title: "ICU nurse",
  requirements: [
    { concept: "hc.bls", required: true },
    { concept: "Python", required: true },
  ],
};

beforeAll(async () => {
  rig = await makeRig(); // the engine's clock: 2026-01-01
  const docs = [
    bls("p-soon", "urn:test:soon", "2026-01-20"),
    bls("p-lapsed", "urn:test:lapsed", "2025-06-01"),
    bls("p-renewed", "urn:test:renewed-old", "2024-06-01", "2021-01-01"),
    bls("p-renewed", "urn:test:renewed-new", "2028-06-01", "2024-06-01"),
    bls("p-revoked", "urn:test:revoked", "2028-06-01"),
    bls("p-fine", "urn:test:fine", "2027-06-01"),
  ];
  await rig.engine.ingest(docs.map((d, i) => ({ name: `doc${i}`, content: d })));
  await rig.engine.applyStatusLists([{ id: "urn:test:list", revoked: ["urn:test:revoked"] }]);
});
afterAll(() => rig.close());

describe("credentials under watch", () => {
  it("names who is revoked, expired or expiring within N days, with credential, issuer and date", async () => {
    const res = await rig.request("/v1/alerts", json({ withinDays: 30, positions: [ICU] }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.asOf).toBe("2026-01-01T00:00:00.000Z");
    expect(
      body.alerts.map((a: { candidateId: string; status: string }) => [a.candidateId, a.status]),
    ).toEqual([
      ["p-revoked", "revoked"],
      ["p-lapsed", "expired"],
      ["p-soon", "expiring"],
    ]);
    expect(body.alerts[2]).toMatchObject({
      positionId: "icu",
      name: "Nurse p-soon",
      credential: { conceptId: "hc.bls", label: "Basic Life Support", documentId: "urn:test:soon" },
      issuer: "Heart Association",
      daysLeft: 19,
    });
  });

  it("a renewed licence silences the lapsed one; a short window leaves the soon-to-expire out", async () => {
    const res = await rig.request("/v1/alerts?withinDays=10&concept=hc.bls&concept=hc.rn");
    const ids = (await res.json()).alerts.map((a: { candidateId: string }) => a.candidateId);
    expect(ids).toEqual(["p-revoked", "p-lapsed"]);
  });

  it("watches nothing without positions (no saved positions yet)", async () => {
    const body = await (await rig.request("/v1/alerts")).json();
    expect(body).toMatchObject({ positions: 0, alerts: [] });
  });

  it("watches the saved positions when the call names none", async () => {
    const saved = await rig.request(
      "/v1/positions",
      json({ id: "icu-saved", name: "ICU nurse", requirements: [{ concept: "hc.bls", required: true }] }),
    );
    expect(saved.status).toBeLessThan(300);
    try {
      const body = await (await rig.request("/v1/alerts?withinDays=30")).json();
      expect(body.positions).toBe(1);
      expect(body.alerts.map((a: { candidateId: string }) => a.candidateId).sort()).toEqual([
        "p-lapsed",
        "p-revoked",
        "p-soon",
      ]);
    } finally {
      await rig.request("/v1/positions/icu-saved", { method: "DELETE" });
    }
  });

  it("refuses a negative window with a stable code", async () => {
    const res = await rig.request("/v1/alerts?withinDays=-3");
    expect(await errorOf(res)).toEqual({ status: 400, code: "invalid_input" });
  });
});
