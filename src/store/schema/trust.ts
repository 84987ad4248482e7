/**
 * An organisation's trust decisions: issuers whose valid signatures make a credential "verified",
 * public keys for issuers whose identifiers do not carry their own key (did:web, https URLs),
 * and JSON-LD contexts no npm package bundles (CLR 2.0), each pinned to the SHA-256 of its bytes.
 * Each organisation keeps its own; one organisation's admin cannot change another's.
 */
import { primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { DEFAULT_ORG } from "../../domain/access.ts";

export const trustedIssuers = sqliteTable(
  "trusted_issuers",
  {
    org: text("org").notNull().default(DEFAULT_ORG),
    /** A DID or URL, exactly as credentials name their issuer. */
    id: text("id").notNull(),
    name: text("name").notNull(),
    addedAt: text("added_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.org, t.id] })],
);

export const issuerKeys = sqliteTable(
  "issuer_keys",
  {
    org: text("org").notNull().default(DEFAULT_ORG),
    /** The verification method id proofs name (did:web:…#key-1, https://…#z6Mk…). */
    id: text("id").notNull(),
    controller: text("controller").notNull(),
    /** JSON text of the verification method as the operator supplied it. */
    method: text("method").notNull(),
    addedAt: text("added_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.org, t.id] })],
);

export const operatorContexts = sqliteTable(
  "operator_contexts",
  {
    org: text("org").notNull().default(DEFAULT_ORG),
    /** The exact URL credentials name in their @context: the context is served for that URL only. */
    url: text("url").notNull(),
    /** Hex SHA-256 of `content`'s UTF-8 bytes when added; a context whose bytes differ is refused. */
    sha256: text("sha256").notNull(),
    /** The context file's text, as the operator supplied it. */
    content: text("content").notNull(),
    addedAt: text("added_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.org, t.url] })],
);
