/**
 * A piece of input decodeInput could not turn into a document (a bad CSV row, a JSON line that is
 * not JSON). It travels as an input of its own, so the pipeline reports it by name ("people.csv
 * line 7") next to the good documents of the same upload, and detection raises its error.
 *
 * It is a class instance, not a tagged object: JSON.parse never builds one, so a client cannot
 * post a document that passes for a failure and have its made-up error reported.
 */
import { type ErrorCode, LerError } from "../src/domain/errors.ts";

export class DecodeFailure {
  constructor(readonly error: LerError) {}
}

export const decodeFailure = (code: ErrorCode, message: string, path: string): DecodeFailure =>
  new DecodeFailure(new LerError(code, message, { details: { path } }));

/** The error a carried failure stands for, or null for any other content. */
export const carriedFailure = (doc: unknown): LerError | null =>
  doc instanceof DecodeFailure ? doc.error : null;
