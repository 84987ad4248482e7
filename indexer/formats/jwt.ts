/**
 * A JWT-wrapped verifiable credential (VC-JWT), after decode.ts has decoded the compact JWS into
 * its payload. The credential is the `vc` claim (or the payload itself); registered claims fill in
 * what the credential leaves out (iss → issuer, sub → subject id, jti → id, nbf/iat → issued,
 * exp → expiry). The credential is parsed as its own detected format, through the context
 * (ctx.parseNested); paths point into `$.vc`.
 * The JWS signature is checked by the pipeline's verifier (indexer/verify/jose.ts), not here.
 */
import { LerError } from "../../src/domain/errors.ts";
import { epochSeconds, isObject, type Json, requireObject } from "../json-path.ts";
import type { FormatContext, FormatParser, ParsedDocument } from "../types.ts";

const claimsOf = (payload: Json): boolean => isObject(payload.vc);

/** The credential with the JWT's registered claims filled in where the credential is silent. */
function credential(payload: Json): Json {
  const vc: Json = isObject(payload.vc) ? { ...payload.vc } : { ...payload };
  if (vc.id === undefined && typeof payload.jti === "string") vc.id = payload.jti;
  if (vc.issuer === undefined && typeof payload.iss === "string") vc.issuer = payload.iss;
  const issued = epochSeconds(payload.nbf) ?? epochSeconds(payload.iat);
  if (vc.validFrom === undefined && vc.issuanceDate === undefined && issued) vc.issuanceDate = issued;
  const expires = epochSeconds(payload.exp);
  if (vc.validUntil === undefined && vc.expirationDate === undefined && expires) vc.expirationDate = expires;
  const subject = vc.credentialSubject;
  if (isObject(subject) && subject.id === undefined && typeof payload.sub === "string")
    vc.credentialSubject = { ...subject, id: payload.sub };
  return vc;
}

const rebase = (path: string, prefix: string): string =>
  path.startsWith("$") ? prefix + path.slice(1) : path;

export const jwtParser: FormatParser = {
  format: "jwt",
  detect(doc) {
    return isObject(doc) && claimsOf(doc) ? 13 : 0;
  },
  parse(doc, ctx: FormatContext): ParsedDocument[] {
    const payload = requireObject(doc, "JWT payload");
    const vc = credential(payload);
    const format = ctx.formatOfNested(vc);
    if (format === "jwt")
      throw new LerError("parse_failed", "JWT payload nests another JWT payload", {
        details: { path: "$.vc" },
      });
    const prefix = claimsOf(payload) ? "$.vc" : "$";
    return ctx.parseNested(vc, format).map((d) => ({
      ...d,
      verification: "unverified",
      assertions: d.assertions.map((a) => ({ ...a, sourcePath: rebase(a.sourcePath, prefix) })),
      warnings: d.warnings.map((w) => rebase(w, prefix)),
    }));
  },
};
