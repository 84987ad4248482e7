/** Pieces every parser shares: the document skeleton, alignments as concept hints, person ids. */
import { LerError } from "../../src/domain/errors.ts";
import type { LerFormat, SourceKind } from "../../src/domain/schemas.ts";
import {
  childPath,
  contentHash,
  isObject,
  isoDate,
  type Json,
  looksLikeEmail,
  nameOf,
  objects,
  text,
} from "../json-path.ts";
import type { ParsedDocument, ParsedPerson, RawAssertion } from "../types.ts";

export function newDocument(
  format: LerFormat,
  sourceKind: SourceKind,
  person: ParsedPerson,
  fields: Partial<Omit<ParsedDocument, "format" | "sourceKind" | "person">> = {},
): ParsedDocument {
  return {
    format,
    documentId: null,
    person,
    title: null,
    issuer: null,
    issuedAt: null,
    validUntil: null,
    // Signatures are not checked yet, and revocation is never assumed: both start undecided.
    verification: "unverified",
    revocation: "unchecked",
    credentialStatus: null,
    sourceKind,
    assertions: [],
    warnings: [],
    ...fields,
  };
}

/** A person known only by a hash of the document: stable across re-ingests of the same content. */
export function anonymousPerson(
  doc: unknown,
  name: string | null = null,
  email: string | null = null,
): ParsedPerson {
  if (looksLikeEmail(email)) return { id: email.toLowerCase(), name, email, location: null };
  return { id: `anon:${contentHash(doc)}`, name, email: null, location: null };
}

export type ConceptHint = NonNullable<RawAssertion["conceptHint"]>;

/** OB/CLR/Velocity alignment → concept hint (targetUrl → uri, targetCode → code, targetFramework). */
export function alignmentHint(al: Json): ConceptHint | undefined {
  const hint: ConceptHint = {};
  const uri = text(al.targetUrl);
  const code = text(al.targetCode);
  const framework = text(al.targetFramework);
  if (uri) hint.uri = uri;
  if (code) hint.code = code;
  if (framework) hint.framework = framework;
  return Object.keys(hint).length > 0 ? hint : undefined;
}

export interface Aligned {
  skillText: string;
  conceptHint?: ConceptHint;
  sourcePath: string;
}

/** Every alignment with a usable name, with its path; nameless ones are reported as warnings. */
export function alignments(node: unknown, path: string, warnings: string[]): Aligned[] {
  if (!isObject(node)) return [];
  const field = childPath(path, "alignment");
  const list = Array.isArray(node.alignment)
    ? node.alignment
    : isObject(node.alignment)
      ? [node.alignment]
      : [];
  const out: Aligned[] = [];
  for (const [i, al] of list.entries()) {
    const at = Array.isArray(node.alignment) ? childPath(field, i) : field;
    const skillText = isObject(al) ? (text(al.targetName) ?? text(al.targetCode)) : null;
    if (!isObject(al) || !skillText) {
      warnings.push(
        `${at}: ${isObject(al) ? "alignment has no targetName" : "alignment is not an object"}, skipped`,
      );
      continue;
    }
    const conceptHint = alignmentHint(al);
    out.push(conceptHint ? { skillText, conceptHint, sourcePath: at } : { skillText, sourcePath: at });
  }
  return out;
}

/** A badge's or achievement's skills: its alignments, else its own name. */
export function alignedOrNamed(
  node: Json,
  path: string,
  shared: Partial<RawAssertion>,
  warnings: string[],
): RawAssertion[] {
  const aligned = alignments(node, path, warnings);
  const name = text(node.name);
  const found = aligned.length > 0 ? aligned : name ? [{ skillText: name, sourcePath: path }] : [];
  return found.map((f) => assertion({ ...f, ...shared }));
}

/** Who issued a credential and the period it holds for (VC 2.0's names first, then 1.1's, then OB3's). */
export const credentialTerms = (vc: Json) => ({
  issuer: nameOf(vc.issuer),
  issuedAt: isoDate(vc.validFrom ?? vc.issuanceDate ?? vc.awardedDate),
  validUntil: isoDate(vc.validUntil ?? vc.expirationDate),
});

export const firstObject = (v: unknown): Json | null => objects(v)[0] ?? null;

/** Builds an assertion with the optional fields left out when empty, so pinned tests read cleanly. */
export function assertion(
  base: Pick<RawAssertion, "skillText" | "sourcePath"> & Partial<RawAssertion>,
): RawAssertion {
  return { rawLevel: null, scale: null, ...base };
}

export function parseFailed(message: string, path: string): LerError {
  return new LerError("parse_failed", `${message} at ${path}`, { details: { path } });
}

/** The credential's (first) subject object; a credential without one cannot be read. */
export function requireSubject(vc: Json, path = "$.credentialSubject"): Json {
  const subject = firstObject(vc.credentialSubject);
  if (!subject) throw parseFailed("no credentialSubject object", path);
  return subject;
}
