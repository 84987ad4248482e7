/** Positions an organisation saved: resolved requirements as JSON, the job description they came from. */
import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import { DEFAULT_ORG } from "../../domain/access.ts";

export const positions = sqliteTable("positions", {
  id: text("id").primaryKey(),
  /** the organisation that saved it; no other sees it */
  org: text("org").notNull().default(DEFAULT_ORG),
  name: text("name").notNull(),
  /** SavedRequirement[] as JSON */
  requirements: text("requirements").notNull(),
  jobDescription: text("job_description"),
  /** string[] as JSON */
  unresolved: text("unresolved").notNull().default("[]"),
  /** ISO date-time from the engine clock */
  createdAt: text("created_at").notNull(),
});
