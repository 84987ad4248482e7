/**
 * The native LER format ("ler-match/v1"): what an integrator writes when it already knows the
 * skills. One JSON object per document:
 *
 * ```jsonc
 * {
 *   "format": "ler-match/v1",                 // required, exactly this
 *   "id": "urn:acme:ler:42",                  // optional; else derived from the content hash
 *   "person": { "id": "p-17",                 // required: the candidate this is about
 *               "name": "Ada", "email": "ada@example.org", "location": "Leeds" },
 *   "title": "Annual review 2024",            // optional
 *   "issuer": "Acme Ltd",                     // optional
 *   "issuedAt": "2024-03-01",                 // optional ISO 8601 date; "2024" and "2024-03" allowed
 *   "validUntil": "2027-03-01",               // optional; an expired document is kept, not scored
 *   "verification": "unverified",             // optional: verified | unverified | invalid (default unverified);
 *                                             //   "verified" is kept only under an attestation (docs/verification.md)
 *   "sourceKind": "employer-record",          // required: verified-credential | issued-credential |
 *                                             //   employer-record | assessment | self-asserted
 *   "assertions": [                           // required, may be empty
 *     { "skill": "Python",                    // required: the skill as written
 *       "conceptId": "python",                // optional: a taxonomy concept id (skips text resolution)
 *       "level": "advanced",                  // optional: text, number or null (= not stated)
 *       "scale": "dreyfus",                   // optional: scale id for the level
 *       "min": 1, "max": 10,                  // optional: range of a numeric level
 *       "levels": ["basic", "good", "great"], // optional: ordered level names, lowest first
 *       "sourceKind": "assessment",           // optional: overrides the document's
 *       "issuer": "…", "issuedAt": "…",       // optional: override the document's
 *       "lastPracticedAt": "2025-01",         // optional
 *       "validUntil": "…",                    // optional; else the document's
 *       "wherePracticed": "Acme payments team" }
 *   ]
 * }
 * ```
 * Unknown fields are ignored. A document that breaks these rules is rejected as a whole
 * (parse_failed, with the JSON path of the first problem and every issue in details).
 */
import { z } from "zod";
import { type ErrorIssue, LerError } from "../../src/domain/errors.ts";
import { IsoDate, SourceKind, Verification } from "../../src/domain/schemas.ts";
import type { ScaleHint } from "../../taxonomy/scales/types.ts";
import { childPath, isObject } from "../json-path.ts";
import type { FormatParser, ParsedDocument, RawAssertion } from "../types.ts";

export const NATIVE_FORMAT_TAG = "ler-match/v1";

const Text = z.string().trim().min(1).max(2000);

export const NativeAssertion = z.object({
  skill: Text.max(300),
  conceptId: Text.max(300).optional(),
  level: z
    .union([z.string().max(100), z.number().finite()])
    .nullable()
    .optional(),
  scale: Text.max(100).optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  levels: z.array(Text.max(100)).min(1).max(50).optional(),
  sourceKind: SourceKind.optional(),
  issuer: Text.optional(),
  issuedAt: IsoDate.optional(),
  lastPracticedAt: IsoDate.optional(),
  validUntil: IsoDate.optional(),
  wherePracticed: Text.optional(),
});
export type NativeAssertion = z.infer<typeof NativeAssertion>;

export const NativeLer = z.object({
  format: z.literal(NATIVE_FORMAT_TAG),
  id: Text.max(500).optional(),
  person: z.object({
    id: Text.max(200),
    name: Text.max(300).optional(),
    email: Text.max(300).optional(),
    location: Text.max(300).optional(),
  }),
  title: Text.optional(),
  issuer: Text.optional(),
  issuedAt: IsoDate.optional(),
  validUntil: IsoDate.optional(),
  verification: Verification.optional(),
  sourceKind: SourceKind,
  assertions: z.array(NativeAssertion).max(10_000),
});
export type NativeLer = z.infer<typeof NativeLer>;

const jsonPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((at, key) => childPath(at, typeof key === "number" ? key : String(key)), "$");

function scaleHint(a: NativeAssertion): ScaleHint | null {
  const hint: ScaleHint = {};
  if (a.scale !== undefined) hint.scale = a.scale;
  if (a.min !== undefined) hint.min = a.min;
  if (a.max !== undefined) hint.max = a.max;
  if (a.levels !== undefined) hint.levels = a.levels;
  return Object.keys(hint).length > 0 ? hint : null;
}

function toRawAssertion(a: NativeAssertion, i: number): RawAssertion {
  const raw: RawAssertion = {
    skillText: a.skill,
    rawLevel: a.level ?? null,
    scale: scaleHint(a),
    sourcePath: `$.assertions[${i}]`,
  };
  if (a.conceptId !== undefined) raw.conceptHint = { id: a.conceptId };
  if (a.sourceKind !== undefined) raw.sourceKind = a.sourceKind;
  if (a.issuer !== undefined) raw.issuer = a.issuer;
  if (a.issuedAt !== undefined) raw.issuedAt = a.issuedAt;
  if (a.lastPracticedAt !== undefined) raw.lastPracticedAt = a.lastPracticedAt;
  if (a.validUntil !== undefined) raw.validUntil = a.validUntil;
  if (a.wherePracticed !== undefined) raw.wherePracticed = a.wherePracticed;
  return raw;
}

export function readNative(doc: unknown): NativeLer {
  const parsed = NativeLer.safeParse(doc);
  if (parsed.success) return parsed.data;
  const issues: ErrorIssue[] = parsed.error.issues.map((i) => ({
    path: i.path.map((k) => (typeof k === "number" ? k : String(k))),
    message: i.message,
  }));
  const first = parsed.error.issues[0]!;
  const path = jsonPath(first.path);
  throw new LerError("parse_failed", `not a valid ${NATIVE_FORMAT_TAG} document: ${path}: ${first.message}`, {
    details: { path, issues },
    cause: parsed.error,
  });
}

export const nativeParser: FormatParser = {
  format: "native",
  detect: (doc) => (isObject(doc) && doc.format === NATIVE_FORMAT_TAG ? 100 : 0),
  parse(doc): ParsedDocument[] {
    const ler = readNative(doc);
    return [
      {
        format: "native",
        documentId: ler.id ?? null,
        person: {
          id: ler.person.id,
          name: ler.person.name ?? null,
          email: ler.person.email ?? null,
          location: ler.person.location ?? null,
        },
        title: ler.title ?? null,
        issuer: ler.issuer ?? null,
        issuedAt: ler.issuedAt ?? null,
        validUntil: ler.validUntil ?? null,
        verification: ler.verification ?? "unverified",
        revocation: "unchecked",
        credentialStatus: null,
        sourceKind: ler.sourceKind,
        assertions: ler.assertions.map(toRawAssertion),
        warnings: [],
      },
    ];
  },
};
