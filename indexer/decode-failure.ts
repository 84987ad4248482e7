/**
 * A piece of input decodeInput could not turn into a document (a bad CSV row, a JSON line that is
 * not JSON). It travels as an input of its own, so the pipeline reports it by name ("people.csv
 * line 7") next to the good documents of the same upload, and detection raises its error.
 */
import { type ErrorCode, LerError } from "../src/domain/errors.ts";
import { isObject } from "./json-path.ts";

export const DECODE_FAILURE = "ler-match/decode-failure";

export interface DecodeFailure {
  kind: typeof DECODE_FAILURE;
  code: ErrorCode;
  message: string;
  path: string;
}

export const decodeFailure = (code: ErrorCode, message: string, path: string): DecodeFailure => ({
  kind: DECODE_FAILURE,
  code,
  message,
  path,
});

/** The error a carried failure stands for, or null for any other content. */
export function carriedFailure(doc: unknown): LerError | null {
  if (!isObject(doc) || doc.kind !== DECODE_FAILURE) return null;
  const f = doc as unknown as DecodeFailure;
  return new LerError(f.code, f.message, { details: { path: f.path } });
}
