/**
 * ParsedDocument → DocumentWrite: ids, resolved assertions, dates checked, flags. Pure apart from
 * the taxonomy look-ups; the pipeline decides whether to write the result.
 */

import { parseIsoDateMs } from "../src/domain/dates.ts";
import type { DegreeEvidence } from "../src/domain/education.ts";
import { LerError } from "../src/domain/errors.ts";
import { Candidate, type LerDocument } from "../src/domain/schemas.ts";
import type { DocumentVerification } from "../src/domain/verification.ts";
import type { DocumentWrite } from "../src/store/types.ts";
import type { Taxonomy } from "../taxonomy/model.ts";
import { canonicalJson, contentId, sha256Hex } from "./canonical.ts";
import { readDegrees } from "./degrees.ts";
import { type HintIndex, readDate, resolveAssertions } from "./resolve-assertions.ts";
import type { DocumentFlag, ParsedDocument } from "./types.ts";

export interface PreparedDocument {
  write: DocumentWrite;
  flags: DocumentFlag[];
  unresolved: string[];
  warnings: string[];
}

export interface PrepareContext {
  taxonomy: Taxonomy;
  hints: HintIndex;
  fileName: string | null;
  nowMs: number;
  /** The compact JWS the input came as, kept with the document so it can be verified again. */
  compactJws?: string;
}

type FlagRule = (w: DocumentWrite, nowMs: number) => boolean;

/** Why a document may not count (fully) in a match, as data. */
const FLAG_RULES: [DocumentFlag, FlagRule][] = [
  ["expired", (w, now) => (parseIsoDateMs(w.document.validUntil) ?? Number.POSITIVE_INFINITY) < now],
  ["revoked", (w) => w.document.revocation === "revoked"],
  ["suspended", (w) => w.document.revocation === "suspended"],
  ["status-unchecked", (w) => w.document.credentialStatus != null && w.document.revocation === "unchecked"],
  ["unverified", (w) => w.document.verification !== "verified"],
  ["invalid-signature", (w) => w.document.verificationDetail?.status === "invalid-signature"],
  ["no-skills", (w) => w.assertions.length === 0],
];

function readCandidate(doc: ParsedDocument): Candidate {
  const parsed = Candidate.safeParse(doc.person);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = `$.person.${issue.path.join(".")}`;
  throw new LerError("parse_failed", `the document's person is not usable: ${path}: ${issue.message}`, {
    details: { path },
    cause: parsed.error,
  });
}

/**
 * `raw` is what the document was read from. The document id is the document's own, else the hash
 * of that raw content. The content hash covers the raw content *and* how it was read (concepts,
 * levels), so re-ingesting after a taxonomy or scale change replaces stale assertions instead of
 * reporting "unchanged".
 */
export function prepareDocument(
  doc: ParsedDocument,
  raw: unknown,
  ctx: PrepareContext,
  verification: DocumentVerification | null = null,
): PreparedDocument {
  const candidate = readCandidate(doc);
  const documentId = doc.documentId?.trim() || contentId(raw);
  const warnings = [...doc.warnings];
  const resolved = resolveAssertions(
    doc,
    { documentId, candidateId: candidate.id },
    ctx.taxonomy,
    ctx.hints,
    ctx.nowMs,
  );
  warnings.push(...resolved.warnings);
  const document: Omit<LerDocument, "contentHash"> = {
    id: documentId,
    candidateId: candidate.id,
    format: doc.format,
    title: doc.title,
    issuer: doc.issuer,
    issuedAt: readDate(doc.issuedAt, "$.issuedAt", warnings),
    validUntil: readDate(doc.validUntil, "$.validUntil", warnings),
    verification: doc.verification,
    revocation: doc.revocation,
    verificationDetail: verification,
    credentialStatus: doc.credentialStatus ?? null,
    fileName: ctx.fileName,
    raw,
    // only a JWT carries one, so every other document hashes as it always did
    ...(ctx.compactJws === undefined ? {} : { compactJws: ctx.compactJws }),
    ingestedAt: new Date(ctx.nowMs).toISOString(),
  };
  // where and when it was read are not content: the same document from another file is unchanged
  const { ingestedAt: _at, fileName: _file, ...hashed } = document;
  const degrees: DegreeEvidence[] = readDegrees(doc.format, raw).map((d, i) => ({
    ...d,
    id: `${documentId}#degree-${i}`,
    candidateId: candidate.id,
    documentId,
  }));
  // a document without degrees hashes as it always did, so re-ingest still says "unchanged"
  const contentHash = sha256Hex(
    canonicalJson({
      candidate,
      document: hashed,
      assertions: resolved.assertions,
      ...(degrees.length ? { degrees } : {}),
    }),
  );
  const write: DocumentWrite = {
    candidate,
    document: { ...document, contentHash },
    assertions: resolved.assertions,
    degrees,
  };
  const flags = FLAG_RULES.filter(([, applies]) => applies(write, ctx.nowMs)).map(([flag]) => flag);
  return { write, flags, unresolved: resolved.unresolved, warnings };
}
