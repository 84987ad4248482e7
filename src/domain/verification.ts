/**
 * What the engine establishes about a document's authenticity (docs/verification.md). A status is
 * a fact the verifier found, never a claim read from the document; `attestedBy` names the operator
 * or API key that vouched for a claim the engine could not check itself.
 */
import { z } from "zod";

export const VerificationStatus = z.enum([
  "verified",
  "signed-untrusted-issuer",
  "unsigned",
  "invalid-signature",
  "expired",
  "revoked",
]);
export type VerificationStatus = z.infer<typeof VerificationStatus>;

/** Why a proof could not be checked or did not hold: stable codes a caller can match on. */
export const VerificationCode = z.enum([
  "valid",
  "no_proof",
  "unknown_context",
  "unknown_key",
  "unsupported_proof",
  "bad_signature",
  "issuer_mismatch",
  "undefined_term",
  "malformed_proof",
  "alg_none",
]);
export type VerificationCode = z.infer<typeof VerificationCode>;

/** One credential's check: the document itself ("$") or one embedded in it (a CLR's achievements). */
export const CredentialCheck = z.object({
  /** JSON path of the credential inside the document; "$" for the document itself. */
  path: z.string(),
  status: VerificationStatus,
  code: VerificationCode,
  reason: z.string(),
  /** The issuer the proof binds (its DID or URL); null when no proof held. */
  issuer: z.string().nullable(),
  /** The trust list's name for that issuer; null when not on the list. */
  trustedAs: z.string().nullable(),
  /** Proof family: "eddsa-rdfc-2022", "ecdsa-rdfc-2019", "Ed25519Signature2020", "JWS ES256"… */
  proof: z.string().nullable(),
});
export type CredentialCheck = z.infer<typeof CredentialCheck>;

export const DocumentVerification = z.object({
  status: VerificationStatus,
  reason: z.string(),
  /** The checks, the document's own first. */
  credentials: z.array(CredentialCheck),
  attestedBy: z.string().nullable(),
});
export type DocumentVerification = z.infer<typeof DocumentVerification>;

/** An issuer the operator trusts: a DID or an https URL, with the name shown on badges. */
export const TrustedIssuer = z.object({
  id: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .regex(/^(did:[a-z0-9]+:.+|https?:\/\/.+|urn:.+)$/, {
      message: "expected a DID, an http(s) URL or a URN",
    }),
  name: z.string().trim().min(1).max(300),
  addedAt: z.string(),
});
export type TrustedIssuer = z.infer<typeof TrustedIssuer>;

/**
 * A public key the operator vouches for, for issuers whose keys are not self-describing (did:web,
 * https): a verification method with a Multikey `publicKeyMultibase` or a `publicKeyJwk`.
 */
export const IssuerKey = z
  .object({
    id: z.string().trim().min(1).max(2000),
    controller: z.string().trim().min(1).max(2000),
    type: z.string().default("Multikey"),
    publicKeyMultibase: z.string().min(1).max(2000).optional(),
    publicKeyJwk: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((k) => (k.publicKeyMultibase === undefined) !== (k.publicKeyJwk === undefined), {
    message: "give exactly one of publicKeyMultibase or publicKeyJwk",
  });
export type IssuerKey = z.infer<typeof IssuerKey>;

/** The largest context file the operator may add (the published ones are a few kilobytes). */
export const CONTEXT_MAX_CHARS = 1_000_000;

const SHA256_HEX = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{64}$/, { message: "expected a SHA-256 as 64 hexadecimal digits" });

/**
 * A JSON-LD context the operator supplies for a URL no bundled package covers (CLR 2.0): its text,
 * and optionally the SHA-256 the operator expects it to have (a published digest), checked on add.
 */
export const OperatorContextInput = z.object({
  url: z
    .string()
    .trim()
    .max(2000)
    .regex(/^https?:\/\/\S+$/, {
      message: "expected the context's http(s) URL, exactly as credentials name it",
    }),
  content: z.string().min(1).max(CONTEXT_MAX_CHARS),
  sha256: SHA256_HEX.optional(),
});
export type OperatorContextInput = z.infer<typeof OperatorContextInput>;

/** A stored operator context, pinned: served for its exact URL only while its bytes hash to `sha256`. */
export interface PinnedContext {
  url: string;
  sha256: string;
  content: string;
  addedAt: string;
}

/** The keys and trust list a verification reads: a snapshot, so one ingest sees one list. */
export interface TrustSnapshot {
  issuers: ReadonlyMap<string, TrustedIssuer>;
  keys: ReadonlyMap<string, IssuerKey>;
  /** JSON-LD contexts the operator added, by URL (none when absent). */
  contexts?: ReadonlyMap<string, PinnedContext>;
}

/**
 * Who vouches for a document's evidence, for badges and explanations: the trust list's names for
 * the issuers whose proofs held, else the attestation; null when nobody does.
 */
export function vouchedBy(v: DocumentVerification | null): string | null {
  if (!v) return null;
  const trusted = [
    ...new Set(v.credentials.flatMap((c) => (c.code === "valid" && c.trustedAs ? [c.trustedAs] : []))),
  ];
  if (trusted.length > 0) return trusted.join(", ");
  return v.attestedBy ? `attested by ${v.attestedBy}` : null;
}

/** A revoked or suspended document is "revoked" whatever its proof said; the list is read later. */
export function effectiveStatus(
  verification: Pick<DocumentVerification, "status">,
  revocation: string,
): VerificationStatus {
  return revocation === "revoked" || revocation === "suspended" ? "revoked" : verification.status;
}
