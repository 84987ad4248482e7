/**
 * CLR 2.0 (ClrCredential). One CLR becomes ONE ParsedDocument: the CLR is the unit the learner
 * shares and re-sends, so it is stored and replaced atomically under its own id and subject. Each
 * embedded credential (credentialSubject.verifiableCredential[]) is read as Open Badges 3.0 and its
 * assertions keep their own issuer and dates; bare achievements (credentialSubject.achievement[])
 * become assertions issued by the CLR's issuer. Associations are reported, not scored.
 */
import type { LerFormat } from "../../src/domain/schemas.ts";
import {
  childPath,
  contexts,
  hasType,
  isObject,
  type Json,
  objects,
  requireObject,
  text,
} from "../json-path.ts";
import type { FormatParser, ParsedDocument, RawAssertion } from "../types.ts";
import { alignedOrNamed, credentialTerms, newDocument, requireSubject } from "./common.ts";
import { ob3Person, readEmbeddedOb3 } from "./ob3.ts";

const CLR_CONTEXT = /purl\.imsglobal\.org\/spec\/clr\/v2p0/;

function embedded(subject: Json, subjectPath: string, warnings: string[]): RawAssertion[] {
  const listPath = childPath(subjectPath, "verifiableCredential");
  const list = Array.isArray(subject.verifiableCredential) ? subject.verifiableCredential : [];
  return list.flatMap((vc, i) => {
    const at = childPath(listPath, i);
    if (isObject(vc)) return readEmbeddedOb3(vc, at, warnings);
    warnings.push(`${at}: not a credential object (a JWT string?), skipped`);
    return [];
  });
}

function bareAchievements(
  subject: Json,
  subjectPath: string,
  shared: Partial<RawAssertion>,
  warnings: string[],
) {
  const listPath = childPath(subjectPath, "achievement");
  return objects(subject.achievement).flatMap((a, i) => {
    const at = Array.isArray(subject.achievement) ? childPath(listPath, i) : listPath;
    return alignedOrNamed(a, at, shared, warnings);
  });
}

export const clr2Parser: FormatParser = {
  format: "clr2" satisfies LerFormat,
  detect(doc) {
    if (hasType(doc, "ClrCredential")) return 12;
    return contexts(doc).some((c) => CLR_CONTEXT.test(c)) ? 7 : 0;
  },
  parse(doc): ParsedDocument[] {
    const clr = requireObject(doc, "CLR 2.0 credential");
    const subjectPath = "$.credentialSubject";
    const subject = requireSubject(clr, subjectPath);
    const warnings: string[] = [];
    const { issuer, issuedAt, validUntil } = credentialTerms(clr);
    const assertions = [
      ...embedded(subject, subjectPath, warnings),
      ...bareAchievements(subject, subjectPath, { issuer, issuedAt, validUntil }, warnings),
    ];
    const associations = objects(subject.association).length;
    if (associations > 0)
      warnings.push(`${subjectPath}.association: ${plural(associations, "association")} kept, not scored`);
    const person = ob3Person(subject, doc);
    return [
      newDocument("clr2", "issued-credential", person, {
        documentId: text(clr.id),
        title: text(clr.name),
        issuer,
        issuedAt,
        validUntil,
        credentialStatus: clr.credentialStatus ?? null,
        assertions,
        warnings,
      }),
    ];
  },
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
