/**
 * The security middleware in the order a request meets it: request id and log line outermost (they
 * see every outcome), then headers and Host/Origin, who is calling, CSRF on what a browser could forge, and the audit trail.
 */
import type { Hono } from "hono";
import { wallClock } from "../../src/domain/clock.ts";
import type { AppDeps } from "../context.ts";
import { recordAudit } from "./audit.ts";
import { authorize } from "./authorize.ts";
import {
  checkHostAndOrigin,
  formCsrf,
  noStore,
  requestLog,
  securityHeaders,
  stderrLog,
  withRequestId,
} from "./edges.ts";

export function installSecurity(app: Hono, deps: AppDeps): void {
  const { allowedHosts } = deps.config.security;
  app.use("*", withRequestId);
  app.use("*", requestLog(deps.log ?? stderrLog, wallClock));
  app.use("*", securityHeaders);
  app.use("*", noStore);
  app.use("*", checkHostAndOrigin(allowedHosts));
  app.use("*", authorize(deps, deps.rateClock ?? wallClock));
  app.use("*", formCsrf(allowedHosts));
  app.use("*", recordAudit(deps));
}
