/**
 * The contract between the format parsers, the ingestion pipeline and its callers (CLI, HTTP).
 * A parser turns one document into a ParsedDocument of raw assertions; the pipeline resolves,
 * normalises, assigns trust and stores each document atomically.
 */
import type { ErrorCode } from "../src/domain/errors.ts";
import type { LerFormat, RevocationStatus, SourceKind, Verification } from "../src/domain/schemas.ts";
import type { VerificationStatus } from "../src/domain/verification.ts";
import type { ScaleHint } from "../taxonomy/scales/types.ts";

export interface RawAssertion {
  skillText: string;
  /** Identifiers the document gives for the skill (alignment targetUrl/targetCode, O*NET code…). */
  conceptHint?: { id?: string; uri?: string; code?: string; framework?: string };
  rawLevel: string | number | null;
  scale: ScaleHint | null;
  /** Overrides the document's source kind for this assertion. */
  sourceKind?: SourceKind;
  issuer?: string | null;
  issuedAt?: string | null;
  lastPracticedAt?: string | null;
  validUntil?: string | null;
  wherePracticed?: string | null;
  /** JSON path ($.credentialSubject.achievement.alignment[0]) or CSV line ("line 7"). */
  sourcePath: string;
}

export interface ParsedPerson {
  id: string;
  name: string | null;
  email: string | null;
  location: string | null;
}

export interface ParsedDocument {
  format: LerFormat;
  /** The document's own id when it has one, else derived from its content hash by the pipeline. */
  documentId: string | null;
  person: ParsedPerson;
  title: string | null;
  issuer: string | null;
  issuedAt: string | null;
  validUntil: string | null;
  verification: Verification;
  revocation: RevocationStatus;
  credentialStatus: unknown;
  /** Default source kind for the document's assertions. */
  sourceKind: SourceKind;
  assertions: RawAssertion[];
  warnings: string[];
  /**
   * The part of the input this document was read from (one row, one credential of a bundle); the
   * pipeline stores it as the document's raw JSON. When absent: the whole input if it held one
   * document, else the parsed document itself.
   */
  raw?: unknown;
}

/** What the caller of a parser says about the input. */
export interface ParseContext {
  fileName: string | null;
}

/**
 * What a parser is handed: the caller's context, and the way back into detection for a document
 * wrapped inside another (a JWT's credential) — so no parser imports the parser registry.
 */
export interface FormatContext extends ParseContext {
  /** The format of a wrapped document, as detection would name it. */
  formatOfNested(doc: unknown): LerFormat;
  /** The wrapped document read as that format. */
  parseNested(doc: unknown, format: LerFormat): ParsedDocument[];
}

export interface FormatParser {
  format: LerFormat;
  /** 0 = not this format; higher = more certain. Looks at type, @context and shape only. */
  detect(doc: unknown): number;
  /** Throws LerError("parse_failed", …, { details: { path } }) on a document it cannot read. */
  parse(doc: unknown, ctx: FormatContext): ParsedDocument[];
}

/** A registered parser as callers use it: detection for nested documents is wired in. */
export interface DocumentParser {
  format: LerFormat;
  parse(doc: unknown, ctx: ParseContext): ParsedDocument[];
}

/** One thing to ingest: a parsed JSON value, or text (JSON, JSON lines, CSV, a compact JWS). */
export interface IngestInput {
  /** File name or "body[3]": how the report names this input. */
  name: string;
  content: unknown;
  format?: LerFormat;
  /** The compact JWS the content was decoded from, kept so its signature can be checked. */
  jws?: string;
}

export type DocumentStatus = "stored" | "replaced" | "unchanged" | "failed" | "dry-run";
export type DocumentFlag =
  | "expired"
  | "revoked"
  | "suspended"
  | "unverified"
  | "invalid-signature"
  | "status-unchecked"
  | "no-skills";

export interface DocumentReport {
  name: string;
  documentId: string | null;
  candidateId: string | null;
  format: LerFormat | null;
  status: DocumentStatus;
  assertions: number;
  unresolved: string[];
  flags: DocumentFlag[];
  warnings: string[];
  error: { code: ErrorCode; message: string; path?: string } | null;
  /** What the verifier established; null when the document was not read. */
  verification: {
    status: VerificationStatus;
    reason: string;
    attestedBy: string | null;
    /** Credentials embedded in the document (a CLR's), each with its own status. */
    embedded: { path: string; status: VerificationStatus; reason: string }[];
  } | null;
}

export interface IngestReport {
  documents: DocumentReport[];
  totals: {
    documents: number;
    stored: number;
    replaced: number;
    unchanged: number;
    failed: number;
    assertions: number;
    byFormat: Record<string, number>;
    /** skill text → count, most frequent first */
    unresolved: { text: string; count: number }[];
  };
}

/** A stored document whose verification a re-run changed (its status, reason or a credential's check). */
export interface ReverifiedDocument {
  documentId: string;
  candidateId: string;
  /** Its file name as ingested, else its id. */
  name: string;
  from: VerificationStatus;
  to: VerificationStatus;
  reason: string;
}

/** What `reverify` did: documents re-checked, those whose verification changed, those it could not re-read. */
export interface ReverifyReport {
  checked: number;
  changed: ReverifiedDocument[];
  skipped: { documentId: string; name: string; reason: string }[];
}

/** The people an ingest wrote about (stored, replaced or unchanged): what the audit trail records. */
export const storedPeople = (report: IngestReport): string[] =>
  report.documents.flatMap((d) => (d.status !== "failed" && d.candidateId ? [d.candidateId] : []));
