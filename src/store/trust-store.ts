/** The trust list, operator-supplied issuer keys and pinned JSON-LD contexts, on the store's database. */
import { asc, eq } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import {
  IssuerKey,
  type PinnedContext,
  type TrustedIssuer,
  type TrustSnapshot,
} from "../domain/verification.ts";
import { documents, issuerKeys, operatorContexts, trustedIssuers } from "./schema/index.ts";

export interface TrustStore {
  listIssuers(): TrustedIssuer[];
  /** Adds or renames; true when the issuer was new. */
  putIssuer(issuer: TrustedIssuer): boolean;
  removeIssuer(id: string): boolean;
  listKeys(): IssuerKey[];
  putKey(key: IssuerKey, addedAt: string): boolean;
  removeKey(id: string): boolean;
  listContexts(): PinnedContext[];
  getContext(url: string): PinnedContext | undefined;
  /** Adds (or restores) a context; the caller has checked that no other bytes are pinned for its URL. */
  putContext(context: PinnedContext): void;
  removeContext(url: string): boolean;
  snapshot(): TrustSnapshot;
  /** Documents whose proof did not hold: kept and flagged, for an administrator to look at. */
  tamperedDocuments(): TamperedDocument[];
}

export interface TamperedDocument {
  id: string;
  candidateId: string;
  title: string | null;
  fileName: string | null;
  reason: string;
}

export function createTrustStore(db: BetterSQLite3Database): TrustStore {
  const listIssuers = () => db.select().from(trustedIssuers).orderBy(asc(trustedIssuers.id)).all();
  const listKeys = () =>
    db
      .select()
      .from(issuerKeys)
      .orderBy(asc(issuerKeys.id))
      .all()
      .map((r) => IssuerKey.parse(JSON.parse(r.method)));
  const listContexts = () => db.select().from(operatorContexts).orderBy(asc(operatorContexts.url)).all();
  const exists = (table: typeof trustedIssuers | typeof issuerKeys, id: string) =>
    db.select({ id: table.id }).from(table).where(eq(table.id, id)).get() !== undefined;
  return {
    listIssuers,
    putIssuer(issuer) {
      const isNew = !exists(trustedIssuers, issuer.id);
      db.insert(trustedIssuers)
        .values(issuer)
        .onConflictDoUpdate({ target: trustedIssuers.id, set: { name: issuer.name } })
        .run();
      return isNew;
    },
    removeIssuer: (id) => db.delete(trustedIssuers).where(eq(trustedIssuers.id, id)).run().changes > 0,
    listKeys,
    putKey(key, addedAt) {
      const isNew = !exists(issuerKeys, key.id);
      const row = { id: key.id, controller: key.controller, method: JSON.stringify(key), addedAt };
      db.insert(issuerKeys)
        .values(row)
        .onConflictDoUpdate({
          target: issuerKeys.id,
          set: { controller: row.controller, method: row.method },
        })
        .run();
      return isNew;
    },
    removeKey: (id) => db.delete(issuerKeys).where(eq(issuerKeys.id, id)).run().changes > 0,
    listContexts,
    getContext: (url) => db.select().from(operatorContexts).where(eq(operatorContexts.url, url)).get(),
    putContext: (context) =>
      void db
        .insert(operatorContexts)
        .values(context)
        .onConflictDoUpdate({ target: operatorContexts.url, set: { content: context.content } })
        .run(),
    removeContext: (url) =>
      db.delete(operatorContexts).where(eq(operatorContexts.url, url)).run().changes > 0,
    tamperedDocuments: () =>
      db
        .select({
          id: documents.id,
          candidateId: documents.candidateId,
          title: documents.title,
          fileName: documents.fileName,
          detail: documents.verificationDetail,
        })
        .from(documents)
        .where(eq(documents.verificationStatus, "invalid-signature"))
        .orderBy(asc(documents.id))
        .all()
        .map(({ detail, ...d }) => ({
          ...d,
          reason: detail ? (JSON.parse(detail) as { reason: string }).reason : "",
        })),
    snapshot: () => ({
      issuers: new Map(listIssuers().map((i) => [i.id, i])),
      keys: new Map(listKeys().map((k) => [k.id, k])),
      contexts: new Map(listContexts().map((c) => [c.url, c])),
    }),
  };
}
