/**
 * Who is calling: an API key's scopes and the principal a request runs as. A route needs one scope;
 * `admin` holds every scope.
 */
import { z } from "zod";

export const Scope = z.enum(["read", "match", "write", "attest", "admin"]);
export type Scope = z.infer<typeof Scope>;

export interface Principal {
  keyId: string;
  keyName: string;
  org: string | null;
  scopes: readonly Scope[];
}

export const holdsScope = (principal: Principal, needed: Scope): boolean =>
  principal.scopes.includes(needed) || principal.scopes.includes("admin");

export const NewKey = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(Scope).min(1),
  org: z.string().trim().min(1).max(100).nullable().default(null),
  /** days from the engine's now; unset, the key never expires */
  expiresInDays: z.number().positive().max(3650).optional(),
});
export type NewKey = z.input<typeof NewKey>;

/** A key as listed: never the token, which is shown once at creation. */
export interface KeyInfo {
  id: string;
  name: string;
  org: string | null;
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
  actor: { keyId: string | null; keyName: string; org: string | null };
  remote: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  at: string;
  keyName: string;
  org: string | null;
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
