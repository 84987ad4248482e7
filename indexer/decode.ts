/** Turns raw input (parsed JSON or text) into one input per document. */
import { LerError } from "../src/domain/errors.ts";
import type { IngestInput } from "./types.ts";

export function decodeInput(input: IngestInput): IngestInput[] {
  if (typeof input.content !== "string") return [input];
  try {
    return [{ ...input, content: JSON.parse(input.content) }];
  } catch (cause) {
    throw new LerError("invalid_json", `${input.name} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
}
