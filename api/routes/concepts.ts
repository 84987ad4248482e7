import { z } from "@hono/zod-openapi";
import type { Concept } from "../../taxonomy/model.ts";
import type { RouteModule } from "../context.ts";
import { fail } from "../errors.ts";
import { failure, json, routesTagged } from "../openapi.ts";
import { ConceptBody } from "../schemas.ts";

const taxonomy = routesTagged("taxonomy");

const toBody = (c: Concept) => ({
  id: c.id,
  label: c.label,
  type: c.type,
  aliases: c.aliases,
  broader: c.broader,
  related: c.related,
  ...(c.escoUri ? { escoUri: c.escoUri } : {}),
  ...(c.onetCode ? { onetCode: c.onetCode } : {}),
});

const suggestRoute = taxonomy.get("/v1/concepts", {
  summary: "Skill look-up for autocompletion",
  request: {
    query: z.object({
      q: z.string().min(1).max(200),
      limit: z.coerce.number().int().min(1).max(50).default(10),
    }),
  },
  responses: {
    200: json(
      z.object({ concepts: z.array(ConceptBody) }),
      "Concepts whose label or alias matches, best first",
    ),
    400: failure("Missing q"),
  },
});

const getRoute = taxonomy.get("/v1/concepts/{id}", {
  summary: "One concept with its hierarchy",
  request: { params: z.object({ id: z.string().min(1) }) },
  responses: {
    200: json(ConceptBody, "The concept"),
    404: failure("Unknown concept"),
  },
});

export const conceptRoutes: RouteModule = (app, { engine }) => {
  app.openapi(suggestRoute, (c) => {
    const { q, limit } = c.req.valid("query");
    return c.json({ concepts: engine.taxonomy.suggest(q, limit).map(toBody) }, 200);
  });
  app.openapi(getRoute, (c) => {
    const id = c.req.valid("param").id;
    const concept = engine.taxonomy.get(id) ?? fail("not_found", `no concept with id "${id}"`);
    return c.json(toBody(concept), 200);
  });
};
