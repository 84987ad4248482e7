/** OWASP API2 broken authentication: every way of presenting no valid key is a 401 with a stable code. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, json, NOW } from "../api/fixture.ts";
import { type AttackRig, makeAttackRig } from "./rig.ts";

const DAY = 86_400_000;
let now = NOW;
let rig: AttackRig;
beforeAll(async () => {
  rig = await makeAttackRig({}, { clock: () => now });
});
afterAll(() => rig.close());

const withAuthorization = (value: string) => ({ headers: { authorization: value } });

async function refusal(init?: RequestInit) {
  const res = await rig.anonymous("/v1/concepts?q=python", init);
  const body = await res.json();
  return { status: res.status, code: body.error?.code, reason: body.error?.details?.reason };
}

describe("a /v1 route without a valid key", () => {
  it.each([
    ["no Authorization header", undefined, "missing"],
    ["a Basic credential", withAuthorization("Basic YWRtaW46YWRtaW4="), "malformed"],
    ["Bearer with nothing after it", withAuthorization("Bearer "), "malformed"],
    ["a token without the lm_ prefix", withAuthorization("Bearer abc.def.ghi"), "malformed"],
    ["an lm_ token of the wrong length", withAuthorization("Bearer lm_short"), "malformed"],
    ["a well-formed token nobody issued", withAuthorization(`Bearer lm_${"A".repeat(43)}`), "unknown"],
  ])("%s is 401 unauthenticated (%s)", async (_what, init, reason) => {
    expect(await refusal(init)).toEqual({ status: 401, code: "unauthenticated", reason });
  });

  it("a revoked key is 401 from the moment it is revoked", async () => {
    const { token, key } = rig.engine.access.createKey({ name: "to-revoke", scopes: ["admin"] });
    expect((await rig.anonymous("/v1/concepts?q=python", withAuthorization(`Bearer ${token}`))).status).toBe(
      200,
    );
    rig.engine.access.revokeKey(key.id);
    expect(await refusal(withAuthorization(`Bearer ${token}`))).toEqual({
      status: 401,
      code: "unauthenticated",
      reason: "revoked",
    });
  });

  it("a key expires by the engine's clock", async () => {
    const { token } = rig.engine.access.createKey({ name: "short", scopes: ["admin"], expiresInDays: 1 });
    const init = withAuthorization(`Bearer ${token}`);
    now = NOW + DAY - 1;
    expect((await rig.anonymous("/v1/concepts?q=python", init)).status).toBe(200);
    now = NOW + DAY;
    expect(await refusal(init)).toEqual({ status: 401, code: "unauthenticated", reason: "expired" });
    now = NOW;
  });

  it("the sign-in cookie does not stand in for a key on a /v1 write", async () => {
    const res = await rig.anonymous("/v1/documents", {
      method: "POST",
      headers: { "content-type": "application/json", cookie: `lm_key=${rig.adminKey}` },
      body: "{}",
    });
    expect(await errorOf(res)).toEqual({ status: 401, code: "unauthenticated" });
  });

  it("keys are listed without their token, and only the token's SHA-256 is stored", () => {
    const listed = JSON.stringify(rig.engine.access.listKeys());
    expect(listed).not.toContain(rig.adminKey);
    expect(listed).not.toMatch(/lm_/);
  });
});

describe("keys over the API (admin)", () => {
  it("a key created over the API works at once, is listed without its token, and stops when revoked", async () => {
    const created = await rig.request("/v1/keys", json({ name: "ats", scopes: ["match"] }));
    expect(created.status).toBe(201);
    const { token, key } = await created.json();
    const asAts = withAuthorization(`Bearer ${token}`);
    expect((await rig.anonymous("/v1/concepts?q=python", asAts)).status).toBe(200);
    const listed = await (await rig.request("/v1/keys")).text();
    expect(listed).toContain(key.id);
    expect(listed).not.toContain(token);
    expect((await rig.request(`/v1/keys/${key.id}`, { method: "DELETE" })).status).toBe(200);
    expect(await refusal(asAts)).toEqual({ status: 401, code: "unauthenticated", reason: "revoked" });
    const again = await rig.request(`/v1/keys/${key.id}`, { method: "DELETE" });
    expect(again.status).toBe(404);
  });

  it("a key with an unknown scope is 400 invalid_input", async () => {
    const res = await rig.request("/v1/keys", json({ name: "x", scopes: ["root"] }));
    expect(await errorOf(res)).toEqual({ status: 400, code: "invalid_input" });
  });
});
