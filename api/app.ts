/**
 * The HTTP API: routes validated by zod and described by OpenAPI, plus the web pages.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { checkJsonBody } from "./body.ts";
import type { AppDeps, RouteModule } from "./context.ts";
import { renderApiDocs } from "./docs-page.ts";
import { errorResponse, notFound, onError, payloadTooLarge, validationHook } from "./errors.ts";
import { registerPages } from "./pages/routes.tsx";
import { alertRoutes } from "./routes/alerts.ts";
import { analyseRoutes } from "./routes/analyse.ts";
import { candidateRoutes } from "./routes/candidates.ts";
import { conceptRoutes } from "./routes/concepts.ts";
import { documentRoutes } from "./routes/documents.ts";
import { healthRoutes } from "./routes/health.ts";
import { matchRoutes } from "./routes/match.ts";
import { statusListRoutes } from "./routes/status-lists.ts";

const ROUTES: RouteModule[] = [
  healthRoutes,
  documentRoutes,
  statusListRoutes,
  candidateRoutes,
  matchRoutes,
  analyseRoutes,
  alertRoutes,
  conceptRoutes,
];

export const OPENAPI_INFO = {
  openapi: "3.0.3",
  info: {
    title: "ler-match API",
    version: "1",
    description: "Skills matching and proficiency search over Learning and Employment Records.",
  },
};

export function createApp(deps: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  const limit = deps.config.limits.maxBodyBytes;
  app.use("/v1/*", bodyLimit({ maxSize: limit, onError: (c) => errorResponse(c, payloadTooLarge(limit)) }));
  app.use("/v1/*", checkJsonBody);
  for (const register of ROUTES) register(app, deps);
  app.doc("/openapi.json", OPENAPI_INFO);
  app.get("/docs", (c) => c.html(renderApiDocs(app.getOpenAPIDocument(OPENAPI_INFO))));
  registerPages(app, deps);
  app.notFound(notFound);
  app.onError(onError);
  return app;
}
