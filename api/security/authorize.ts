/**
 * Authentication and authorisation for every route, from the one table in route-scopes.ts: the
 * key comes as `Authorization: Bearer` (or, for the pages and GET requests, the sign-in cookie),
 * the principal goes on the context, and each key is held to its rate.
 */
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { routePath } from "hono/route";
import { createRateLimiter } from "../../src/access/rate-limit.ts";
import { holdsScope, type Principal } from "../../src/domain/access.ts";
import type { Clock } from "../../src/domain/clock.ts";
import { LerError } from "../../src/domain/errors.ts";
import type { AppDeps } from "../context.ts";
import { DeniedPage } from "../pages/signin.tsx";
import { SESSION_COOKIE } from "./principal.ts";
import { requirementOf } from "./route-scopes.ts";

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The cookie stands in for the header only where a cross-site request cannot use it to change anything. */
const cookieMayAuthenticate = (c: Context) => !c.req.path.startsWith("/v1/") || c.req.method === "GET";

function presentedToken(c: Context): string | undefined {
  const header = c.req.header("authorization");
  if (header !== undefined) {
    const bearer = BEARER.exec(header)?.[1];
    if (!bearer)
      throw new LerError("unauthenticated", "the Authorization header must be `Bearer <key>`", {
        details: { reason: "malformed" },
      });
    return bearer;
  }
  return cookieMayAuthenticate(c) ? getCookie(c, SESSION_COOKIE) : undefined;
}

function tryAuthenticate({ engine }: AppDeps, c: Context): Principal | undefined {
  try {
    return engine.access.authenticate(presentedToken(c));
  } catch {
    return undefined;
  }
}

const isPage = (c: Context) => !c.req.path.startsWith("/v1/") && c.req.method === "GET";

export function authorize(deps: AppDeps, rateClock: Clock): MiddlewareHandler {
  const limited = createRateLimiter(deps.config.security.rateLimit, rateClock);
  return async (c, next) => {
    const needed = requirementOf(c.req.method, routePath(c, -1));
    const signedIn = (principal: Principal) => {
      c.set("principal", principal);
      c.set("engine", deps.engine.forOrg(principal.org));
    };
    if (needed === "public") {
      // a public route answers a key's organisation more (its /health counts); a bad key, nothing more
      const principal = tryAuthenticate(deps, c);
      if (principal) signedIn(principal);
      return next();
    }
    let principal: ReturnType<typeof deps.engine.access.authenticate>;
    try {
      principal = deps.engine.access.authenticate(presentedToken(c));
    } catch (e) {
      if (isPage(c)) return c.redirect(`/signin?next=${encodeURIComponent(c.req.path)}`, 303);
      throw e;
    }
    if (needed !== "any-key" && !holdsScope(principal, needed)) {
      if (isPage(c)) return c.html(DeniedPage({ needed, path: c.req.path }), 403);
      throw new LerError("forbidden", `this key lacks the "${needed}" scope this route needs`, {
        details: { needed, scopes: principal.scopes },
      });
    }
    const rate = limited(principal.keyId);
    if (!rate.ok) {
      c.header("Retry-After", String(rate.retryAfterSeconds));
      throw new LerError(
        "rate_limited",
        `too many requests for this key; retry in ${rate.retryAfterSeconds}s`,
        {
          details: { retryAfterSeconds: rate.retryAfterSeconds },
        },
      );
    }
    signedIn(principal);
    await next();
  };
}
