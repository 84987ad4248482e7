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

/**
 * Pages the write-ahead log may hold before a commit copies them into the file (SQLite's default
 * is 1,000). Every match appends an audit row per person on its page, rewriting pages of the
 * subject index again and again: at 1,000 a checkpoint copied them, and waited on fsync, every few
 * hundred requests on the request's own thread. At 10,000 (about 40 MB of log) a page rewritten
 * many times is copied once: a 20-person page's audit rows take 0.49 ms instead of 0.76 (CPU 0.38
 * instead of 0.51; `npm run bench:audit`). Erasure still checkpoints at once (Store.checkpoint), so
 * nothing erased lingers in the log.
 */
export const WAL_AUTOCHECKPOINT_PAGES = 10_000;

/** Opens and migrates the file; on failure nothing stays open and the cause is thrown as is. */
export function openDatabase(path: string): OpenDatabase {
  const sqlite = new Database(path);
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
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
