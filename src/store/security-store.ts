/**
 * The access tables of the store (schema/security.ts): API keys, the append-only audit trail,
 * erasure receipts and the store's secret. Exposes appends and reads only; nothing here updates
 * or deletes an audit row.
 */
import { randomBytes } from "node:crypto";
import { and, asc, eq, lt, max, type SQL, sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { apiKeys, auditLog, candidates, documents, erasureReceipts, storeSecrets } from "./schema/index.ts";

export type KeyRow = typeof apiKeys.$inferSelect;
export type AuditRow = typeof auditLog.$inferInsert;
export type AuditRead = typeof auditLog.$inferSelect;
export type ReceiptRow = typeof erasureReceipts.$inferInsert;

export interface SecurityStore {
  insertKey(row: KeyRow): void;
  keyByHash(tokenHash: string): KeyRow | undefined;
  /** this organisation's keys by id, or by name when no id matches; several keys may share a name */
  keysNamed(idOrName: string, org: string): KeyRow[];
  listKeys(org: string): KeyRow[];
  revokeKey(id: string, atMs: number): boolean;
  appendAudit(rows: readonly AuditRow[]): void;
  /** what this organisation's keys did to the person: another organisation's rows stay its own */
  auditFor(subject: string, org: string): AuditRead[];
  appendReceipt(row: ReceiptRow): void;
  receiptsFor(subject: string, org: string): (typeof erasureReceipts.$inferSelect)[];
  /** The store's own random secret: created on first use, kept in the database. */
  secret(name: string): string;
  /** Candidates (of every organisation) whose newest document was ingested before this ISO instant. */
  candidatesIngestedBefore(iso: string): { id: string; org: string }[];
}

const p = sql.placeholder;

/** The statements every request runs, prepared once: a key look-up and an audit row. */
function prepareHot(db: BetterSQLite3Database) {
  return {
    keyByHash: db
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.tokenHash, p("hash")))
      .prepare(),
    appendAudit: db
      .insert(auditLog)
      .values({
        at: p("at"),
        keyId: p("keyId"),
        keyName: p("keyName"),
        org: p("org"),
        action: p("action"),
        subject: p("subject"),
        remote: p("remote"),
        requestId: p("requestId"),
      })
      .prepare(),
  };
}

export function createSecurityStore(db: BetterSQLite3Database): SecurityStore {
  const hot = prepareHot(db);
  const secrets = new Map<string, string>();
  return {
    insertKey: (row) => void db.insert(apiKeys).values(row).run(),
    keyByHash: (hash) => hot.keyByHash.get({ hash }),
    keysNamed(idOrName, org) {
      const inOrg = (match: SQL) =>
        db
          .select()
          .from(apiKeys)
          .where(and(match, eq(apiKeys.org, org)))
          .all();
      const byId = inOrg(eq(apiKeys.id, idOrName));
      return byId.length ? byId : inOrg(eq(apiKeys.name, idOrName));
    },
    listKeys: (org) =>
      db
        .select()
        .from(apiKeys)
        .where(eq(apiKeys.org, org))
        .orderBy(asc(apiKeys.createdAt), asc(apiKeys.id))
        .all(),
    revokeKey: (id, atMs) =>
      db
        .update(apiKeys)
        .set({ revokedAt: atMs })
        .where(and(eq(apiKeys.id, id), sql`${apiKeys.revokedAt} is null`))
        .run().changes > 0,
    appendAudit(rows) {
      db.transaction(() => {
        for (const row of rows) hot.appendAudit.run({ ...row, subject: row.subject ?? null });
      });
    },
    auditFor: (subject, org) =>
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subject, subject), eq(auditLog.org, org)))
        .orderBy(asc(auditLog.id))
        .all(),
    appendReceipt: (row) => void db.insert(erasureReceipts).values(row).run(),
    receiptsFor: (subject, org) =>
      db
        .select()
        .from(erasureReceipts)
        .where(and(eq(erasureReceipts.subject, subject), eq(erasureReceipts.org, org)))
        .all(),
    secret(name) {
      const cached = secrets.get(name);
      if (cached) return cached;
      db.insert(storeSecrets)
        .values({ name, value: randomBytes(32).toString("hex") })
        .onConflictDoNothing()
        .run();
      const value = db.select().from(storeSecrets).where(eq(storeSecrets.name, name)).get()!.value;
      secrets.set(name, value);
      return value;
    },
    candidatesIngestedBefore: (iso) =>
      db
        .select({ id: documents.candidateId, org: candidates.org })
        .from(documents)
        .innerJoin(candidates, eq(candidates.id, documents.candidateId))
        .groupBy(documents.candidateId)
        .having(lt(max(documents.ingestedAt), iso))
        .all(),
  };
}
