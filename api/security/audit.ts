/**
 * The audit trail's HTTP side: a handler notes what it served about whom (`audited`), and once the
 * response is a success the note is appended with the key, the remote address and the request id.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import type { AuditAction } from "../../src/domain/access.ts";
import type { AppDeps } from "../context.ts";

export function audited(c: Context, action: AuditAction, personIds: readonly string[]): void {
  c.set("audit", { action, personIds });
}

/** Notes the people a page of ranked results names. */
export function auditedPage(
  c: Context,
  action: AuditAction,
  page: { results: { candidateId: string }[] },
): void {
  const named = page.results.map((r) => r.candidateId);
  audited(c, action, named);
}

/** The peer's address; none when the app is called in-process (tests). */
function remoteOf(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

export function recordAudit(_deps: AppDeps): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const note = c.get("audit");
    const principal = c.get("principal");
    const engine = c.get("engine");
    if (!note || !principal || !engine || c.res.status >= 400) return;
    engine.access.record({
      action: note.action,
      // a blind first look still names the real people in the trail
      personIds: note.personIds.map((id) => engine.personBehind(id)),
      actor: { keyId: principal.keyId, keyName: principal.keyName, org: principal.org },
      remote: remoteOf(c),
      requestId: c.get("requestId") ?? null,
    });
  };
}
