import { z } from "@hono/zod-openapi";
import type { RouteModule } from "../context.ts";
import { failures, json, routesTagged } from "../openapi.ts";
import { audited } from "../security/audit.ts";

const candidates = routesTagged("candidates");

const ReceiptBody = z.object({
  receipt: z.object({
    at: z.string(),
    subject: z.string().describe("HMAC of the person's id: the audit trail's pseudonym"),
    by: z.string(),
    reason: z.enum(["request", "retention"]),
    removed: z.record(z.string(), z.number()),
  }),
});

const Params = z.object({ id: z.string().min(1).max(200) });
const ProfileBody = z.object({
  candidate: z.record(z.string(), z.unknown()),
  documents: z.array(z.record(z.string(), z.unknown())),
  skills: z.array(z.record(z.string(), z.unknown())),
  unresolved: z.array(z.object({ skillText: z.string(), documentId: z.string() })),
});

const getRoute = candidates.get("/v1/candidates/{id}", {
  summary:
    "A candidate's normalised profile: skills, canonical levels, the evidence and documents behind them",
  request: { params: Params },
  responses: { 200: json(ProfileBody, "The profile"), 404: failures.unknownCandidate },
});

const deleteRoute = candidates.delete("/v1/candidates/{id}", {
  summary:
    "Erase a person from every copy (store, index, outbox, log) and return the erasure receipt (admin scope)",
  request: { params: Params },
  responses: {
    200: json(ReceiptBody, "Erased; the receipt holds no personal data"),
    404: failures.unknownCandidate,
  },
});

export const candidateRoutes: RouteModule = (app) => {
  app.openapi(getRoute, async (c) => {
    const profile = await c.var.engine.profile(c.req.valid("param").id);
    audited(c, "read-profile", [profile.candidate.id]);
    return c.json(profile, 200);
  });
  app.openapi(deleteRoute, async (c) => {
    const id = c.req.valid("param").id;
    const receipt = await c.var.engine.erase(id, c.get("principal").keyName);
    audited(c, "erase", [id]);
    return c.json({ receipt }, 200);
  });
};
