/** What every route handler can reach: the engine and the configuration. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Config } from "../src/config.ts";
import type { Clock } from "../src/domain/clock.ts";
import type { Engine } from "../src/engine/types.ts";
import type { Log } from "./security/edges.ts";

export interface AppDeps {
  /**
   * The engine as the app was opened (the default organisation's): for authenticating keys and for
   * what belongs to no organisation (the taxonomy, the backend's state). Handlers read people,
   * positions, keys, trust and the audit trail only through `c.var.engine`, the engine of the
   * request key's organisation (security/authorize.ts).
   */
  engine: Engine;
  config: Config;
  /** The clock rate limits refill by (default: the wall clock); tests step their own. */
  rateClock?: Clock;
  /** Where the JSON request log goes (default: stderr). */
  log?: Log;
}

export type Api = OpenAPIHono;
export type RouteModule = (app: Api, deps: AppDeps) => void;
