/**
 * VC-JWT: a compact JWS checked with `jose` (EdDSA, ES256, RS256…). The key comes from the header's
 * `kid` or the payload's `iss` (keys.ts); `alg: none` is no signature at all.
 */
import { compactVerify, decodeProtectedHeader, importJWK } from "jose";
import type { TrustSnapshot } from "../../src/domain/verification.ts";
import { jwkFor, KeyNotFound } from "./keys.ts";
import type { ProofOutcome } from "./outcome.ts";

const ALGORITHMS = ["EdDSA", "Ed25519", "ES256", "ES384", "RS256", "PS256"];

const textOf = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);

export async function verifyJws(
  jws: string,
  payload: Record<string, unknown>,
  trust: TrustSnapshot,
): Promise<ProofOutcome> {
  const header = decodeProtectedHeader(jws);
  const alg = String(header.alg ?? "none");
  const proof = `JWS ${alg}`;
  if (alg.toLowerCase() === "none")
    return { code: "alg_none", detail: "the JWT says alg none: it carries no signature", proof };
  if (!ALGORITHMS.includes(alg))
    return { code: "unsupported_proof", detail: `JWS algorithm ${alg} is not one the engine checks`, proof };
  const iss = textOf(payload.iss) ?? textOf((payload.vc as Record<string, unknown> | undefined)?.issuer);
  let resolved: Awaited<ReturnType<typeof jwkFor>>;
  try {
    resolved = await jwkFor(textOf(header.kid), iss, trust);
  } catch (e) {
    if (e instanceof KeyNotFound) return { code: "unknown_key", detail: e.message, proof };
    return { code: "malformed_proof", detail: (e as Error).message, proof };
  }
  if (iss && resolved.controller !== iss)
    return {
      code: "issuer_mismatch",
      detail: `the key belongs to ${resolved.controller}, the JWT names ${iss}`,
      proof,
    };
  try {
    const key = await importJWK(resolved.jwk, alg);
    await compactVerify(jws, key, { algorithms: [alg] });
    return { code: "valid", detail: "JWS signature valid", proof, issuer: resolved.controller };
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ERR_JWS_SIGNATURE_VERIFICATION_FAILED")
      return { code: "bad_signature", detail: "the JWS signature does not match its content", proof };
    return { code: "malformed_proof", detail: (e as Error).message, proof };
  }
}
