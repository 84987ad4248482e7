/**
 * The operator's trust decisions: issuers whose valid signatures make a credential "verified", and
 * public keys for issuers whose identifiers do not carry their own key (did:web, https URLs).
 */
import { sqliteTable, text } from "drizzle-orm/sqlite-core";

export const trustedIssuers = sqliteTable("trusted_issuers", {
  /** A DID or URL, exactly as credentials name their issuer. */
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  addedAt: text("added_at").notNull(),
});

export const issuerKeys = sqliteTable("issuer_keys", {
  /** The verification method id proofs name (did:web:…#key-1, https://…#z6Mk…). */
  id: text("id").primaryKey(),
  controller: text("controller").notNull(),
  /** JSON text of the verification method as the operator supplied it. */
  method: text("method").notNull(),
  addedAt: text("added_at").notNull(),
});
