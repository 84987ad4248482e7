/**
 * Who may call the API and what they did: API keys (only a SHA-256 of each token is kept), the
 * append-only audit trail, erasure receipts and the store's own secret for pseudonymous subjects.
 * None of these tables holds a person's name, email or id: a subject is an HMAC of the id.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { DEFAULT_ORG } from "../../domain/access.ts";

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** the organisation the key acts for; it sees nothing of any other */
    org: text("org").notNull().default(DEFAULT_ORG),
    /** JSON array of scopes */
    scopes: text("scopes").notNull(),
    /** hex SHA-256 of the token; the token itself is shown once and never stored */
    tokenHash: text("token_hash").notNull().unique(),
    /** epoch ms, from the engine's clock */
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("api_keys_name_idx").on(t.name)],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** epoch ms, from the engine's clock */
    at: integer("at").notNull(),
    keyId: text("key_id"),
    keyName: text("key_name").notNull(),
    org: text("org").notNull().default(DEFAULT_ORG),
    action: text("action").notNull(),
    /** HMAC-SHA256 of the person's id under the store's secret; null for actions about no one */
    subject: text("subject"),
    remote: text("remote"),
    requestId: text("request_id"),
  },
  (t) => [index("audit_log_subject_idx").on(t.subject, t.org)],
);

export const erasureReceipts = sqliteTable("erasure_receipts", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  at: integer("at").notNull(),
  org: text("org").notNull().default(DEFAULT_ORG),
  /** the same pseudonym the audit trail uses */
  subject: text("subject").notNull(),
  by: text("by").notNull(),
  reason: text("reason").notNull(),
  /** JSON: counts of what was removed, per place */
  removed: text("removed").notNull(),
});

export const storeSecrets = sqliteTable("store_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
});
