/**
 * A document's verification → what its assertions may claim. Trust is established, not read: an
 * assertion's source kind is the one its format implies, raised to "verified-credential" by a
 * valid proof from a trusted issuer and to "signed-credential" by a valid proof from anyone else,
 * kept as claimed only under an attestation, and lowered to "self-asserted" when its proof was
 * tampered with. Every claim the engine would not accept is
 * named in a warning with a stable code (UNATTESTED_CLAIM).
 */
import type { SourceKind, Verification } from "../../src/domain/schemas.ts";
import type { CredentialCheck, DocumentVerification } from "../../src/domain/verification.ts";
import type { ParsedDocument, RawAssertion } from "../types.ts";
import { type SignatureLevel, signatureLevel } from "./status.ts";

/** The warning code a downgraded self-claim carries in the ingest report. */
export const UNATTESTED_CLAIM = "unattested_claim";

type Standing = SignatureLevel | "attested";

/** Kinds only a checked proof (or an attestation) may give: claimed without one, they fall back. */
const ESTABLISHED_ONLY: ReadonlySet<SourceKind> = new Set(["verified-credential", "signed-credential"]);
const unclaimed = (claimed: SourceKind): SourceKind =>
  ESTABLISHED_ONLY.has(claimed) ? "issued-credential" : claimed;

/** The kind an assertion is stored with, from what its signature established and what it claimed. */
const KIND_FOR: Record<Standing, (claimed: SourceKind) => SourceKind> = {
  trusted: (claimed) => (claimed === "self-asserted" ? claimed : "verified-credential"),
  untrusted: (claimed) => (claimed === "self-asserted" ? claimed : "signed-credential"),
  none: unclaimed,
  invalid: () => "self-asserted",
  attested: (claimed) => claimed,
};

const VERIFICATION_FOR: Record<Standing, (claimed: Verification) => Verification> = {
  trusted: () => "verified",
  untrusted: () => "unverified",
  none: () => "unverified",
  invalid: () => "invalid",
  attested: (claimed) => claimed,
};

/** `$.a.b` covers `$.a.b`, `$.a.b.c` and `$.a.b[0]`, not `$.a.bc`. */
const covers = (path: string, at: string) =>
  at === path || at.startsWith(`${path}.`) || at.startsWith(`${path}[`);

/** The innermost credential an assertion was read from. */
function checkFor(sourcePath: string, checks: readonly CredentialCheck[]): CredentialCheck | undefined {
  let best: CredentialCheck | undefined;
  for (const c of checks)
    if (covers(c.path, sourcePath) && (!best || c.path.length > best.path.length)) best = c;
  return best;
}

function standing(check: CredentialCheck | undefined, attested: boolean): Standing {
  const level = check ? signatureLevel(check) : "none";
  // an attestation vouches for claims the engine could not check: never against a failed proof,
  // and never in place of a proof from a trusted issuer, which establishes more than it claims
  return attested && level !== "invalid" && level !== "trusted" ? "attested" : level;
}

export function applyVerification(
  doc: ParsedDocument,
  verification: DocumentVerification,
  /** False when the document is one of several read from an input: its paths are not the input's. */
  pathsAreInputs: boolean,
): ParsedDocument {
  const attested = verification.attestedBy !== null;
  const checks = pathsAreInputs ? verification.credentials : verification.credentials.slice(0, 1);
  const own = standing(checks[0], attested);
  const warnings = [...doc.warnings];
  const verificationOut = VERIFICATION_FOR[own](doc.verification);
  if (doc.verification === "verified" && verificationOut !== "verified")
    warnings.push(
      `${UNATTESTED_CLAIM}: the document says verification "verified", which only a proof the engine checks or an attestation (--attested-by) can establish; recorded as ${verificationOut}`,
    );
  const assertions = doc.assertions.map((a): RawAssertion => {
    const claimed = a.sourceKind ?? doc.sourceKind;
    const kind = KIND_FOR[pathsAreInputs ? standing(checkFor(a.sourcePath, checks), attested) : own](claimed);
    if (a.sourceKind !== undefined && ESTABLISHED_ONLY.has(a.sourceKind) && kind !== a.sourceKind)
      warnings.push(
        `${UNATTESTED_CLAIM}: ${a.sourcePath} claims source "${a.sourceKind}" without a proof the engine could check or an attestation; recorded as ${kind}`,
      );
    return kind === claimed ? a : { ...a, sourceKind: kind };
  });
  const sourceKind = KIND_FOR[own](doc.sourceKind);
  if (ESTABLISHED_ONLY.has(doc.sourceKind) && sourceKind !== doc.sourceKind)
    warnings.push(
      `${UNATTESTED_CLAIM}: the document claims source "${doc.sourceKind}" without a proof the engine could check or an attestation; its assertions are recorded as ${sourceKind}`,
    );
  return { ...doc, verification: verificationOut, sourceKind, assertions, warnings };
}
