/**
 * Data Integrity proofs on JSON-LD credentials (OB 3.0, CLR 2.0, VCDM 1.1 and 2.0), checked by the
 * Digital Bazaar suites: `eddsa-rdfc-2022` and `ecdsa-rdfc-2019` DataIntegrityProof, and the legacy
 * `Ed25519Signature2020`. The issuance purpose also requires the key's controller to be the
 * credential's issuer, so a valid signature cannot lend its key to another issuer's name.
 */
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite as ecdsaRdfc2019 } from "@digitalbazaar/ecdsa-rdfc-2019-cryptosuite";
import { Ed25519Signature2020 } from "@digitalbazaar/ed25519-signature-2020";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import { CredentialIssuancePurpose } from "@digitalbazaar/vc";
import jsigs from "jsonld-signatures";
import { asArray, isObject, type Json } from "../json-path.ts";
import { UnknownContext } from "./contexts.ts";
import { KeyNotFound } from "./keys.ts";
import type { ProofOutcome } from "./outcome.ts";

const SUITES = () => [
  new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
  new DataIntegrityProof({ cryptosuite: ecdsaRdfc2019 }),
  new Ed25519Signature2020(),
];

const SUPPORTED = new Set(["eddsa-rdfc-2022", "ecdsa-rdfc-2019", "Ed25519Signature2020"]);

export const proofFamily = (proof: Json): string =>
  proof.type === "DataIntegrityProof"
    ? String(proof.cryptosuite ?? "DataIntegrityProof")
    : String(proof.type);

/** Every error jsonld-signatures collected, innermost first: the cause is usually buried. */
function causes(e: unknown, out: unknown[] = []): unknown[] {
  if (!e || typeof e !== "object") return out;
  out.push(e);
  const err = e as { errors?: unknown[]; cause?: unknown; details?: { cause?: unknown } };
  for (const inner of err.errors ?? []) causes(inner, out);
  if (err.cause) causes(err.cause, out);
  if (err.details?.cause) causes(err.details.cause, out);
  return out;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

function failure(error: unknown, family: string): ProofOutcome {
  const all = causes(error);
  const context = all.find((e) => e instanceof UnknownContext) as UnknownContext | undefined;
  if (context) return { code: "unknown_context", detail: context.message, proof: family };
  const key = all.find((e) => e instanceof KeyNotFound) as KeyNotFound | undefined;
  if (key) return { code: "unknown_key", detail: key.message, proof: family };
  const text = all.map(messageOf).join(" | ");
  if (/issuer .*must match|must match the verification method controller/i.test(text))
    return {
      code: "issuer_mismatch",
      detail: "the signing key's controller is not the credential's issuer",
      proof: family,
    };
  if (/invalid signature|signature.*(did not|does not) verify/i.test(text))
    return {
      code: "bad_signature",
      detail: "the signature does not match the credential's content",
      proof: family,
    };
  if (/"publicKeyMultibase" property is required/.test(text))
    return {
      code: "malformed_proof",
      detail: "the proof's verificationMethod is not a key (a DID with no key fragment?)",
      proof: family,
    };
  if (/safe mode|undefined term|relative.*IRI|could not be expanded/i.test(text))
    return {
      code: "undefined_term",
      detail: "a term is not defined by the credential's contexts (JSON-LD safe mode)",
      proof: family,
    };
  return { code: "malformed_proof", detail: text.slice(0, 300), proof: family };
}

export async function verifyLinkedDataProof(credential: Json, loader: DocumentLoader): Promise<ProofOutcome> {
  const proofs = asArray(credential.proof).filter(isObject);
  const families = proofs.map(proofFamily);
  const family = families.join(", ");
  if (!families.some((f) => SUPPORTED.has(f)))
    return {
      code: "unsupported_proof",
      detail: `proof type ${family} is not one the engine checks`,
      proof: family,
    };
  try {
    const result = await jsigs.verify(credential, {
      suite: SUITES(),
      purpose: new CredentialIssuancePurpose(),
      documentLoader: loader,
    });
    if (result.verified) return { code: "valid", detail: "proof valid", proof: family };
    return failure(result.error ?? result.results?.find((r) => r.error)?.error, family);
  } catch (e) {
    return failure(e, family);
  }
}
