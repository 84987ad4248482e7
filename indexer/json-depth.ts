/**
 * How deep JSON text nests, read without recursion and without parsing: hashing, detection and
 * the parsers walk documents recursively, so text nested thousands deep must be turned away
 * before it is parsed, not found out by a stack overflow.
 */
import { LerError } from "../src/domain/errors.ts";

/** Far deeper than any LER format nests (a CLR bundle is about a dozen levels). */
export const MAX_JSON_DEPTH = 64;

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/** Whether the text opens more than `max` objects or arrays inside one another (strings skipped). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === BACKSLASH) i++;
      else if (ch === QUOTE) inString = false;
    } else if (ch === QUOTE) inString = true;
    else if (ch === OPEN_OBJECT || ch === OPEN_ARRAY) {
      if (++depth > max) return true;
    } else if ((ch === CLOSE_OBJECT || ch === CLOSE_ARRAY) && depth > 0) depth--;
  }
  return false;
}

/** Throws invalid_input when `what` (the body, "people.jsonl line 3") nests too deep to read. */
export function assertJsonDepth(text: string, what: string): void {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH))
    throw new LerError(
      "invalid_input",
      `${what} nests JSON more than ${MAX_JSON_DEPTH} levels deep; no LER document needs that many`,
      { details: { maxDepth: MAX_JSON_DEPTH } },
    );
}
