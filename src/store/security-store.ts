/**
 * The access tables of the store (schema/security.ts): API keys, the append-only audit trail,
 * erasure receipts and the store's secret. Exposes appends and reads only; nothing here updates
 * or deletes an audit row.
 */
import { randomBytes } from "node:crypto";
import type { Database } from "better-sqlite3";
import { and, asc, eq, getTableName, lt, max, type SQL, sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { apiKeys, auditLog, candidates, documents, erasureReceipts, storeSecrets } from "./schema/index.ts";

export type KeyRow = typeof apiKeys.$inferSelect;
/** What every row of one audited action shares; each row adds its subject. */
export type AuditEvent = Pick<
  typeof auditLog.$inferSelect,
  "at" | "keyId" | "keyName" | "org" | "action" | "remote" | "requestId"
>;
export type AuditRead = typeof auditLog.$inferSelect;
export type ReceiptRow = typeof erasureReceipts.$inferInsert;

export interface SecurityStore {
  insertKey(row: KeyRow): void;
  keyByHash(tokenHash: string): KeyRow | undefined;
  /** this organisation's keys by id, or by name when no id matches; several keys may share a name */
  keysNamed(idOrName: string, org: string): KeyRow[];
  listKeys(org: string): KeyRow[];
  revokeKey(id: string, atMs: number): boolean;
  /** One row per subject (null: an action about no one), all in one statement. */
  appendAudit(event: AuditEvent, subjects: readonly (string | null)[]): void;
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

/**
 * The statements every request runs, prepared once: a key look-up, and the audit rows. A match
 * appends a row per person on its page: one raw statement inserts them all, the subjects passed as
 * one JSON array (drizzle's per-row parameter mapping and a statement per row were a third of it).
 */
function prepareHot(db: BetterSQLite3Database, sqlite: Database) {
  const t = auditLog;
  const insertPerSubject = sqlite.prepare(
    `insert into ${getTableName(t)} (${t.at.name}, ${t.keyId.name}, ${t.keyName.name}, ${t.org.name},
       ${t.action.name}, ${t.remote.name}, ${t.requestId.name}, ${t.subject.name})
     select ?, ?, ?, ?, ?, ?, ?, value from json_each(?)`,
  );
  return {
    keyByHash: db
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.tokenHash, p("hash")))
      .prepare(),
    appendAudit(event: AuditEvent, subjects: readonly (string | null)[]): void {
      const { at, keyId, keyName, org, action, remote, requestId } = event;
      insertPerSubject.run(at, keyId, keyName, org, action, remote, requestId, JSON.stringify(subjects));
    },
  };
}

export function createSecurityStore(db: BetterSQLite3Database, sqlite: Database): SecurityStore {
  const hot = prepareHot(db, sqlite);
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
    appendAudit: hot.appendAudit,
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
