/** One row per degree a document records (DegreeEvidence): its own kind, not a skill assertion. */
import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { DEGREE_LEVELS } from "../../domain/education.ts";
import { recordedInDocument } from "./documents.ts";

export const degrees = sqliteTable(
  "degrees",
  {
    ...recordedInDocument(),
    title: text("title").notNull(),
    level: text("level", { enum: DEGREE_LEVELS }).notNull(),
    field: text("field"),
    issuer: text("issuer"),
    awardedAt: text("awarded_at"),
    sourcePath: text("source_path").notNull(),
  },
  (t) => [index("degrees_candidate_idx").on(t.candidateId), index("degrees_document_idx").on(t.documentId)],
);
