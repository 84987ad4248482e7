/**
 * The schema the migrations build, pinned: a migration may be rewritten (drizzle applies it by its
 * journal entry and never checks its text), but only into one that builds the very same schema.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.ts";

/** Every table's and index's SQL as SQLite keeps it, sorted, on a freshly migrated file (drizzle's own journal table aside). */
function freshSchema(): string[] {
  const dir = mkdtempSync(join(tmpdir(), "ler-schema-"));
  const { sqlite } = openDatabase(join(dir, "store.db"));
  try {
    return sqlite
      .prepare(
        `select sql from sqlite_master
         where sql is not null and type in ('table', 'index') and name <> '__drizzle_migrations'
         order by sql`,
      )
      .all()
      .map((r) => (r as { sql: string }).sql);
  } finally {
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("migrations", () => {
  it("build the schema they always have on a fresh file", () => {
    expect(freshSchema()).toMatchSnapshot();
  });
});
