/**
 * The one way the SQLite file is opened: the store and the taxonomy tables share a file, so they
 * share its settings and its migrations. The file is created and migrated on first open.
 */
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";

/** Resolved from this file, so the store migrates the same whatever the working directory. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../drizzle", import.meta.url));

export interface OpenDatabase {
  sqlite: Database.Database;
  db: BetterSQLite3Database;
}

/** Opens and migrates the file; on failure nothing stays open and the cause is thrown as is. */
export function openDatabase(path: string): OpenDatabase {
  const sqlite = new Database(path);
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("synchronous = NORMAL");
    // an erased person's rows are overwritten on disk, not left in free pages
    sqlite.pragma("secure_delete = ON");
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    return { sqlite, db };
  } catch (cause) {
    sqlite.close();
    throw cause;
  }
}
