/**
 * Imported taxonomies (ESCO, O*NET, CASE frameworks) kept in the store database. Each row holds one
 * concept or occupation profile as JSON so the taxonomy model can evolve without migrations.
 */
import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** A table of one kind of taxonomy entry: its id, the taxonomy it came from, and the entry as JSON. */
const taxonomyEntries = <N extends string>(name: N) =>
  sqliteTable(
    name,
    {
      id: text("id").primaryKey(),
      source: text("source").notNull(),
      json: text("json").notNull(),
    },
    (t) => [index(`${name}_source_idx`).on(t.source)],
  );

export const taxonomyConcepts = taxonomyEntries("taxonomy_concepts");
export const taxonomyOccupations = taxonomyEntries("taxonomy_occupations");
