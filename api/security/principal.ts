/** What the security middleware leaves on a request's context for the routes after it. */
import type { AuditAction, Principal } from "../../src/domain/access.ts";

export interface AuditNote {
  action: AuditAction;
  personIds: readonly string[];
}

declare module "hono" {
  interface ContextVariableMap {
    /** The key the request runs as; absent only on public routes. */
    principal: Principal;
    /** What a handler served about whom, recorded in the audit trail once the response is a success. */
    audit: AuditNote;
  }
}

/** The cookie the pages keep the signed-in key in (HttpOnly, SameSite=Strict, Secure over TLS). */
export const SESSION_COOKIE = "lm_key";
