/**
 * HR Open LER-RS v2 (schema 4.5): a résumé wrapped as a verifiable credential. The résumé itself
 * is the person's claim ("self-asserted"); credentials embedded under `verifications` are read as
 * Open Badges 3.0 and keep "issued-credential"; a position backed by an embedded verification is an
 * "employer-record". Skills carry yearsOfExperience or a PersonCompetency-style proficiency.
 */

import { PRESENT } from "../../src/domain/dates.ts";
import {
  asArray,
  contexts,
  indexedObjects,
  isObject,
  isoDate,
  type Json,
  looksLikeEmail,
  nameOf,
  objects,
  requireObject,
  text,
  types,
} from "../json-path.ts";
import type { FormatParser, ParsedDocument, ParsedPerson, RawAssertion } from "../types.ts";
import { anonymousPerson, assertion, firstObject, newDocument, requireSubject } from "./common.ts";
import { competencyHint, proficiency } from "./hropen.ts";
import { isOb3, readEmbeddedOb3 } from "./ob3.ts";

const LER_RS = /LER-RS/i;

interface Ctx {
  warnings: string[];
}

/** OB3 credentials embedded as `verifications`; anything else is noted, not read. */
function verified(node: Json, path: string, ctx: Ctx): RawAssertion[] {
  return indexedObjects(node, "verifications", path).flatMap(({ item, at }) => {
    if (!isOb3(item)) {
      if (!("reference" in item))
        ctx.warnings.push(`${at}: embedded ${JSON.stringify(item.type ?? "object")} not read`);
      return [];
    }
    const read = readEmbeddedOb3(item, at, ctx.warnings);
    return read.map((a) => ({ ...a, sourceKind: "issued-credential" as const }));
  });
}

function skills(s: Json, path: string): RawAssertion[] {
  return indexedObjects(s, "skills", path).flatMap(({ item, at }) => {
    const skillText = text(item.name) ?? text(item.competencyName);
    if (!skillText) return [];
    const stated = proficiency(item);
    const years = typeof item.yearsOfExperience === "number" ? item.yearsOfExperience : null;
    const level =
      stated.rawLevel !== null
        ? stated
        : { rawLevel: years, scale: years === null ? null : { scale: "years" } };
    const conceptHint = competencyHint(item);
    const lastPracticedAt = isoDate(item.lastUsedDate);
    return [
      assertion({
        skillText,
        ...level,
        ...(conceptHint ? { conceptHint } : {}),
        lastPracticedAt,
        sourcePath: at,
      }),
    ];
  });
}

function employment(s: Json, path: string, ctx: Ctx): RawAssertion[] {
  return indexedObjects(s, "employmentHistories", path).flatMap(({ item: history, at: hAt }) => {
    const employer = nameOf(history.organization);
    return indexedObjects(history, "positionHistories", hAt).flatMap(({ item: pos, at }) => {
      const backed = verified(pos, at, ctx);
      const skillText = text(pos.title);
      if (!skillText) return backed;
      const ongoing = pos.current === true || (!isoDate(pos.end) && isoDate(pos.start) !== null);
      const lastPracticedAt = isoDate(pos.end) ?? (ongoing ? PRESENT : null);
      const sourceKind =
        backed.length > 0 || objects(pos.verifications).length > 0 ? "employer-record" : undefined;
      const own = assertion({ skillText, wherePracticed: employer, lastPracticedAt, sourcePath: at });
      return [sourceKind ? { ...own, sourceKind } : own, ...backed];
    });
  });
}

function certifications(s: Json, path: string, ctx: Ctx): RawAssertion[] {
  return indexedObjects(s, "certifications", path).flatMap(({ item, at }) => {
    const backed = verified(item, at, ctx);
    if (backed.length > 0) return backed;
    const skillText = text(item.name);
    if (!skillText) return [];
    const period = isObject(item.effectiveTimePeriod) ? item.effectiveTimePeriod : {};
    return [
      assertion({
        skillText,
        issuer: nameOf(item.issuingAuthority),
        issuedAt: isoDate(item.firstIssued) ?? isoDate(period.validFrom),
        validUntil: isoDate(period.validTo),
        sourcePath: at,
      }),
    ];
  });
}

function education(s: Json, path: string, ctx: Ctx): RawAssertion[] {
  return indexedObjects(s, "educationAndLearnings", path).flatMap(({ item, at }) => {
    const where = nameOf(item.institution);
    const lastPracticedAt = isoDate(item.end);
    const studied = indexedObjects(item, "educationDegrees", at).flatMap(({ item: degree, at: dAt }) =>
      indexedObjects(degree, "specializations", dAt).flatMap(({ item: sp, at: sAt }) => {
        const skillText = text(sp.name);
        return skillText
          ? [assertion({ skillText, wherePracticed: where, lastPracticedAt, sourcePath: sAt })]
          : [];
      }),
    );
    return [...studied, ...verified(item, at, ctx)];
  });
}

function person(s: Json, doc: unknown): ParsedPerson {
  const p = isObject(s.person) ? s.person : {};
  const n = isObject(p.name) ? p.name : {};
  const name = text(n.formattedName) ?? ([text(n.given), text(n.family)].filter(Boolean).join(" ") || null);
  const comm = isObject(s.communication) ? s.communication : isObject(p.communication) ? p.communication : {};
  const email =
    objects(comm.email)
      .map((e) => text(e.address))
      .find(looksLikeEmail) ?? null;
  const address = firstObject(comm.address);
  const location = address ? text(address.city) : null;
  if (email) return { id: email.toLowerCase(), name, email, location };
  if (name) return { id: `name:${name.toLowerCase()}`, name, email: null, location };
  return { ...anonymousPerson(doc), location };
}

export const lerRsParser: FormatParser = {
  format: "ler-rs",
  detect(doc) {
    if (types(doc).some((t) => LER_RS.test(t))) return 11;
    const subject = isObject(doc) ? firstObject(doc.credentialSubject) : null;
    if (subject && types(subject).some((t) => LER_RS.test(t))) return 11;
    return contexts(doc).some((c) => LER_RS.test(c)) ? 9 : 0;
  },
  parse(doc): ParsedDocument[] {
    const vc = requireObject(doc, "LER-RS credential");
    const path = "$.credentialSubject";
    const s = requireSubject(vc, path);
    const ctx: Ctx = { warnings: [] };
    const assertions = [
      ...skills(s, path),
      ...employment(s, path, ctx),
      ...certifications(s, path, ctx),
      ...education(s, path, ctx),
    ];
    const docId = isObject(s.documentId) ? text(s.documentId.value) : null;
    return [
      newDocument("ler-rs", "self-asserted", person(s, doc), {
        documentId: docId ?? text(vc.id),
        title: asArray(vc.name).map(text)[0] ?? null,
        issuer: nameOf(vc.issuer),
        issuedAt: isoDate(vc.validFrom ?? vc.issuanceDate),
        validUntil: isoDate(vc.validUntil ?? vc.expirationDate),
        credentialStatus: vc.credentialStatus ?? null,
        assertions,
        warnings: ctx.warnings,
      }),
    ];
  },
};
