/** Named levels for people: the canonical anchors of DESIGN.md, never bare numbers. */
import { LEVEL_NAMES } from "../../src/domain/schemas.ts";
import { anchorName } from "../../src/scoring/summary.ts";

export const LEVEL_OPTIONS = LEVEL_NAMES.slice(1).map((name, i) => ({ value: i + 1, name }));

/** The same anchor the match summary names (a 3.7 has reached practitioner, not advanced). */
export function levelName(level: number | null): string {
  return level === null ? "level not stated" : anchorName(level);
}

const SOURCE_LABELS: Record<string, { text: string; cls: string }> = {
  "verified-credential": { text: "verified credential", cls: "verified" },
  "issued-credential": { text: "issued credential", cls: "" },
  "employer-record": { text: "employer record", cls: "" },
  assessment: { text: "assessment", cls: "" },
  "self-asserted": { text: "self-asserted", cls: "self" },
  "signed-credential": { text: "signed, issuer not on the trust list", cls: "" },
};

export const sourceLabel = (kind: string) => SOURCE_LABELS[kind] ?? { text: kind, cls: "" };

/**
 * The badge a piece of evidence wears: "verified by <issuer>" only when a proof from a trusted
 * issuer held, "attested by <name>" when an operator vouched for it, else its source kind.
 */
export function evidenceBadge(e: {
  verified: boolean;
  verifiedBy?: string | null | undefined;
  sourceKind: string;
}) {
  if (!e.verified)
    return sourceLabel(e.sourceKind === "verified-credential" ? "issued-credential" : e.sourceKind);
  if (e.verifiedBy?.startsWith("attested by ")) return { text: e.verifiedBy, cls: "attested" };
  return { text: e.verifiedBy ? `verified by ${e.verifiedBy}` : "verified credential", cls: "verified" };
}

/** A document's verification state in words: what the verifier established, and why. */
export const VERIFICATION_TEXT: Record<string, string> = {
  verified: "verified",
  "signed-untrusted-issuer": "signed, issuer not on the trust list",
  unsigned: "unsigned",
  "invalid-signature": "invalid signature (tampered)",
  expired: "expired",
  revoked: "revoked",
};
