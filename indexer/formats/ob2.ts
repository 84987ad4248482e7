/**
 * Open Badges 2.0 assertions. The badge may be embedded (a BadgeClass object) or a URL; only an
 * embedded badge names skills (its alignments, else its name) — a URL badge is kept with a warning,
 * since fetching it would make ingestion depend on the network.
 */
import {
  contexts,
  hasType,
  isObject,
  isoDate,
  type Json,
  nameOf,
  requireObject,
  text,
} from "../json-path.ts";
import type { FormatParser, ParsedDocument, ParsedPerson } from "../types.ts";
import { alignedOrNamed, anonymousPerson, newDocument } from "./common.ts";

const OB2_CONTEXT = /w3id\.org\/openbadges\/v2/;

function recipient(a: Json, doc: unknown): ParsedPerson {
  const r = isObject(a.recipient) ? a.recipient : {};
  const identity = text(r.identity);
  const kind = text(r.type) ?? "email";
  if (!identity) return anonymousPerson(doc);
  if (r.hashed === true) return { id: `identity:${identity}`, name: null, email: null, location: null };
  const email = kind === "email" ? identity : null;
  return { id: email ? email.toLowerCase() : `${kind}:${identity}`, name: null, email, location: null };
}

export const ob2Parser: FormatParser = {
  format: "ob2",
  detect(doc) {
    if (hasType(doc, "Assertion") && isObject(doc) && "badge" in doc) return 10;
    const ob2 = contexts(doc).some((c) => OB2_CONTEXT.test(c));
    return ob2 && isObject(doc) && "badge" in doc && "recipient" in doc ? 8 : 0;
  },
  parse(doc): ParsedDocument[] {
    const a = requireObject(doc, "Open Badges 2.0 assertion");
    const warnings: string[] = [];
    const badge = isObject(a.badge) ? a.badge : null;
    const issuer = badge ? nameOf(badge.issuer) : null;
    const issuedAt = isoDate(a.issuedOn);
    const validUntil = isoDate(a.expires);
    if (!badge)
      warnings.push(`$.badge: badge is ${typeof a.badge === "string" ? "a URL" : "missing"}, no skills read`);
    const assertions = badge
      ? alignedOrNamed(badge, "$.badge", { issuer, issuedAt, validUntil }, warnings)
      : [];
    const revoked = a.revoked === true;
    return [
      newDocument("ob2", "issued-credential", recipient(a, doc), {
        documentId: text(a.id),
        title: badge ? text(badge.name) : null,
        issuer,
        issuedAt,
        validUntil,
        revocation: revoked ? "revoked" : "unchecked",
        assertions,
        warnings,
      }),
    ];
  },
};
