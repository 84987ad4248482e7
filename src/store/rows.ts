/** Store rows ↔ domain values. JSON columns are text; everything else maps field for field. */
import type { IndexableRow } from "../domain/evidence.ts";
import type { LerDocument, SkillAssertion, SourceKind } from "../domain/schemas.ts";
import { vouchedBy } from "../domain/verification.ts";
import type { assertions, documents } from "./schema/index.ts";

export type DocumentRow = typeof documents.$inferSelect;
export type AssertionRow = typeof assertions.$inferSelect;

const parseJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export function toDocumentRow(d: LerDocument): DocumentRow {
  return {
    id: d.id,
    candidateId: d.candidateId,
    format: d.format,
    title: d.title,
    issuer: d.issuer,
    issuedAt: d.issuedAt,
    validUntil: d.validUntil,
    verification: d.verification,
    revocation: d.revocation,
    verificationStatus: d.verificationDetail?.status ?? "unsigned",
    verificationDetail: d.verificationDetail == null ? null : JSON.stringify(d.verificationDetail),
    verifiedBy: vouchedBy(d.verificationDetail),
    credentialStatus: d.credentialStatus == null ? null : JSON.stringify(d.credentialStatus),
    fileName: d.fileName,
    contentHash: d.contentHash,
    raw: JSON.stringify(d.raw ?? null),
    compactJws: d.compactJws ?? null,
    ingestedAt: d.ingestedAt,
  };
}

export function documentFromRow(r: DocumentRow): LerDocument {
  const { verificationStatus: _status, verificationDetail, verifiedBy: _by, compactJws, ...rest } = r;
  return {
    ...rest,
    // only a VC-JWT has one: every other document reads back exactly as it was written
    ...(compactJws === null ? {} : { compactJws }),
    verificationDetail: parseJson(verificationDetail) as LerDocument["verificationDetail"],
    credentialStatus: parseJson(r.credentialStatus),
    raw: parseJson(r.raw),
  };
}

export function toAssertionRow(a: SkillAssertion): AssertionRow {
  const { resolution, ...rest } = a;
  return { ...rest, resolutionMethod: resolution.method, resolutionConfidence: resolution.confidence };
}

export function assertionFromRow(r: AssertionRow): SkillAssertion {
  const { resolutionMethod, resolutionConfidence, ...rest } = r;
  return { ...rest, resolution: { method: resolutionMethod, confidence: resolutionConfidence } };
}

const REVOKED = new Set<string>(["revoked", "suspended"]);
export const isRevoked = (revocation: string) => REVOKED.has(revocation);
/** A checked signature on the document, or a source that is verified by definition. */
export const isVerifiedDocument = (verification: string, sourceKind: SourceKind) =>
  verification === "verified" || sourceKind === "verified-credential";

export interface IndexJoinRow
  extends Pick<
    AssertionRow,
    "id" | "candidateId" | "level" | "sourceKind" | "issuer" | "issuedAt" | "lastPracticedAt" | "validUntil"
  > {
  conceptId: string;
  docVerification: DocumentRow["verification"];
  docRevocation: DocumentRow["revocation"];
}

/** One resolved assertion with its document's state, ready to index (unresolved ones never are). */
export function indexableFromRow(r: IndexJoinRow): IndexableRow {
  const { docVerification, docRevocation, candidateId: _candidate, ...row } = r;
  return {
    ...row,
    verified: isVerifiedDocument(docVerification, r.sourceKind),
    revoked: isRevoked(docRevocation),
  };
}
