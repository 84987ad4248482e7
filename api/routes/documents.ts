import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { validator } from "hono/validator";
import { type IngestInput, type IngestReport, storedPeople } from "../../indexer/types.ts";
import { holdsScope, type Principal } from "../../src/domain/access.ts";
import { LerError } from "../../src/domain/errors.ts";
import { LerFormat } from "../../src/domain/schemas.ts";
import { mediaTypeOf, readForm } from "../body.ts";
import type { RouteModule } from "../context.ts";
import { errorResponse, fail, fromZod } from "../errors.ts";
import { failure, json, routesTagged } from "../openapi.ts";
import { IngestJson } from "../schemas.ts";
import { audited } from "../security/audit.ts";

const ingest = routesTagged("ingest");

const ReportBody = z.object({
  documents: z.array(z.record(z.string(), z.unknown())),
  totals: z.record(z.string(), z.unknown()),
});

const DocumentsQuery = z.object({
  format: z
    .preprocess((v) => (v === "" ? undefined : v), LerFormat.optional())
    .describe("the format of every document, overriding detection"),
  dryRun: z.string().optional().describe("`true`: report without storing"),
});

const route = ingest.post("/v1/documents", {
  summary: "Ingest LER documents: one, many, a JSON-lines or a CSV upload",
  description:
    "Each document is stored atomically or reported as failed; the rest of the batch still lands. " +
    "Re-ingesting an identical document changes nothing. `?dryRun=true` reports without storing; " +
    "`?format=` overrides detection.",
  request: {
    query: DocumentsQuery,
    body: {
      required: true,
      content: {
        "application/json": { schema: IngestJson },
        "application/x-ndjson": { schema: z.string() },
        "text/csv": { schema: z.string() },
        "multipart/form-data": { schema: z.object({ file: z.any().describe("one or more LER files") }) },
      },
    },
  },
  responses: {
    200: json(ReportBody, "Every document stored (or unchanged)"),
    207: json(ReportBody, "Some documents failed; the others are stored"),
    400: failure("Malformed body, or an unknown `format`"),
    409: json(
      ReportBody,
      "Every document clashed (`conflict`: its id, or its person's, is taken; `identity_locked`: it renames a person on record and the key is not admin); nothing was stored",
    ),
    413: failure("Body or document count over the limit"),
    415: failure("Unsupported content type"),
    422: json(ReportBody, "No document could be used"),
  },
});

export const documentRoutes: RouteModule = (app, { config }) => {
  // Registered without the zod validator: the body may be JSON, JSON lines or CSV.
  app.post("/v1/documents", validator("query", validQuery), async (c) => {
    const { format, dryRun } = c.req.valid("query");
    const inputs = await readInputs(c, format);
    const principal = c.get("principal");
    const report = await c.var.engine.ingest(inputs, {
      dryRun: dryRun === "true",
      attestedBy: attestorOf(principal),
      mayChangeIdentity: holdsScope(principal, "admin"),
      maxDocuments: config.limits.maxDocuments,
    });
    if (dryRun !== "true") audited(c, "ingest", storedPeople(report));
    return c.json(report, statusOf(report));
  });
  app.openAPIRegistry.registerPath(route);
};

/** Only a key with the attest scope vouches for the verification claims a document makes. */
const attestorOf = (principal: Principal | undefined): string | undefined =>
  principal && holdsScope(principal, "attest") ? principal.keyName : undefined;

function validQuery(value: unknown, c: Context) {
  const parsed = DocumentsQuery.safeParse(value);
  return parsed.success ? parsed.data : errorResponse(c, fromZod(parsed.error, "request query"));
}

function statusOf(report: IngestReport): 200 | 207 | 409 | 422 {
  const { failed, documents } = report.totals;
  if (failed === 0) return 200;
  if (failed < documents) return 207;
  return report.documents.every((d) => d.error?.code === "conflict" || d.error?.code === "identity_locked")
    ? 409
    : 422;
}

/** A browser or curl -F upload: every file field is one input, named by its file name. */
async function readMultipart(c: Context, format: LerFormat | undefined): Promise<IngestInput[]> {
  const form = await readForm(c);
  const files = Object.values(form)
    .flat()
    .filter((v): v is File => typeof v === "object" && v !== null && "text" in v);
  if (files.length === 0) fail("invalid_input", "the form holds no file; attach LER files as form fields");
  return Promise.all(
    files.map(async (f) => ({
      name: f.name || "upload",
      content: await f.text(),
      format: format ?? (f.name.toLowerCase().endsWith(".csv") ? ("csv" as const) : undefined),
    })),
  );
}

async function readInputs(c: Context, format: LerFormat | undefined): Promise<IngestInput[]> {
  const type = mediaTypeOf(c) || "application/json";
  if (type === "multipart/form-data") return readMultipart(c, format);
  const text = await c.req.text();
  if (!text.trim()) fail("invalid_input", "the request body is empty; send one or more LER documents");
  if (type === "application/x-ndjson" || type === "application/jsonl")
    return [{ name: "upload.jsonl", content: text, format }];
  if (type === "text/csv") return [{ name: "upload.csv", content: text, format: format ?? "csv" }];
  if (type !== "application/json")
    fail(
      "unsupported_media_type",
      `content type ${type} is not accepted; use application/json, application/x-ndjson or text/csv`,
    );
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    throw new LerError("invalid_json", `the body is not valid JSON: ${(cause as Error).message}`, { cause });
  }
  const parsed = IngestJson.safeParse(body);
  if (!parsed.success)
    fail("invalid_input", "send a document, an array of documents, or { documents: [...] }");
  const b = parsed.data;
  const wrapped = !Array.isArray(b) && Array.isArray(b.documents);
  const list = Array.isArray(b) ? b : wrapped ? (b.documents as unknown[]) : [b];
  const fmt = format ?? (wrapped ? (b as { format?: LerFormat }).format : undefined);
  return list.map((content, i) => ({ name: `documents[${i}]`, content, format: fmt }));
}
