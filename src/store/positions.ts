/**
 * Saved positions in the store: one row each, requirements kept as JSON (parsed through the domain
 * schema on the way out, so a row written by an older version is checked, not trusted).
 */
import { and, asc, eq } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { LerError } from "../domain/errors.ts";
import { SavedPosition } from "../domain/positions.ts";
import { positions } from "./schema/positions.ts";

export interface PositionStore {
  /** Saves a new position; an id already taken is a conflict, never an overwrite. */
  insert(position: SavedPosition): void;
  get(id: string): SavedPosition | undefined;
  /** Every saved position, oldest first (then by id). */
  list(): SavedPosition[];
  /** false when unknown */
  delete(id: string): boolean;
}

type PositionRow = typeof positions.$inferSelect;

const fromRow = (row: PositionRow): SavedPosition =>
  SavedPosition.parse({
    id: row.id,
    name: row.name,
    requirements: JSON.parse(row.requirements),
    jobDescription: row.jobDescription,
    unresolved: JSON.parse(row.unresolved),
    createdAt: row.createdAt,
  });

/** One organisation's positions: another organisation's ids read as unknown. */
export function createPositionStore(db: BetterSQLite3Database, org: string): PositionStore {
  const mine = (id: string) => and(eq(positions.id, id), eq(positions.org, org));
  return {
    insert(p) {
      // ids are one space for the deployment; a clash says nothing of whose it is
      if (db.select({ id: positions.id }).from(positions).where(eq(positions.id, p.id)).get())
        throw new LerError("conflict", `a position with id "${p.id}" is already saved`, {
          details: { id: p.id },
        });
      try {
        db.insert(positions)
          .values({
            id: p.id,
            org,
            name: p.name,
            requirements: JSON.stringify(p.requirements),
            jobDescription: p.jobDescription,
            unresolved: JSON.stringify(p.unresolved),
            createdAt: p.createdAt,
          })
          .run();
      } catch (cause) {
        throw new LerError("store_failed", `could not save position "${p.id}"`, { cause });
      }
    },
    get(id) {
      const row = db.select().from(positions).where(mine(id)).get();
      return row ? fromRow(row) : undefined;
    },
    list: () =>
      db
        .select()
        .from(positions)
        .where(eq(positions.org, org))
        .orderBy(asc(positions.createdAt), asc(positions.id))
        .all()
        .map(fromRow),
    delete: (id) => db.delete(positions).where(mine(id)).run().changes > 0,
  };
}
