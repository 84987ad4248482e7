/**
 * Who is calling: an API key's scopes and the principal a request runs as. A route needs one scope;
 * `admin` holds every scope.
 */
import { z } from "zod";

export const Scope = z.enum(["read", "match", "write", "attest", "admin"]);
export type Scope = z.infer<typeof Scope>;

/**
 * The organisation of a key created without `--org`, of the CLI without `--org`, and of every row
 * written before organisations existed.
 */
export const DEFAULT_ORG = "default";

/** An organisation's name: what `--org` and a key's `org` accept. */
export const OrgName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "letters, digits, '.', '_' and '-'");

export interface Principal {
  keyId: string;
  keyName: string;
  org: string;
  scopes: readonly Scope[];
}

export const holdsScope = (principal: Principal, needed: Scope): boolean =>
  principal.scopes.includes(needed) || principal.scopes.includes("admin");

/** A key's settings. Its organisation is the creator's (strict: a body naming another is refused). */
export const NewKey = z
  .object({
    name: z.string().trim().min(1).max(100),
    scopes: z.array(Scope).min(1),
    /** days from the engine's now; unset, the key never expires */
    expiresInDays: z.number().positive().max(3650).optional(),
  })
  .strict();
export type NewKey = z.input<typeof NewKey>;

/** A key as listed: never the token, which is shown once at creation. */
export interface KeyInfo {
  id: string;
  name: string;
  org: string;
  scopes: Scope[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** What the audit trail records: actions, never the records' content. */
export const AuditAction = z.enum([
  "read-profile",
  "explain",
  "match",
  "search",
  "ingest",
  "attest",
  "erase",
  "retention",
  "audit",
]);
export type AuditAction = z.infer<typeof AuditAction>;

export interface AuditEvent {
  action: AuditAction;
  /** person ids the action touched or returned; stored only as pseudonyms */
  personIds: readonly string[];
  actor: { keyId: string | null; keyName: string; org: string };
  remote: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  at: string;
  keyName: string;
  org: string;
  action: string;
  remote: string | null;
  requestId: string | null;
}

export interface ErasureReceipt {
  at: string;
  /** HMAC of the person's id: matches the audit trail, reveals nothing on its own */
  subject: string;
  by: string;
  reason: "request" | "retention";
  removed: Record<string, number>;
}
