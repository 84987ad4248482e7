/** What the security middleware leaves on a request's context for the routes after it. */
import type { AuditAction, Principal } from "../../src/domain/access.ts";
import type { Engine } from "../../src/engine/types.ts";

export interface AuditNote {
  action: AuditAction;
  personIds: readonly string[];
}

declare module "hono" {
  interface ContextVariableMap {
    /** The key the request runs as; absent only on public routes. */
    principal: Principal;
    /**
     * The engine of the principal's organisation: the only engine a route may read people,
     * documents, positions, keys, trust or the audit trail through. Absent on public routes.
     */
    engine: Engine;
    /** What a handler served about whom, recorded in the audit trail once the response is a success. */
    audit: AuditNote;
  }
}

/** The cookie the pages keep the signed-in key in (HttpOnly, SameSite=Strict, Secure over TLS). */
export const SESSION_COOKIE = "lm_key";
