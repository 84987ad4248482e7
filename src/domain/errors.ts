/**
 * Every error ler-match raises carries a stable code from this catalogue. The HTTP layer maps the
 * code to a status; the CLI maps it to an exit code; callers match on `code`, never on text.
 */
import type { ZodError } from "zod";

/** The codes each HTTP status stands for, each with the hint a caller is given. */
const HINTS_BY_STATUS = {
  400: {
    invalid_input: "Check the fields named in details.",
    invalid_json: "Send a well-formed JSON body.",
  },
  401: { unauthenticated: "Send Authorization: Bearer <key>; create one with `ler-match keys create`." },
  403: {
    forbidden: "This key lacks the scope the route needs; use a key that has it.",
    host_not_allowed:
      "Call the server by a configured host name (security.allowedHosts, LER_MATCH_ALLOWED_HOSTS).",
    origin_not_allowed: "Cross-site requests are refused; call the API from its own origin.",
  },
  404: { not_found: "Check the id." },
  409: {
    conflict: "The id already belongs to another person's record; give this document an id of its own.",
    identity_locked:
      "Only an admin key (or the CLI) may change the name or email of a person already on record.",
  },
  413: {
    payload_too_large: "Split the upload into smaller batches.",
    too_many_documents: "Split the upload into smaller batches.",
  },
  415: { unsupported_media_type: "Send application/json, application/x-ndjson or text/csv." },
  422: {
    unknown_format: "Name the format explicitly, or check the document's type and @context.",
    parse_failed: "The document does not have the shape its format requires.",
    not_a_person_record:
      "This is a framework, job or schema document, not a person's record; the message says where it belongs.",
    unknown_scale: "Use a known scale name, or give min/max for a numeric level.",
    unknown_concept: "Use a concept id or label from the taxonomy (see /v1/concepts).",
    too_many_requirements:
      "Match on fewer skills: shorten the job description, or send the requirements that matter.",
  },
  429: { rate_limited: "Too many requests for this key; retry after the Retry-After seconds." },
  500: {
    store_failed: "The database rejected the write; nothing was stored.",
    internal: "An unexpected error; the server log has details.",
  },
  503: {
    index_unavailable: "The search index is unreachable; retry shortly. Ingest still works.",
    timeout: "The server gave up on this work within its time budget; retry shortly, or send less.",
  },
} as const;

type HintsByStatus = typeof HINTS_BY_STATUS;
export type ErrorCode = { [S in keyof HintsByStatus]: keyof HintsByStatus[S] }[keyof HintsByStatus];

export const ERROR_CATALOGUE = Object.fromEntries(
  Object.entries(HINTS_BY_STATUS).flatMap(([status, hints]) =>
    Object.entries(hints).map(([code, hint]) => [code, { status: Number(status), hint }]),
  ),
) as Record<ErrorCode, { status: number; hint: string }>;

export interface ErrorIssue {
  path: (string | number)[];
  message: string;
}

export class LerError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, options: { details?: unknown; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "LerError";
    this.code = code;
    this.details = options.details;
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }

  toJSON(): { code: ErrorCode; message: string; details?: unknown } {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** A zod failure as invalid_input: the first issue in the message, every issue's path in details. */
export function fromZod(error: ZodError, where: string): LerError {
  const details = error.issues.map((i) => ({ path: i.path.map(String), code: i.code, message: i.message }));
  const first = details[0];
  const at = first?.path.length ? ` at ${first.path.join(".")}` : "";
  return new LerError("invalid_input", `invalid ${where}${at}: ${first?.message ?? "see details"}`, {
    details,
  });
}

export const isLerError = (e: unknown): e is LerError => e instanceof LerError;

/** Wraps anything thrown into a LerError, keeping the original as `cause`. */
export function toLerError(e: unknown, fallback: ErrorCode = "internal"): LerError {
  if (isLerError(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new LerError(fallback, message, { cause: e });
}

/** Codes whose message may quote the database or the cluster (SQL, node addresses): never shown to a caller. */
const SYSTEM_CODES: ReadonlySet<ErrorCode> = new Set(["internal", "store_failed", "index_unavailable"]);

/** The error as a caller may see it: a system failure says only what its catalogue entry says. */
export const forCaller = (e: LerError): LerError =>
  SYSTEM_CODES.has(e.code) ? new LerError(e.code, ERROR_CATALOGUE[e.code].hint) : e;
