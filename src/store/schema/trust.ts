/**
 * An organisation's trust decisions: issuers whose valid signatures make a credential "verified",
 * public keys for issuers whose identifiers do not carry their own key (did:web, https URLs),
 * and JSON-LD contexts no npm package bundles (CLR 2.0), each pinned to the SHA-256 of its bytes.
 * Each organisation keeps its own; one organisation's admin cannot change another's.
 */
import { primaryKey, type SQLiteColumnBuilderBase, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { DEFAULT_ORG } from "../../domain/access.ts";

/**
 * A list each organisation keeps for itself: rows named by `key` within the organisation, each
 * stamped when added.
 */
const organisationList = <K extends string, C extends Record<string, SQLiteColumnBuilderBase>>(
  name: string,
  key: K,
  columns: C,
) =>
  sqliteTable(
    name,
    {
      org: text("org").notNull().default(DEFAULT_ORG),
      ...keyColumn(key),
      ...columns,
      addedAt: text("added_at").notNull(),
    },
    (t) => [primaryKey({ columns: [t.org, t[key]] })],
  );
const notNullText = <K extends string>(key: K) => text(key).notNull();
/** `{ [key]: text(key).notNull() }`, typed by its key. */
const keyColumn = <K extends string>(key: K) =>
  ({ [key]: notNullText(key) }) as Record<K, ReturnType<typeof notNullText<K>>>;

/** `id`: a DID or URL, exactly as credentials name their issuer. */
export const trustedIssuers = organisationList("trusted_issuers", "id", {
  name: text("name").notNull(),
});

/** `id`: the verification method id proofs name (did:web:…#key-1, https://…#z6Mk…). */
export const issuerKeys = organisationList("issuer_keys", "id", {
  controller: text("controller").notNull(),
  /** JSON text of the verification method as the operator supplied it. */
  method: text("method").notNull(),
});

/** `url`: the exact URL credentials name in their @context: the context is served for that URL only. */
export const operatorContexts = organisationList("operator_contexts", "url", {
  /** Hex SHA-256 of `content`'s UTF-8 bytes when added; a context whose bytes differ is refused. */
  sha256: text("sha256").notNull(),
  /** The context file's text, as the operator supplied it. */
  content: text("content").notNull(),
});
