/**
 * /v1/trust: the operator's trust list and issuer keys over HTTP, and what they change: a signed
 * credential ingested through POST /v1/documents is `verified` once its issuer is trusted, a
 * tampered one is listed for administrators, and the explanation names who verified the evidence;
 * operator contexts are pinned, and reverify re-checks what is stored.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  didKeyIssuer,
  type Issuer,
  pythonClaim,
  skillCredential,
} from "../../benchmarks/lib/sign-credentials.ts";
import { CLR_2_0_1, CLR_CONTEXT_TEXT } from "../verify/clr-contexts.fixture.ts";
import { json, makeRig, type TestRig } from "./fixture.ts";

let rig: TestRig;
let issuer: Issuer;
beforeEach(async () => {
  rig = await makeRig();
  issuer = await didKeyIssuer("eddsa-rdfc-2022");
});
afterEach(() => rig.close());

const del = (path: string) => rig.request(path, { method: "DELETE" });
const credential = () => issuer.sign(skillCredential(issuer.did, pythonClaim("ada", "Expert")));

describe("/v1/trust", () => {
  it("adds, lists, renames and removes a trusted issuer", async () => {
    const added = await rig.request("/v1/trust/issuers", json({ id: issuer.did, name: "Test Institute" }));
    expect(added.status).toBe(201);
    expect((await rig.request("/v1/trust/issuers", json({ id: issuer.did, name: "Renamed" }))).status).toBe(
      200,
    );
    expect((await (await rig.request("/v1/trust")).json()).issuers).toMatchObject([
      { id: issuer.did, name: "Renamed" },
    ]);
    expect((await del(`/v1/trust/issuers?id=${encodeURIComponent(issuer.did)}`)).status).toBe(200);
    const again = await del(`/v1/trust/issuers?id=${encodeURIComponent(issuer.did)}`);
    expect([again.status, (await again.json()).error.code]).toEqual([404, "not_found"]);
  });

  it("refuses an issuer that is not a DID or URL, and a key without key material, with invalid_input", async () => {
    const issuerRes = await rig.request("/v1/trust/issuers", json({ id: "acme", name: "Acme" }));
    expect([issuerRes.status, (await issuerRes.json()).error.code]).toEqual([400, "invalid_input"]);
    const keyRes = await rig.request(
      "/v1/trust/keys",
      json({ id: "https://x.example/#k", controller: "https://x.example/" }),
    );
    expect([keyRes.status, (await keyRes.json()).error.code]).toEqual([400, "invalid_input"]);
  });

  it("takes keys as a DID document the operator obtained, each key under the document's controller", async () => {
    const did = "did:web:issuer.example.org";
    const res = await rig.request(
      "/v1/trust/keys",
      json({
        id: did,
        verificationMethod: [
          {
            id: `${did}#key-1`,
            type: "Multikey",
            publicKeyMultibase: "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi",
          },
        ],
      }),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).keys).toMatchObject([{ id: `${did}#key-1`, controller: did }]);
  });
});

describe("ingest over HTTP with the trust list", () => {
  it("reports a signed credential as signed-untrusted-issuer, then verified once its issuer is trusted", async () => {
    const signed = await credential();
    const before = await (await rig.request("/v1/documents", json(signed))).json();
    expect(before.documents[0].verification.status).toBe("signed-untrusted-issuer");
    await rig.request("/v1/trust/issuers", json({ id: issuer.did, name: "Test Institute" }));
    const after = await (await rig.request("/v1/documents", json(signed))).json();
    expect(after.documents[0]).toMatchObject({ status: "replaced", verification: { status: "verified" } });

    const explained = await (
      await rig.request(
        "/v1/explain",
        json({
          candidateId: after.documents[0].candidateId,
          position: { requirements: [{ concept: "python", minLevel: 3 }] },
        }),
      )
    ).json();
    expect(explained.explanation.requirements[0].best).toMatchObject({
      verified: true,
      verifiedBy: "Test Institute",
    });
    const page = await rig.request(
      `/explain?candidate=${encodeURIComponent(after.documents[0].candidateId)}&skill=python&level=3`,
    );
    expect(await page.text()).toContain("verified by Test Institute");
  });

  it("is an organisation's own: another organisation trusting the issuer verifies nothing here", async () => {
    const other = rig.engine.forOrg("org-other");
    other.trust.addIssuer({ id: issuer.did, name: "Trusted elsewhere" });
    expect(other.trust.issuers()).toHaveLength(1);
    expect((await (await rig.request("/v1/trust")).json()).issuers).toEqual([]);
    const report = await (await rig.request("/v1/documents", json(await credential()))).json();
    expect(report.documents[0].verification.status).toBe("signed-untrusted-issuer");
    expect((await del(`/v1/trust/issuers?id=${encodeURIComponent(issuer.did)}`)).status).toBe(404);
    expect(other.trust.issuers()).toHaveLength(1);
  });

  it("a tampered credential is stored, flagged and listed for administrators", async () => {
    const signed = await credential();
    const tampered = { ...signed, name: `${String(signed.name)}!` };
    const report = await (await rig.request("/v1/documents", json(tampered))).json();
    expect(report.documents[0]).toMatchObject({
      status: "stored",
      flags: expect.arrayContaining(["invalid-signature"]),
      verification: { status: "invalid-signature" },
    });
    const listed = await (await rig.request("/v1/trust/tampered")).json();
    expect(listed.documents).toMatchObject([
      { id: report.documents[0].documentId, reason: expect.stringContaining("does not match") },
    ]);
  });
});

describe("/v1/trust/contexts and /v1/trust/reverify", () => {
  const context = (sha256?: string) =>
    json({ url: CLR_2_0_1, content: CLR_CONTEXT_TEXT[CLR_2_0_1], ...(sha256 ? { sha256 } : {}) });

  it("pins a context, lists it without its text, refuses other bytes for its URL with 409, and removes it", async () => {
    const added = await rig.request("/v1/trust/contexts", context());
    expect(added.status).toBe(201);
    const { context: pinned } = await added.json();
    expect(pinned).toMatchObject({
      url: CLR_2_0_1,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      intact: true,
    });
    expect((await rig.request("/v1/trust/contexts", context())).status).toBe(200);
    const other = await rig.request(
      "/v1/trust/contexts",
      json({ url: CLR_2_0_1, content: '{"@context": {}}' }),
    );
    expect([other.status, (await other.json()).error.code]).toEqual([409, "conflict"]);
    expect((await (await rig.request("/v1/trust/contexts")).json()).contexts).toEqual([pinned]);
    expect((await del(`/v1/trust/contexts?url=${encodeURIComponent(CLR_2_0_1)}`)).status).toBe(200);
    const again = await del(`/v1/trust/contexts?url=${encodeURIComponent(CLR_2_0_1)}`);
    expect([again.status, (await again.json()).error.code]).toEqual([404, "not_found"]);
  });

  it("refuses a file that does not have the SHA-256 the caller expects, and a body without content", async () => {
    const wrong = await rig.request("/v1/trust/contexts", context("0".repeat(64)));
    expect([wrong.status, (await wrong.json()).error.code]).toEqual([400, "invalid_input"]);
    const empty = await rig.request("/v1/trust/contexts", json({ url: CLR_2_0_1 }));
    expect([empty.status, (await empty.json()).error.code]).toEqual([400, "invalid_input"]);
  });

  it("reverify turns a stored signed credential verified once its issuer is trusted, without re-ingest", async () => {
    const ingested = await (await rig.request("/v1/documents", json(await credential()))).json();
    await rig.request("/v1/trust/issuers", json({ id: issuer.did, name: "Test Institute" }));
    const res = await rig.request("/v1/trust/reverify", { method: "POST" });
    expect(res.status).toBe(200);
    expect((await res.json()).changed).toMatchObject([
      {
        documentId: ingested.documents[0].documentId,
        from: "signed-untrusted-issuer",
        to: "verified",
      },
    ]);
  });
});
