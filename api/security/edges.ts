/**
 * The edges every response passes: a request id, one structured log line (no personal data: the
 * route pattern, never the path or query), Host and Origin checks, CSRF on forms, and security
 * headers with `Cache-Control: no-store` on everything but the static assets.
 */
import type { Context, MiddlewareHandler } from "hono";
import { csrf } from "hono/csrf";
import { requestId } from "hono/request-id";
import { routePath } from "hono/route";
import { secureHeaders } from "hono/secure-headers";
import { LerError } from "../../src/domain/errors.ts";

export type LogLine = Record<string, string | number | null>;
export type Log = (line: LogLine) => void;

export const stderrLog: Log = (line) => process.stderr.write(`${JSON.stringify(line)}\n`);

const hostnameOf = (hostOrUrl: string): string | null => {
  try {
    return new URL(hostOrUrl.includes("://") ? hostOrUrl : `http://${hostOrUrl}`).hostname;
  } catch {
    return null;
  }
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Host names the server answers to: a DNS-rebinding page naming another host is refused. */
export function checkHostAndOrigin(allowedHosts: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedHosts.map((h) => h.toLowerCase()));
  const isAllowed = (hostname: string | null) => hostname !== null && allowed.has(hostname.toLowerCase());
  return async (c, next) => {
    const host = c.req.header("host") ?? new URL(c.req.url).host;
    if (!isAllowed(hostnameOf(host)))
      throw new LerError("host_not_allowed", "this server does not answer to that host name");
    const origin = c.req.header("origin");
    if (origin !== undefined && !SAFE_METHODS.has(c.req.method) && !isAllowed(hostnameOf(origin)))
      throw new LerError("origin_not_allowed", "a cross-site request cannot change anything here");
    await next();
  };
}

/**
 * A request a browser could forge (no Authorization header: a form or the sign-in cookie) must come
 * from a page this server served (Origin / Sec-Fetch-Site, via hono/csrf). A bearer key cannot be
 * sent by another site, so API clients are not asked for an Origin.
 */
export function formCsrf(allowedHosts: readonly string[]): MiddlewareHandler {
  const check = csrf({
    origin: (origin, c) => {
      const hostname = hostnameOf(origin);
      return hostname !== null && allowedHosts.includes(hostname) && origin === new URL(c.req.url).origin;
    },
  });
  return (c, next) => (c.req.header("authorization") === undefined ? check(c, next) : next());
}

export const securityHeaders: MiddlewareHandler = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
  },
  // "no-referrer" would make a browser send `Origin: null` on the pages' own form posts
  referrerPolicy: "same-origin",
  xFrameOptions: "DENY",
  xContentTypeOptions: "nosniff",
  strictTransportSecurity: false,
});

/**
 * Nothing with a person in it is kept by a browser or a proxy; the static assets may be. Set on the
 * response's own headers: `c.header` after the handler would rebuild the response around its body
 * stream, and the node adapter would then stream a body it could have written as one string.
 */
export const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.req.path.startsWith("/assets/")) c.res.headers.set("Cache-Control", "no-store");
};

export const withRequestId = requestId();

/** One JSON line per request: when, which route, who, how it ended, how long. */
export function requestLog(log: Log, clock: () => number): MiddlewareHandler {
  return async (c: Context, next) => {
    const started = performance.now();
    await next();
    log({
      at: new Date(clock()).toISOString(),
      requestId: c.get("requestId") ?? null,
      method: c.req.method,
      route: routePath(c, -1),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      key: c.get("principal")?.keyName ?? null,
    });
  };
}
