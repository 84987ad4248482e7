/**
 * Index updates waiting to be applied, written in the same transaction as the rows they are about.
 * `candidate_id` is deliberately not a foreign key: a "delete" item must outlive its candidate.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    candidateId: text("candidate_id").notNull(),
    op: text("op", { enum: ["upsert", "delete"] }).notNull(),
    /** epoch ms */
    createdAt: integer("created_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    /** epoch ms: not handed out before this */
    nextAttemptAt: integer("next_attempt_at").notNull(),
    lastError: text("last_error"),
  },
  (t) => [
    index("outbox_next_attempt_idx").on(t.nextAttemptAt),
    index("outbox_candidate_idx").on(t.candidateId),
  ],
);
