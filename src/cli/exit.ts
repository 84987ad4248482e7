/** Documented exit codes, and how an error maps onto them. */
import { isLerError } from "../domain/errors.ts";

export const EXIT = { ok: 0, rejected: 1, usage: 2, failure: 3 } as const;

const USAGE_CODES = new Set([
  "invalid_input",
  "invalid_json",
  "unknown_concept",
  "unknown_format",
  "unknown_scale",
]);

export function exitCodeFor(e: unknown): number {
  if (isLerError(e)) return USAGE_CODES.has(e.code) ? EXIT.usage : EXIT.failure;
  return EXIT.failure;
}

/** Prints a person-readable error (or JSON with --json) and sets the exit code. */
export function reportError(e: unknown, json: boolean): void {
  const body = isLerError(e)
    ? e.toJSON()
    : { code: "internal", message: e instanceof Error ? e.message : String(e) };
  if (json) process.stdout.write(`${JSON.stringify({ error: body })}\n`);
  else process.stderr.write(`ler-match: ${body.message} [${body.code}]\n`);
  process.exitCode = exitCodeFor(e);
}
