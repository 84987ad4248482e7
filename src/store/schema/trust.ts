/**
 * The operator's trust decisions: issuers whose valid signatures make a credential "verified", and
 * public keys for issuers whose identifiers do not carry their own key (did:web, https URLs), and
 * JSON-LD contexts no npm package bundles (CLR 2.0), each pinned to the SHA-256 of its bytes.
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

export const operatorContexts = sqliteTable("operator_contexts", {
  /** The exact URL credentials name in their @context: the context is served for that URL only. */
  url: text("url").primaryKey(),
  /** Hex SHA-256 of `content`'s UTF-8 bytes when added; a context whose bytes differ is refused. */
  sha256: text("sha256").notNull(),
  /** The context file's text, as the operator supplied it. */
  content: text("content").notNull(),
  addedAt: text("added_at").notNull(),
});
