/**
 * Every HTTP error is JSON `{ error: { code, message, details? } }` with a stable code from the
 * catalogue in src/domain/errors.ts, and a message a person can act on. Never a stack trace.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { ERROR_CATALOGUE, type ErrorCode, LerError, toLerError } from "../src/domain/errors.ts";

export const errorBody = (e: LerError) => ({ error: e.toJSON() });

export function errorResponse(c: Context, e: LerError) {
  return c.json(errorBody(e), e.status as ContentfulStatusCode);
}

export function fail(code: ErrorCode, message: string, details?: unknown): never {
  throw new LerError(code, message, { details });
}

export function fromZod(error: ZodError, where: string): LerError {
  const details = error.issues.map((i) => ({ path: i.path.map(String), code: i.code, message: i.message }));
  const first = details[0];
  const at = first?.path.length ? ` at ${first.path.join(".")}` : "";
  return new LerError("invalid_input", `invalid ${where}${at}: ${first?.message ?? "see details"}`, {
    details,
  });
}

/** defaultHook for OpenAPIHono: zod failures become 400 invalid_input with the issue paths. */
export function validationHook(
  result: { success: boolean; error?: ZodError; target: string },
  c: Context,
): Response | undefined {
  if (result.success || !result.error) return undefined;
  return errorResponse(c, fromZod(result.error, `request ${result.target}`));
}

export function onError(err: unknown, c: Context) {
  const e = toLerError(err);
  if (e.code === "internal") console.error("[ler-match] unexpected error:", err);
  const safe =
    e.code === "internal" ? new LerError("internal", `${e.message}. ${ERROR_CATALOGUE.internal.hint}`) : e;
  return errorResponse(c, safe);
}

export function notFound(c: Context) {
  return errorResponse(
    c,
    new LerError("not_found", `no route for ${c.req.method} ${new URL(c.req.url).pathname}`),
  );
}
