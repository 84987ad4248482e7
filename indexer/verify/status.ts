/** A proof outcome, the trust list and the credential's dates → a status and a reason a person can read. */

import { parseIsoDateMs } from "../../src/domain/dates.ts";
import type {
  CredentialCheck,
  TrustSnapshot,
  VerificationCode,
  VerificationStatus,
} from "../../src/domain/verification.ts";
import { isObject, isoDate, type Json } from "../json-path.ts";
import type { ProofOutcome } from "./outcome.ts";

/** How far the signature alone got: the status before dates and status lists speak. */
export type SignatureLevel = "trusted" | "untrusted" | "none" | "invalid";

const INVALID: ReadonlySet<VerificationCode> = new Set(["bad_signature", "issuer_mismatch"]);

export function signatureLevel(check: Pick<CredentialCheck, "code" | "trustedAs">): SignatureLevel {
  if (check.code === "valid") return check.trustedAs === null ? "untrusted" : "trusted";
  return INVALID.has(check.code) ? "invalid" : "none";
}

const LEVEL_STATUS: Record<SignatureLevel, VerificationStatus> = {
  trusted: "verified",
  untrusted: "signed-untrusted-issuer",
  none: "unsigned",
  invalid: "invalid-signature",
};

export function issuerOf(credential: Json): string | null {
  const issuer = credential.issuer;
  if (typeof issuer === "string") return issuer;
  return isObject(issuer) && typeof issuer.id === "string" ? issuer.id : null;
}

const validUntil = (credential: Json): string | null =>
  isoDate(credential.validUntil) ?? isoDate(credential.expirationDate);

function expiry(credential: Json, nowMs: number): string | null {
  const until = validUntil(credential);
  const ms = parseIsoDateMs(until);
  return ms !== null && ms < nowMs ? until : null;
}

export function toCheck(
  path: string,
  credential: Json,
  outcome: ProofOutcome,
  trust: TrustSnapshot,
  nowMs: number,
): CredentialCheck {
  const issuer = outcome.code === "valid" ? (outcome.issuer ?? issuerOf(credential)) : null;
  const trustedAs = issuer === null ? null : (trust.issuers.get(issuer)?.name ?? null);
  const check = { code: outcome.code, trustedAs };
  const level = signatureLevel(check);
  const reasons = [outcome.proof ? `${outcome.proof}: ${outcome.detail}` : outcome.detail];
  if (level === "trusted") reasons.push(`issuer ${issuer} is trusted as "${trustedAs}"`);
  if (level === "untrusted") reasons.push(`issuer ${issuer} is not on the trust list`);
  const expired = level === "invalid" ? null : expiry(credential, nowMs);
  if (expired) reasons.push(`expired ${expired}`);
  return {
    path,
    status: expired ? "expired" : LEVEL_STATUS[level],
    code: outcome.code,
    reason: reasons.join("; "),
    issuer,
    trustedAs,
    proof: outcome.proof,
  };
}
