/**
 * Verification of one ingested input: every proof on it checked offline, the result a
 * DocumentVerification the pipeline stores with the document and the scoring model reads
 * (docs/verification.md). The one entry point the pipeline calls.
 */
import type { DocumentVerification, TrustSnapshot } from "../../src/domain/verification.ts";
import { isObject, type Json } from "../json-path.ts";
import { findCredentials } from "./credentials.ts";
import { verifyLinkedDataProof } from "./data-integrity.ts";
import { verifyJws } from "./jose.ts";
import { staticLoader } from "./loader.ts";
import type { ProofOutcome } from "./outcome.ts";
import { toCheck } from "./status.ts";

export interface VerifyContext {
  trust: TrustSnapshot;
  nowMs: number;
  /** The operator or API key that vouches for the document's own claims, when one does. */
  attestedBy?: string | null;
}

export interface VerifyTarget {
  /** The parsed document (for a JWT: its payload). */
  content: unknown;
  /** The compact JWS the content was decoded from, when it came as one. */
  jws?: string;
}

const NO_PROOF: ProofOutcome = { code: "no_proof", detail: "no proof: nothing to check", proof: null };

const hasStatus = (credential: Json): boolean => credential.credentialStatus != null;

export async function verifyDocument(
  target: VerifyTarget,
  ctx: VerifyContext,
): Promise<DocumentVerification> {
  const { trust, nowMs } = ctx;
  const attestedBy = ctx.attestedBy ?? null;
  if (!isObject(target.content)) return summarise([], false, attestedBy);
  if (target.jws !== undefined) {
    const payload = target.content;
    const credential = isObject(payload.vc) ? payload.vc : payload;
    const outcome = await verifyJws(target.jws, payload, trust);
    return summarise(
      [toCheck("$", { ...credential, ...jwtDates(payload) }, outcome, trust, nowMs)],
      hasStatus(credential),
      attestedBy,
    );
  }
  const loader = staticLoader(trust);
  const checks = [];
  for (const { path, credential } of findCredentials(target.content)) {
    const outcome =
      credential.proof === undefined ? NO_PROOF : await verifyLinkedDataProof(credential, loader);
    checks.push(toCheck(path, credential, outcome, trust, nowMs));
  }
  return summarise(checks, hasStatus(target.content), attestedBy);
}

/** JWT `exp` is the credential's expiry when the credential states none. */
function jwtDates(payload: Json): Json {
  return typeof payload.exp === "number"
    ? { expirationDate: new Date(payload.exp * 1000).toISOString() }
    : {};
}

function summarise(
  checks: DocumentVerification["credentials"],
  carriesStatus: boolean,
  attestedBy: string | null,
): DocumentVerification {
  const own = checks[0];
  const statusNote = carriesStatus ? "; status not checked" : "";
  const attestNote = attestedBy ? `; claims attested by ${attestedBy}` : "";
  return {
    status: own?.status ?? "unsigned",
    reason: `${own?.reason ?? "not a credential: nothing to check"}${statusNote}${attestNote}`,
    credentials: checks,
    attestedBy,
  };
}
