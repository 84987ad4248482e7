/** What every route handler can reach: the engine and the configuration. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Config } from "../src/config.ts";
import type { Engine } from "../src/engine/types.ts";

export interface AppDeps {
  engine: Engine;
  config: Config;
}

export type Api = OpenAPIHono;
export type RouteModule = (app: Api, deps: AppDeps) => void;
