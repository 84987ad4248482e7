/**
 * Every HTTP error is JSON `{ error: { code, message, details? } }` with a stable code from the
 * catalogue in src/domain/errors.ts, and a message a person can act on. Never a stack trace.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { type ErrorCode, forCaller, fromZod, LerError, toLerError } from "../src/domain/errors.ts";

export { fromZod };

export const errorBody = (e: LerError) => ({ error: e.toJSON() });

export function errorResponse(c: Context, e: LerError) {
  return c.json(errorBody(e), e.status as ContentfulStatusCode);
}

export function fail(code: ErrorCode, message: string, details?: unknown): never {
  throw new LerError(code, message, { details });
}

export const payloadTooLarge = (limitBytes: number) =>
  new LerError(
    "payload_too_large",
    `the body is over the ${limitBytes}-byte limit; split it into smaller batches`,
    { details: { limitBytes } },
  );

/** defaultHook for OpenAPIHono: zod failures become 400 invalid_input with the issue paths. */
export function validationHook(
  result: { success: boolean; error?: ZodError; target: string },
  c: Context,
): Response | undefined {
  if (result.success || !result.error) return undefined;
  return errorResponse(c, fromZod(result.error, `request ${result.target}`));
}

/** The catalogue code for each status Hono's own middleware (validators, media-type gate) throws. */
const HTTP_EXCEPTION_CODES: Partial<Record<number, ErrorCode>> = {
  400: "invalid_input",
  403: "origin_not_allowed",
  404: "not_found",
  413: "payload_too_large",
  415: "unsupported_media_type",
};

function fromHttpException(e: HTTPException, c: Context): LerError {
  const code = HTTP_EXCEPTION_CODES[e.status];
  if (!code) return toLerError(e);
  const route = `${c.req.method} ${new URL(c.req.url).pathname}`;
  if (code === "unsupported_media_type") {
    const type = c.req.header("content-type")?.split(";")[0]?.trim() || "a body without a content type";
    return new LerError(code, `${route} does not accept ${type}; send application/json`, { cause: e });
  }
  return new LerError(code, `${route}: ${e.message}`, { cause: e });
}

export function onError(err: unknown, c: Context) {
  const e = err instanceof HTTPException ? fromHttpException(err, c) : toLerError(err);
  if (e.code === "internal") console.error("[ler-match] unexpected error:", err);
  return errorResponse(c, forCaller(e));
}

export function notFound(c: Context) {
  return errorResponse(
    c,
    new LerError("not_found", `no route for ${c.req.method} ${new URL(c.req.url).pathname}`),
  );
}
