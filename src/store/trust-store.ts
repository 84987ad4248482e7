/** The trust list, operator-supplied issuer keys and pinned JSON-LD contexts, on the store's database. */
import { and, asc, eq } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import {
  IssuerKey,
  type PinnedContext,
  type TrustedIssuer,
  type TrustSnapshot,
} from "../domain/verification.ts";
import { candidates, documents, issuerKeys, operatorContexts, trustedIssuers } from "./schema/index.ts";

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

/** One organisation's trust list: its decisions count for its documents only. */
export function createTrustStore(db: BetterSQLite3Database, org: string): TrustStore {
  const mine = (table: typeof trustedIssuers | typeof issuerKeys, id: string) =>
    and(eq(table.org, org), eq(table.id, id));
  const listIssuers = () =>
    db
      .select({ id: trustedIssuers.id, name: trustedIssuers.name, addedAt: trustedIssuers.addedAt })
      .from(trustedIssuers)
      .where(eq(trustedIssuers.org, org))
      .orderBy(asc(trustedIssuers.id))
      .all();
  const listKeys = () =>
    db
      .select()
      .from(issuerKeys)
      .where(eq(issuerKeys.org, org))
      .orderBy(asc(issuerKeys.id))
      .all()
      .map((r) => IssuerKey.parse(JSON.parse(r.method)));
  const context = {
    url: operatorContexts.url,
    sha256: operatorContexts.sha256,
    content: operatorContexts.content,
    addedAt: operatorContexts.addedAt,
  };
  const contextAt = (url: string) => and(eq(operatorContexts.org, org), eq(operatorContexts.url, url));
  const listContexts = () =>
    db
      .select(context)
      .from(operatorContexts)
      .where(eq(operatorContexts.org, org))
      .orderBy(asc(operatorContexts.url))
      .all();
  const exists = (table: typeof trustedIssuers | typeof issuerKeys, id: string) =>
    db.select({ id: table.id }).from(table).where(mine(table, id)).get() !== undefined;
  return {
    listIssuers,
    putIssuer(issuer) {
      const isNew = !exists(trustedIssuers, issuer.id);
      db.insert(trustedIssuers)
        .values({ ...issuer, org })
        .onConflictDoUpdate({ target: [trustedIssuers.org, trustedIssuers.id], set: { name: issuer.name } })
        .run();
      return isNew;
    },
    removeIssuer: (id) => db.delete(trustedIssuers).where(mine(trustedIssuers, id)).run().changes > 0,
    listKeys,
    putKey(key, addedAt) {
      const isNew = !exists(issuerKeys, key.id);
      const row = { org, id: key.id, controller: key.controller, method: JSON.stringify(key), addedAt };
      db.insert(issuerKeys)
        .values(row)
        .onConflictDoUpdate({
          target: [issuerKeys.org, issuerKeys.id],
          set: { controller: row.controller, method: row.method },
        })
        .run();
      return isNew;
    },
    removeKey: (id) => db.delete(issuerKeys).where(mine(issuerKeys, id)).run().changes > 0,
    listContexts,
    getContext: (url) => db.select(context).from(operatorContexts).where(contextAt(url)).get(),
    putContext: (pinned) =>
      void db
        .insert(operatorContexts)
        .values({ ...pinned, org })
        .onConflictDoUpdate({
          target: [operatorContexts.org, operatorContexts.url],
          set: { content: pinned.content },
        })
        .run(),
    removeContext: (url) => db.delete(operatorContexts).where(contextAt(url)).run().changes > 0,
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
        .innerJoin(candidates, eq(candidates.id, documents.candidateId))
        .where(and(eq(documents.verificationStatus, "invalid-signature"), eq(candidates.org, org)))
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
