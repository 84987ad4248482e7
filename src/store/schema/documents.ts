/** One row per LER document: its provenance, verification state and the raw JSON as received. */
import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { LerFormat, RevocationStatus, Verification } from "../../domain/schemas.ts";
import { VerificationStatus } from "../../domain/verification.ts";
import { ownedByCandidate } from "./candidates.ts";
import { enumValues } from "./enum.ts";

export const documents = sqliteTable(
  "documents",
  {
    ...ownedByCandidate(),
    format: text("format", { enum: enumValues(LerFormat.options) }).notNull(),
    title: text("title"),
    issuer: text("issuer"),
    issuedAt: text("issued_at"),
    validUntil: text("valid_until"),
    verification: text("verification", { enum: enumValues(Verification.options) }).notNull(),
    revocation: text("revocation", { enum: enumValues(RevocationStatus.options) }).notNull(),
    /** What the verifier established (docs/verification.md); "unsigned" for rows written before it. */
    verificationStatus: text("verification_status", { enum: enumValues(VerificationStatus.options) })
      .notNull()
      .default("unsigned"),
    /** JSON text of the DocumentVerification: every credential checked, with its reason. */
    verificationDetail: text("verification_detail"),
    /** vouchedBy(detail): the trusted issuers' names, or "attested by …"; read with every piece of evidence. */
    verifiedBy: text("verified_by"),
    /** JSON text; null when the document carries no credentialStatus. */
    credentialStatus: text("credential_status"),
    fileName: text("file_name"),
    contentHash: text("content_hash").notNull(),
    /** JSON text of the document as received. */
    raw: text("raw").notNull(),
    /** The compact JWS a VC-JWT came as (`raw` holds its payload), so it can be re-verified in place. */
    compactJws: text("compact_jws"),
    ingestedAt: text("ingested_at").notNull(),
  },
  (t) => [
    index("documents_candidate_idx").on(t.candidateId),
    index("documents_verification_idx").on(t.verificationStatus),
  ],
);

/** The columns of a piece of evidence a document records: its id, its person's and its document's. */
export const recordedInDocument = () => ({
  ...ownedByCandidate(),
  documentId: text("document_id")
    .notNull()
    .references(() => documents.id, { onDelete: "cascade" }),
});
