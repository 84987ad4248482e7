/**
 * Credentials signed here with fresh Ed25519 and P-256 keys verify; one byte changed in the
 * subject's skill, level, issuer or date makes them `invalid-signature`, whatever the proof family.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forbidNetwork, type NetworkGuard } from "../../benchmarks/lib/no-network.ts";
import {
  didKeyIssuer,
  jwtIssuer,
  NO_TRUST,
  pythonClaim,
  type Suite,
  skillCredential,
} from "../../benchmarks/lib/sign-credentials.ts";
import { verifyDocument } from "../../indexer/verify/index.ts";
import type { TrustSnapshot } from "../../src/domain/verification.ts";

const NOW = Date.parse("2026-01-01T00:00:00Z");
const CLAIM = pythonClaim("ada", "Proficient");
const SUITES: Suite[] = ["eddsa-rdfc-2022", "ecdsa-rdfc-2019", "Ed25519Signature2020"];

/** The fields a forger edits, on the credential skillCredential builds. */
interface Doc {
  issuer: { id: string };
  validFrom: string;
  credentialSubject: {
    achievement: { alignment: { targetName: string }[] };
    result: { achievedLevel: string }[];
  };
}
/** One character of a string changed to another: the smallest edit a forger can make. */
const flip = (s: string, at = s.length - 1) =>
  s.slice(0, at) + String.fromCharCode(s.charCodeAt(at) ^ 1) + s.slice(at + 1);

const EDITS: [string, (d: Doc) => void][] = [
  [
    "skill",
    (d) => {
      const aligned = d.credentialSubject.achievement.alignment[0]!;
      aligned.targetName = flip(aligned.targetName);
    },
  ],
  ["level", (d) => (d.credentialSubject.result[0]!.achievedLevel = "urn:uuid:level-2")],
  ["issuer", (d) => (d.issuer.id = flip(d.issuer.id))],
  ["date", (d) => (d.validFrom = flip(d.validFrom, 3))],
];

let guard: NetworkGuard;
beforeAll(() => {
  guard = forbidNetwork();
});
afterAll(() => {
  guard.release();
  expect(guard.attempts).toEqual([]);
});

const verify = (content: unknown, trust: TrustSnapshot = NO_TRUST, jws?: string) =>
  verifyDocument(jws === undefined ? { content } : { content, jws }, { trust, nowMs: NOW });

describe.each(SUITES)("%s with a fresh did:key", (suite) => {
  it("verifies; `verified` once the issuer is trusted, `signed-untrusted-issuer` before", async () => {
    const issuer = await didKeyIssuer(suite);
    const signed = await issuer.sign(skillCredential(issuer.did, CLAIM));
    expect(await verify(signed)).toMatchObject({
      status: "signed-untrusted-issuer",
      credentials: [{ code: "valid", proof: suite }],
    });
    const trust: TrustSnapshot = {
      ...NO_TRUST,
      issuers: new Map([[issuer.did, { id: issuer.did, name: "Test Institute", addedAt: "" }]]),
    };
    expect(await verify(signed, trust)).toMatchObject({
      status: "verified",
      credentials: [{ trustedAs: "Test Institute" }],
    });
  });

  it.each(EDITS)("one byte of the %s changed: invalid-signature", async (_field, edit) => {
    const issuer = await didKeyIssuer(suite);
    const tampered = structuredClone(await issuer.sign(skillCredential(issuer.did, CLAIM))) as unknown as Doc;
    edit(tampered);
    const result = await verify(tampered);
    expect(result.status).toBe("invalid-signature");
    expect(["bad_signature", "issuer_mismatch", "unknown_key"]).toContain(result.credentials[0]?.code);
  });
});

describe("any single-character change to the credential's subject", () => {
  it("is caught (property)", async () => {
    const issuer = await didKeyIssuer("eddsa-rdfc-2022");
    const signed = await issuer.sign(skillCredential(issuer.did, CLAIM));
    const subject = JSON.stringify(signed.credentialSubject);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: subject.length - 1 }), async (at) => {
        const edited = flip(subject, at);
        let parsed: unknown;
        try {
          parsed = JSON.parse(edited);
        } catch {
          return; // not JSON any more: never reaches the verifier
        }
        if (JSON.stringify(parsed) === subject) return;
        const result = await verify({ ...signed, credentialSubject: parsed });
        expect(result.status).not.toBe("signed-untrusted-issuer");
        expect(result.status).not.toBe("verified");
      }),
      { numRuns: 25, seed: 13 },
    );
  });
});

describe.each(["EdDSA", "ES256", "RS256"] as const)("VC-JWT %s", (alg) => {
  const setup = async () => {
    const issuer = await jwtIssuer(alg);
    const credential = skillCredential(issuer.did, CLAIM);
    const jws = await issuer.sign(credential);
    const payload = JSON.parse(Buffer.from(jws.split(".")[1]!, "base64url").toString());
    // RS256 issuers are https URLs: their key is one the operator supplied
    const trust: TrustSnapshot =
      alg === "RS256"
        ? {
            ...NO_TRUST,
            keys: new Map([
              [
                issuer.kid,
                { id: issuer.kid, controller: issuer.did, type: "JsonWebKey", publicKeyJwk: issuer.jwk },
              ],
            ]),
          }
        : NO_TRUST;
    return { jws, payload, trust };
  };

  it("verifies with jose", async () => {
    const { jws, payload, trust } = await setup();
    expect(await verify(payload, trust, jws)).toMatchObject({
      status: "signed-untrusted-issuer",
      credentials: [{ code: "valid", proof: `JWS ${alg}` }],
    });
  });

  it.each(EDITS)("one byte of the %s changed in the payload: invalid-signature", async (_field, edit) => {
    const { jws, payload, trust } = await setup();
    const edited = structuredClone(payload);
    edit(edited.vc as Doc);
    const [header, , signature] = jws.split(".");
    const forged = `${header}.${Buffer.from(JSON.stringify(edited)).toString("base64url")}.${signature}`;
    expect((await verify(edited, trust, forged)).status).toBe("invalid-signature");
  });
});

describe("JWTs that carry no signature the engine can check", () => {
  it("`alg: none` is unsigned", async () => {
    const payload = { vc: skillCredential("did:example:issuer", CLAIM), iss: "did:example:issuer" };
    const unsigned = `${Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url")}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.`;
    expect(await verify(payload, NO_TRUST, unsigned)).toMatchObject({
      status: "unsigned",
      credentials: [{ code: "alg_none" }],
    });
  });

  it("a key the operator did not supply is not fetched: unsigned, unknown_key", async () => {
    const { jws, payload } = await (async () => {
      const issuer = await jwtIssuer("RS256");
      const jws = await issuer.sign(skillCredential(issuer.did, CLAIM));
      return { jws, payload: JSON.parse(Buffer.from(jws.split(".")[1]!, "base64url").toString()) };
    })();
    expect(await verify(payload, NO_TRUST, jws)).toMatchObject({
      status: "unsigned",
      credentials: [{ code: "unknown_key" }],
    });
  });
});

describe("contexts", () => {
  it("a context that is not bundled is unknown_context, and nothing is fetched", async () => {
    const issuer = await didKeyIssuer("eddsa-rdfc-2022");
    const signed = await issuer.sign(skillCredential(issuer.did, CLAIM));
    const odd = {
      ...signed,
      "@context": [...(signed["@context"] as string[]), "https://contexts.example.org/v1"],
    };
    expect(await verify(odd)).toMatchObject({
      status: "unsigned",
      credentials: [{ code: "unknown_context" }],
    });
  });
});
