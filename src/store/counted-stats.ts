/**
 * The store's counts (people, documents, assertions, the outbox's backlog) are counted again only
 * when something they count has changed. Counting joins every assertion to its person: 140 ms of
 * CPU at 100,000 people, on every `GET /health`, which monitors poll.
 *
 * What changed is told by a stamp read in one statement:
 *   - this connection's own writes: temporary triggers (this connection's, no migration) count the
 *     rows inserted into or deleted from `candidates`, `documents` and `outbox`. Assertions are
 *     only ever written with their document (stored with it, deleted with it by cascade), so a
 *     document's insert or delete stands for theirs;
 *   - another connection's or process's commits: SQLite's `data_version`, which moves for exactly
 *     those.
 * A transaction rolled back takes the triggers' count back with it, together with what it counted.
 */
import type { Database } from "better-sqlite3";

const COUNTED = ["candidates", "documents", "outbox"] as const;

/** The change stamp of the counted tables, as seen from this connection. */
export function countedChangeStamp(sqlite: Database): () => string {
  sqlite.exec(
    "create temp table if not exists counted_changes (n integer not null);" +
      "insert into temp.counted_changes select 0 where not exists (select 1 from temp.counted_changes);",
  );
  for (const table of COUNTED)
    for (const op of ["insert", "delete"])
      sqlite.exec(
        `create temp trigger if not exists counted_${table}_${op} after ${op} on main.${table} ` +
          "begin update temp.counted_changes set n = n + 1; end;",
      );
  const stamp = sqlite
    .prepare(
      "select (select n from temp.counted_changes) || ':' || (select data_version from pragma_data_version)",
    )
    .pluck();
  return () => stamp.get() as string;
}

/** `compute(key)` kept until the stamp moves. */
export function heldUntilChanged<K, V>(stamp: () => string, compute: (key: K) => V): (key: K) => V {
  const held = new Map<K, { at: string; value: V }>();
  return (key) => {
    const at = stamp();
    const last = held.get(key);
    if (last?.at === at) return last.value;
    const value = compute(key);
    held.set(key, { at, value });
    return value;
  };
}
