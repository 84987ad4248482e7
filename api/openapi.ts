/**
 * The shapes every route declares: a JSON request body, a JSON response, and an error response
 * (the ErrorBody every failure answers with, its status named by the route).
 */
import type { z } from "@hono/zod-openapi";
import { ErrorBody } from "./schemas.ts";

const jsonContent = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

/** A required JSON request body of this schema. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true as const,
  content: jsonContent(schema),
});

/** A JSON request body a caller may leave out. */
export const optionalJsonBody = <T extends z.ZodType>(schema: T) => ({
  required: false as const,
  content: jsonContent(schema),
});

/** A response that answers JSON of this schema. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: jsonContent(schema),
});

/** An error response: `{ error: { code, message, details? } }`. */
export const failure = (description: string) => json(ErrorBody, description);
