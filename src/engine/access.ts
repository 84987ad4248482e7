/**
 * API keys and the audit trail over the store's access tables, as one organisation sees them: its
 * keys, its audit rows, its receipts. Keys expire by the engine's clock; the audit trail keeps who
 * did what to whom, the whom as a keyed pseudonym of the person's id. Authentication alone is
 * deployment-wide: a key says which organisation it acts for.
 */

import { hashToken, isTokenShaped, newKeyId, newToken, pseudonym, sameHash } from "../access/tokens.ts";
import {
  type AuditEntry,
  type AuditEvent,
  type ErasureReceipt,
  type KeyInfo,
  NewKey,
  type Principal,
  Scope,
} from "../domain/access.ts";
import type { Clock } from "../domain/clock.ts";
import { fromZod, LerError } from "../domain/errors.ts";
import type { KeyRow } from "../store/security-store.ts";
import type { Store } from "../store/types.ts";

const DAY_MS = 86_400_000;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export interface Access {
  /** Creates a key of this organisation; the token is in the answer and nowhere else, ever. */
  createKey(input: NewKey): { token: string; key: KeyInfo };
  listKeys(): KeyInfo[];
  /** Revokes this organisation's key with this id, or every live key of it with this name. */
  revokeKey(idOrName: string): KeyInfo[];
  /** The principal a presented token stands for; unauthenticated when missing, unknown, revoked or expired. */
  authenticate(token: string | undefined): Principal;
  record(event: AuditEvent): void;
  /** Who of this organisation did what to this person, and its erasure receipts. */
  auditOf(personId: string): { subject: string; entries: AuditEntry[]; erasures: ErasureReceipt[] };
  pseudonym(personId: string): string;
}

const keyInfo = (row: KeyRow): KeyInfo => ({
  id: row.id,
  name: row.name,
  org: row.org,
  scopes: Scope.array().parse(JSON.parse(row.scopes)),
  createdAt: iso(row.createdAt)!,
  expiresAt: iso(row.expiresAt),
  revokedAt: iso(row.revokedAt),
});

const unauthenticated = (reason: string, message: string) =>
  new LerError("unauthenticated", message, { details: { reason } });

export function createAccess(store: Store, now: Clock, org: string): Access {
  const db = store.security;
  const subjectOf = (personId: string) => pseudonym(db.secret("audit-pseudonym"), personId);

  return {
    createKey(input) {
      const parsed = NewKey.safeParse(input);
      if (!parsed.success) throw fromZod(parsed.error, "key");
      const { name, scopes, expiresInDays } = parsed.data;
      const token = newToken();
      const createdAt = now();
      const row: KeyRow = {
        id: newKeyId(),
        name,
        org,
        scopes: JSON.stringify([...new Set(scopes)]),
        tokenHash: hashToken(token),
        createdAt,
        expiresAt: expiresInDays === undefined ? null : createdAt + expiresInDays * DAY_MS,
        revokedAt: null,
      };
      db.insertKey(row);
      return { token, key: keyInfo(row) };
    },
    listKeys: () => db.listKeys(org).map(keyInfo),
    revokeKey(idOrName) {
      const live = db.keysNamed(idOrName, org).filter((k) => k.revokedAt === null);
      if (live.length === 0) throw new LerError("not_found", `no live key with id or name "${idOrName}"`);
      const at = now();
      for (const k of live) db.revokeKey(k.id, at);
      return live.map((k) => keyInfo({ ...k, revokedAt: at }));
    },
    authenticate(token) {
      if (!token)
        throw unauthenticated("missing", "this route needs an API key: Authorization: Bearer <key>");
      if (!isTokenShaped(token))
        throw unauthenticated("malformed", "the API key is not a ler-match key (lm_…)");
      const hash = hashToken(token);
      const row = db.keyByHash(hash);
      // the lookup is by hash; the comparison that admits the caller is constant-time
      if (!row || !sameHash(row.tokenHash, hash))
        throw unauthenticated("unknown", "the API key is not known");
      if (row.revokedAt !== null) throw unauthenticated("revoked", "the API key has been revoked");
      if (row.expiresAt !== null && row.expiresAt <= now())
        throw unauthenticated("expired", "the API key has expired");
      const { scopes } = keyInfo(row);
      return { keyId: row.id, keyName: row.name, org: row.org, scopes };
    },
    record(event) {
      const subjects = [...new Set(event.personIds)].map(subjectOf);
      db.appendAudit(
        {
          at: now(),
          keyId: event.actor.keyId,
          keyName: event.actor.keyName,
          org,
          action: event.action,
          remote: event.remote,
          requestId: event.requestId,
        },
        subjects.length ? subjects : [null],
      );
    },
    auditOf(personId) {
      const subject = subjectOf(personId);
      return {
        subject,
        entries: db.auditFor(subject, org).map((r) => ({
          at: iso(r.at)!,
          keyName: r.keyName,
          org: r.org,
          action: r.action,
          remote: r.remote,
          requestId: r.requestId,
        })),
        erasures: db.receiptsFor(subject, org).map((r) => ({
          at: iso(r.at)!,
          subject: r.subject,
          by: r.by,
          reason: r.reason as ErasureReceipt["reason"],
          removed: JSON.parse(r.removed) as Record<string, number>,
        })),
      };
    },
    pseudonym: subjectOf,
  };
}
