/**
 * Request bodies read once, checked before any route or validator walks them: JSON that does not
 * parse, is empty or nests too deep, and forms that cannot be decoded, are the client's mistake
 * (a catalogued 4xx), never a 500.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { BodyData } from "hono/utils/body";
import { assertJsonDepth } from "../indexer/json-depth.ts";
import { LerError } from "../src/domain/errors.ts";

/** The media type without parameters, lower case: "" when the request names none. */
export const mediaTypeOf = (c: Context): string =>
  (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();

const isJson = (type: string) => /^application\/([\w.-]+\+)?json$/.test(type);
const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

/**
 * For a JSON body: rejects an empty body (invalid_input), one nested too deep (invalid_input,
 * checked without recursion, before anything parses it) and malformed JSON (invalid_json, with
 * the parser's own words on where). The text stays cached for the route's validator.
 */
export const checkJsonBody: MiddlewareHandler = async (c, next) => {
  if (!BODY_METHODS.has(c.req.method) || !isJson(mediaTypeOf(c))) return next();
  const text = await c.req.text();
  if (!text.trim()) throw new LerError("invalid_input", "the request body is empty; send a JSON body");
  assertJsonDepth(text, "the body");
  try {
    JSON.parse(text);
  } catch (cause) {
    throw new LerError("invalid_json", `the body is not valid JSON: ${(cause as Error).message}`, { cause });
  }
  await next();
};

/**
 * A multipart or URL-encoded form, a repeated field as an array; a body that does not decode as
 * one (a wrong boundary) is a 400.
 */
export async function readForm(c: Context): Promise<BodyData<{ all: true }>> {
  try {
    return await c.req.parseBody({ all: true });
  } catch (cause) {
    throw new LerError(
      "invalid_input",
      `the ${mediaTypeOf(c)} body could not be read as a form (${(cause as Error).message}); check its boundary`,
      { cause },
    );
  }
}
