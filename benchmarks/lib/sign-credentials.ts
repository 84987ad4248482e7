/**
 * Credentials signed here, with fresh keys, through the same Digital Bazaar and jose libraries the
 * verifier uses: an OB 3.0 skill credential with a rubric level, signed as eddsa-rdfc-2022,
 * ecdsa-rdfc-2019 or Ed25519Signature2020, or as a VC-JWT.
 */
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import * as EcdsaMultikey from "@digitalbazaar/ecdsa-multikey";
import { cryptosuite as ecdsaRdfc2019 } from "@digitalbazaar/ecdsa-rdfc-2019-cryptosuite";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { Ed25519Signature2020 } from "@digitalbazaar/ed25519-signature-2020";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { staticLoader } from "../../indexer/verify/loader.ts";
import type { TrustSnapshot } from "../../src/domain/verification.ts";

export type Suite = "eddsa-rdfc-2022" | "ecdsa-rdfc-2019" | "Ed25519Signature2020";

export const NO_TRUST: TrustSnapshot = { issuers: new Map(), keys: new Map() };

export interface SkillClaim {
  holder: string;
  skill: string;
  level: "Beginner" | "Proficient" | "Expert";
  validFrom: string;
}

const LEVELS = ["Beginner", "Proficient", "Expert"];

/** `holder`'s Python at `level`, as the tests claim it (valid from May 2024 unless said otherwise). */
export const pythonClaim = (
  holder: string,
  level: SkillClaim["level"],
  validFrom = "2024-05-01T00:00:00Z",
): SkillClaim => ({ holder, skill: "Python", level, validFrom });

/** An OB 3.0 credential: the skill as a Competency achievement with an aligned skill and a rubric level. */
export function skillCredential(issuer: string, claim: SkillClaim): Record<string, unknown> {
  return {
    "@context": [
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ],
    id: `urn:uuid:${claim.holder}-${claim.skill.replace(/\W/g, "")}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: `${claim.skill} skill`,
    issuer: { id: issuer, type: ["Profile"], name: "Test Institute" },
    validFrom: claim.validFrom,
    credentialSubject: {
      id: `did:example:${claim.holder}`,
      type: ["AchievementSubject"],
      achievement: {
        id: `https://example.org/achievements/${claim.skill.replace(/\W/g, "")}`,
        type: ["Achievement"],
        achievementType: "Competency",
        name: claim.skill,
        description: `Demonstrated ${claim.skill}`,
        criteria: { narrative: "Assessed on a project." },
        alignment: [
          { type: ["Alignment"], targetName: claim.skill, targetUrl: "https://example.org/skills/x" },
        ],
        resultDescription: [
          {
            id: "urn:uuid:rubric",
            type: ["ResultDescription"],
            name: "Level",
            resultType: "RubricCriterionLevel",
            rubricCriterionLevel: LEVELS.map((name, i) => ({
              id: `urn:uuid:level-${i}`,
              type: ["RubricCriterionLevel"],
              name,
            })),
          },
        ],
      },
      result: [
        {
          type: ["Result"],
          resultDescription: "urn:uuid:rubric",
          achievedLevel: `urn:uuid:level-${LEVELS.indexOf(claim.level)}`,
        },
      ],
    },
  };
}

export interface Issuer {
  did: string;
  /** `trust` lends the signer the operator's contexts (a CLR 2.0 context no package bundles). */
  sign(credential: Record<string, unknown>, trust?: TrustSnapshot): Promise<Record<string, unknown>>;
}

async function keyPairFor(suite: Suite) {
  const pair =
    suite === "ecdsa-rdfc-2019"
      ? await EcdsaMultikey.generate({ curve: "P-256" })
      : await Ed25519Multikey.generate();
  const did = `did:key:${pair.publicKeyMultibase}`;
  const keyed = pair as MultikeyPair & { id: string; controller: string };
  keyed.id = `${did}#${pair.publicKeyMultibase}`;
  keyed.controller = did;
  return { did, keyed };
}

/** A did:key issuer with a fresh key, signing with one of the Data Integrity / LD suites. */
export async function didKeyIssuer(suite: Suite): Promise<Issuer> {
  const { did, keyed } = await keyPairFor(suite);
  const signer = keyed.signer();
  const proof = () =>
    suite === "Ed25519Signature2020"
      ? new Ed25519Signature2020({ signer })
      : new DataIntegrityProof({
          signer,
          cryptosuite: suite === "eddsa-rdfc-2022" ? eddsaRdfc2022 : ecdsaRdfc2019,
        });
  return {
    did,
    sign: (credential, trust = NO_TRUST) => {
      const withContext =
        suite === "Ed25519Signature2020"
          ? {
              ...credential,
              "@context": [
                ...(credential["@context"] as string[]),
                "https://w3id.org/security/suites/ed25519-2020/v1",
              ],
            }
          : credential;
      return vc.issue({ credential: withContext, suite: proof(), documentLoader: staticLoader(trust) });
    },
  };
}

export type JwtAlg = "EdDSA" | "ES256" | "RS256";

/** A VC-JWT issuer: did:jwk for EdDSA and ES256; RS256 keys come as an operator-supplied JWK. */
export async function jwtIssuer(alg: JwtAlg) {
  const { publicKey, privateKey } = await generateKeyPair(alg, {
    crv: alg === "EdDSA" ? "Ed25519" : undefined,
    extractable: true,
  });
  const jwk = await exportJWK(publicKey);
  const did =
    alg === "RS256"
      ? "https://issuer.example.org"
      : `did:jwk:${Buffer.from(JSON.stringify(jwk)).toString("base64url")}`;
  const kid = alg === "RS256" ? `${did}#rsa-1` : `${did}#0`;
  return {
    did,
    kid,
    jwk,
    sign: (credential: Record<string, unknown>, headerAlg: string = alg) =>
      new SignJWT({ vc: credential, sub: (credential.credentialSubject as { id: string }).id })
        .setProtectedHeader({ alg: headerAlg, kid })
        .setIssuer(did)
        .sign(privateKey),
  };
}
