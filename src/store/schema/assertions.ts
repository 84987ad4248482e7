/** One row per skill assertion (SkillAssertion), resolved or not. */
import { index, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ResolutionMethod, SourceKind } from "../../domain/schemas.ts";
import { recordedInDocument } from "./documents.ts";
import { enumValues } from "./enum.ts";

export const assertions = sqliteTable(
  "assertions",
  {
    ...recordedInDocument(),
    conceptId: text("concept_id"),
    skillText: text("skill_text").notNull(),
    resolutionMethod: text("resolution_method", { enum: enumValues(ResolutionMethod.options) }).notNull(),
    resolutionConfidence: real("resolution_confidence").notNull(),
    rawLevel: text("raw_level"),
    scale: text("scale"),
    level: real("level"),
    sourceKind: text("source_kind", { enum: enumValues(SourceKind.options) }).notNull(),
    issuer: text("issuer"),
    issuedAt: text("issued_at"),
    lastPracticedAt: text("last_practiced_at"),
    validUntil: text("valid_until"),
    wherePracticed: text("where_practiced"),
    sourcePath: text("source_path").notNull(),
  },
  (t) => [
    index("assertions_candidate_idx").on(t.candidateId),
    index("assertions_concept_idx").on(t.conceptId),
    index("assertions_document_idx").on(t.documentId),
  ],
);
