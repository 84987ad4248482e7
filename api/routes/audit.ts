import { z } from "@hono/zod-openapi";
import type { RouteModule } from "../context.ts";
import { failure, routesTagged } from "../openapi.ts";
import { audited } from "../security/audit.ts";

const audit = routesTagged("audit");

const Entry = z.object({
  at: z.string(),
  keyName: z.string(),
  org: z.string().nullable(),
  action: z.string(),
  remote: z.string().nullable(),
  requestId: z.string().nullable(),
});

const route = audit.get("/v1/audit", {
  summary:
    "Who has read, matched, ingested, attested or erased this person's record, when and from where (admin)",
  description:
    "The trail keeps the person only as a keyed pseudonym of their id, so it still answers after an " +
    "erasure; it never holds the records' content.",
  request: { query: z.object({ person: z.string().min(1).max(500) }) },
  responses: {
    200: {
      description: "The trail, oldest first, and any erasure receipts",
      content: {
        "application/json": {
          schema: z.object({
            subject: z.string(),
            entries: z.array(Entry),
            erasures: z.array(z.record(z.string(), z.unknown())),
          }),
        },
      },
    },
    400: failure("Missing person"),
  },
});

export const auditRoutes: RouteModule = (app) => {
  app.openapi(route, (c) => {
    const person = c.req.valid("query").person;
    const trail = c.var.engine.access.auditOf(person);
    audited(c, "audit", [person]);
    return c.json(trail, 200);
  });
};
