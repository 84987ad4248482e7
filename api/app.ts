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
import { auditRoutes } from "./routes/audit.ts";
import { candidateRoutes } from "./routes/candidates.ts";
import { conceptRoutes } from "./routes/concepts.ts";
import { documentRoutes } from "./routes/documents.ts";
import { gapRoutes } from "./routes/gaps.ts";
import { healthRoutes } from "./routes/health.ts";
import { keyRoutes } from "./routes/keys.ts";
import { matchRoutes } from "./routes/match.ts";
import { positionRoutes } from "./routes/positions.ts";
import { roleRoutes } from "./routes/roles.ts";
import { statusListRoutes } from "./routes/status-lists.ts";
import { trustRoutes } from "./routes/trust.ts";
import { installSecurity } from "./security/install.ts";

const ROUTES: RouteModule[] = [
  healthRoutes,
  documentRoutes,
  statusListRoutes,
  candidateRoutes,
  matchRoutes,
  analyseRoutes,
  alertRoutes,
  conceptRoutes,
  trustRoutes,
  auditRoutes,
  keyRoutes,
  positionRoutes,
  roleRoutes,
  gapRoutes,
];

export const OPENAPI_INFO = {
  openapi: "3.0.3",
  info: {
    title: "ler-match API",
    version: "1",
    description:
      "Skills matching and proficiency search over Learning and Employment Records. Every /v1 route needs " +
      "`Authorization: Bearer <key>` with the scope README.md lists (`ler-match keys create`).",
  },
  security: [{ bearer: [] }],
};

export function createApp(deps: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  installSecurity(app, deps);
  const limit = deps.config.limits.maxBodyBytes;
  app.use("/v1/*", bodyLimit({ maxSize: limit, onError: (c) => errorResponse(c, payloadTooLarge(limit)) }));
  app.use("/v1/*", checkJsonBody);
  for (const register of ROUTES) register(app, deps);
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  app.doc("/openapi.json", OPENAPI_INFO);
  app.get("/docs", (c) => c.html(renderApiDocs(app.getOpenAPIDocument(OPENAPI_INFO))));
  registerPages(app, deps);
  app.notFound(notFound);
  app.onError(onError);
  return app;
}
