/**
 * Imported taxonomies (ESCO, O*NET, CASE frameworks) kept in the store database. Each row holds one
 * concept or occupation profile as JSON so the taxonomy model can evolve without migrations.
 */
import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const taxonomyConcepts = sqliteTable(
  "taxonomy_concepts",
  {
    id: text("id").primaryKey(),
    source: text("source").notNull(),
    json: text("json").notNull(),
  },
  (t) => [index("taxonomy_concepts_source_idx").on(t.source)],
);

export const taxonomyOccupations = sqliteTable(
  "taxonomy_occupations",
  {
    id: text("id").primaryKey(),
    source: text("source").notNull(),
    json: text("json").notNull(),
  },
  (t) => [index("taxonomy_occupations_source_idx").on(t.source)],
);
