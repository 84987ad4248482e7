/**
 * The access tables of the store (schema/security.ts): API keys, the append-only audit trail,
 * erasure receipts and the store's secret. Exposes appends and reads only; nothing here updates
 * or deletes an audit row.
 */
import { randomBytes } from "node:crypto";
import { and, asc, eq, lt, max, sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { apiKeys, auditLog, documents, erasureReceipts, storeSecrets } from "./schema/index.ts";

export type KeyRow = typeof apiKeys.$inferSelect;
export type AuditRow = typeof auditLog.$inferInsert;
export type AuditRead = typeof auditLog.$inferSelect;
export type ReceiptRow = typeof erasureReceipts.$inferInsert;

export interface SecurityStore {
  insertKey(row: KeyRow): void;
  keyByHash(tokenHash: string): KeyRow | undefined;
  /** by id, or by name when no id matches; several keys may share a name */
  keysNamed(idOrName: string): KeyRow[];
  listKeys(): KeyRow[];
  revokeKey(id: string, atMs: number): boolean;
  appendAudit(rows: readonly AuditRow[]): void;
  auditFor(subject: string): AuditRead[];
  appendReceipt(row: ReceiptRow): void;
  receiptsFor(subject: string): (typeof erasureReceipts.$inferSelect)[];
  /** The store's own random secret: created on first use, kept in the database. */
  secret(name: string): string;
  /** Candidates whose newest document was ingested before this ISO instant. */
  candidatesIngestedBefore(iso: string): string[];
}

const AUDIT_CHUNK = 500;

export function createSecurityStore(db: BetterSQLite3Database): SecurityStore {
  return {
    insertKey: (row) => void db.insert(apiKeys).values(row).run(),
    keyByHash: (tokenHash) => db.select().from(apiKeys).where(eq(apiKeys.tokenHash, tokenHash)).get(),
    keysNamed(idOrName) {
      const byId = db.select().from(apiKeys).where(eq(apiKeys.id, idOrName)).all();
      return byId.length ? byId : db.select().from(apiKeys).where(eq(apiKeys.name, idOrName)).all();
    },
    listKeys: () => db.select().from(apiKeys).orderBy(asc(apiKeys.createdAt), asc(apiKeys.id)).all(),
    revokeKey: (id, atMs) =>
      db
        .update(apiKeys)
        .set({ revokedAt: atMs })
        .where(and(eq(apiKeys.id, id), sql`${apiKeys.revokedAt} is null`))
        .run().changes > 0,
    appendAudit(rows) {
      // one statement per chunk: a 20,000-person ingest is 20,000 rows, past SQLite's bound-variable limit
      db.transaction((tx) => {
        for (let i = 0; i < rows.length; i += AUDIT_CHUNK)
          tx.insert(auditLog)
            .values(rows.slice(i, i + AUDIT_CHUNK))
            .run();
      });
    },
    auditFor: (subject) =>
      db.select().from(auditLog).where(eq(auditLog.subject, subject)).orderBy(asc(auditLog.id)).all(),
    appendReceipt: (row) => void db.insert(erasureReceipts).values(row).run(),
    receiptsFor: (subject) =>
      db.select().from(erasureReceipts).where(eq(erasureReceipts.subject, subject)).all(),
    secret(name) {
      const found = db.select().from(storeSecrets).where(eq(storeSecrets.name, name)).get();
      if (found) return found.value;
      db.insert(storeSecrets)
        .values({ name, value: randomBytes(32).toString("hex") })
        .onConflictDoNothing()
        .run();
      return db.select().from(storeSecrets).where(eq(storeSecrets.name, name)).get()!.value;
    },
    candidatesIngestedBefore: (iso) =>
      db
        .select({ id: documents.candidateId })
        .from(documents)
        .groupBy(documents.candidateId)
        .having(lt(max(documents.ingestedAt), iso))
        .all()
        .map((r) => r.id),
  };
}
