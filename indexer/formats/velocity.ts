/**
 * Velocity Network credential offers: employment positions, certifications, licences, courses.
 * Strings may be localized (`{ localized: { en } }`) and dates partial (`{ year, month }`). Each
 * offer type is a row in KINDS: where its skill, issuer and dates live.
 */

import { PRESENT } from "../../src/domain/dates.ts";
import type { SourceKind } from "../../src/domain/schemas.ts";
import {
  isObject,
  isoDate,
  type Json,
  looksLikeEmail,
  nameOf,
  requireObject,
  text,
  types,
} from "../json-path.ts";
import type { FormatParser, ParsedDocument, ParsedPerson, RawAssertion } from "../types.ts";
import {
  alignments,
  anonymousPerson,
  assertion,
  firstObject,
  newDocument,
  parseFailed,
  requireSubject,
} from "./common.ts";

interface Kind {
  sourceKind: SourceKind;
  /** Fields holding the skill as written, first found wins. */
  name: string[];
  issuer: string[];
  issuedAt: string[];
  validUntil: string[];
  /** Where the skill was practiced, for employment. */
  where: string[];
  practicedUntil: string[];
  current: boolean;
}

const EMPLOYMENT = {
  sourceKind: "employer-record",
  name: ["title", "role"],
  issuer: ["companyName", "legalEmployer"],
  issuedAt: ["endMonthYear", "startMonthYear"],
  validUntil: [],
  where: ["companyName", "company"],
  practicedUntil: ["endMonthYear"],
  current: false,
} satisfies Kind;

/** An offer an authority issues: valid for good, practiced nowhere, unless its row says otherwise. */
const issued = (kind: Pick<Kind, "name" | "issuer" | "issuedAt"> & Partial<Kind>): Kind => ({
  sourceKind: "issued-credential",
  validUntil: [],
  where: [],
  practicedUntil: [],
  current: false,
  ...kind,
});

const CERTIFICATION = issued({
  name: ["name", "title"],
  issuer: ["authorityName", "authority"],
  issuedAt: ["certificationDate", "validFrom", "startDate"],
  validUntil: ["expirationDate", "validUntil"],
});
const COURSE = issued({
  name: ["title", "name"],
  issuer: ["providerName", "provider", "authorityName"],
  issuedAt: ["completionDate", "startDate", "registrationDate"],
  where: ["providerName"],
  practicedUntil: ["completionDate"],
});
const EDUCATION = issued({
  name: ["program", "degreeName", "title"],
  issuer: ["institution", "school"],
  issuedAt: ["conferredDate", "endMonthYear", "startMonthYear"],
  where: ["institution", "school"],
  practicedUntil: ["endMonthYear", "conferredDate"],
});
const BADGE = issued({
  name: ["name", "title"],
  issuer: ["issuerName", "authorityName", "issuer"],
  issuedAt: ["issuedDate", "startDate"],
  validUntil: ["expirationDate"],
});

/** Offer type (version suffix removed) → how to read it. */
const KINDS: Record<string, Kind> = {
  PastEmploymentPosition: EMPLOYMENT,
  CurrentEmploymentPosition: { ...EMPLOYMENT, current: true },
  EmploymentPast: EMPLOYMENT,
  EmploymentCurrent: { ...EMPLOYMENT, current: true },
  Certification: CERTIFICATION,
  License: CERTIFICATION,
  Licence: CERTIFICATION,
  Course: COURSE,
  CourseCompletion: COURSE,
  CourseAttendance: COURSE,
  CourseRegistration: COURSE,
  EducationDegree: EDUCATION,
  EducationDegreeGraduation: EDUCATION,
  EducationDegreeStudy: EDUCATION,
  EducationDegreeRegistration: EDUCATION,
  Badge: BADGE,
};

const baseType = (t: string): string => t.replace(/V\d+(\.\d+)*$/, "");

function kindOf(doc: unknown): Kind | null {
  for (const t of types(doc)) {
    const kind = KINDS[baseType(t)];
    if (kind) return kind;
  }
  return null;
}

const first = (subject: Json, fields: string[], read: (v: unknown) => string | null) =>
  fields.map((f) => read(subject[f])).find((v) => v !== null) ?? null;

function person(subject: Json, doc: unknown): ParsedPerson {
  const recipient = isObject(subject.recipient) ? subject.recipient : {};
  const name = [text(recipient.givenName), text(recipient.familyName)].filter(Boolean).join(" ") || null;
  const vendorId = text(subject.vendorUserId);
  const email = looksLikeEmail(vendorId) ? vendorId : null;
  const id = text(subject.id) ?? (email ? email.toLowerCase() : vendorId ? `velocity:${vendorId}` : null);
  return id ? { id, name, email, location: null } : anonymousPerson(doc, name);
}

function skills(subject: Json, kind: Kind, warnings: string[]): RawAssertion[] {
  const path = "$.credentialSubject";
  const aligned = alignments(subject, path, warnings);
  const name = first(subject, kind.name, text);
  const named = name && !aligned.some((a) => a.skillText.toLowerCase() === name.toLowerCase());
  const lastPracticedAt = first(subject, kind.practicedUntil, isoDate) ?? (kind.current ? PRESENT : null);
  const shared: Partial<RawAssertion> = {
    issuer: first(subject, kind.issuer, nameOrText),
    issuedAt: first(subject, kind.issuedAt, isoDate),
    validUntil: first(subject, kind.validUntil, isoDate),
    wherePracticed: first(subject, kind.where, nameOrText),
    ...(kind.practicedUntil.length > 0 ? { lastPracticedAt } : {}),
  };
  const found = [...(named ? [{ skillText: name, sourcePath: path }] : []), ...aligned];
  return found.map((f) => assertion({ ...f, ...shared }));
}

const nameOrText = (v: unknown): string | null => text(v) ?? nameOf(v);

export const velocityParser: FormatParser = {
  format: "velocity",
  detect(doc) {
    if (!kindOf(doc)) return 0;
    // Offer types are generic words ("Course"); an offer's vendorUserId makes it certain.
    const subject = isObject(doc) ? firstObject(doc.credentialSubject) : null;
    return subject && "vendorUserId" in subject ? 9 : 5;
  },
  parse(doc): ParsedDocument[] {
    const offer = requireObject(doc, "Velocity credential offer");
    const kind = kindOf(offer);
    if (!kind) throw parseFailed(`type ${JSON.stringify(offer.type)} is not a Velocity offer type`, "$.type");
    const subject = requireSubject(offer);
    const warnings: string[] = [];
    const assertions = skills(subject, kind, warnings);
    const lead = assertions[0];
    return [
      newDocument("velocity", kind.sourceKind, person(subject, doc), {
        documentId: text(offer.id) ?? text(offer.offerId),
        title: first(subject, kind.name, text),
        issuer: lead?.issuer ?? nameOf(offer.issuer),
        issuedAt: lead?.issuedAt ?? null,
        validUntil: lead?.validUntil ?? null,
        credentialStatus: offer.credentialStatus ?? null,
        assertions,
        warnings,
      }),
    ];
  },
};
