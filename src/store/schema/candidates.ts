/**
 * People the LERs are about. A row exists while any document about the person is stored; the
 * person belongs to the organisation that wrote their first document, and only that one sees them.
 */
import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { DEFAULT_ORG } from "../../domain/access.ts";

export const candidates = sqliteTable(
  "candidates",
  {
    id: text("id").primaryKey(),
    org: text("org").notNull().default(DEFAULT_ORG),
    name: text("name"),
    email: text("email"),
    location: text("location"),
  },
  (t) => [index("candidates_org_idx").on(t.org, t.id)],
);

/** The columns of a row a person owns: its id, and theirs (erasing the person erases the row). */
export const ownedByCandidate = () => ({
  id: text("id").primaryKey(),
  candidateId: text("candidate_id")
    .notNull()
    .references(() => candidates.id, { onDelete: "cascade" }),
});
