/**
 * The domain, declared once as zod schemas. Every boundary (HTTP, CLI, files, store rows) parses
 * through these; inside, code uses the inferred types.
 */
import { z } from "zod";
import { DocumentVerification } from "./verification.ts";

/** Canonical proficiency 0–5 (DESIGN.md). `null` = level not stated, which is not 0. */
export const CanonicalLevel = z.number().min(0).max(5).nullable();
export type CanonicalLevel = z.infer<typeof CanonicalLevel>;

export const LEVEL_NAMES = ["none", "awareness", "working", "practitioner", "advanced", "expert"] as const;
export const LevelName = z.enum(LEVEL_NAMES);
export type LevelName = z.infer<typeof LevelName>;

export const SourceKind = z.enum([
  "verified-credential",
  "issued-credential",
  "employer-record",
  "assessment",
  "self-asserted",
  /** A credential whose proof the engine checked, from an issuer not on the trust list. */
  "signed-credential",
]);
export type SourceKind = z.infer<typeof SourceKind>;

/** Signature state of the document an assertion came from. */
export const Verification = z.enum(["verified", "unverified", "invalid"]);
export type Verification = z.infer<typeof Verification>;

/** Revocation state: "unchecked" until a status list the user supplied says otherwise. */
export const RevocationStatus = z.enum(["unchecked", "active", "revoked", "suspended"]);
export type RevocationStatus = z.infer<typeof RevocationStatus>;

export const LerFormat = z.enum([
  "native",
  "ob3",
  "ob2",
  "clr2",
  "jsonresume",
  "ler-rs",
  "hropen-competency",
  "velocity",
  "csv",
  "jwt",
]);
export type LerFormat = z.infer<typeof LerFormat>;

/** ISO date or date-time; partial dates ("2019", "2019-05") are allowed and mean the start of the period. */
export const IsoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/, {
  message: "expected an ISO 8601 date such as 2024-05-01",
});

export const Candidate = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(300).nullable().default(null),
  email: z.string().max(300).nullable().default(null),
  location: z.string().max(300).nullable().default(null),
});
export type Candidate = z.infer<typeof Candidate>;

/** A person a document does not name, known by a hash of its content (indexer/formats/common.ts). */
export const isAnonymousPerson = (candidateId: string): boolean => candidateId.startsWith("anon:");

/** How a skill text became a concept. */
export const ResolutionMethod = z.enum([
  "id",
  "uri",
  "code",
  "exact",
  "normalised",
  "alias",
  "stemmed",
  "fuzzy",
  "context",
  "unresolved",
]);
export type ResolutionMethod = z.infer<typeof ResolutionMethod>;

export const SkillAssertion = z.object({
  id: z.string(),
  candidateId: z.string(),
  documentId: z.string(),
  /** null when the skill as written did not resolve: kept, counted, never scored. */
  conceptId: z.string().nullable(),
  skillText: z.string(),
  resolution: z.object({ method: ResolutionMethod, confidence: z.number().min(0).max(1) }),
  rawLevel: z.string().nullable(),
  scale: z.string().nullable(),
  level: CanonicalLevel,
  sourceKind: SourceKind,
  issuer: z.string().nullable(),
  issuedAt: IsoDate.nullable(),
  lastPracticedAt: IsoDate.nullable(),
  validUntil: IsoDate.nullable(),
  wherePracticed: z.string().nullable(),
  /** JSON path (or CSV line) inside the source document this assertion came from. */
  sourcePath: z.string(),
});
export type SkillAssertion = z.infer<typeof SkillAssertion>;

export const LerDocument = z.object({
  id: z.string().min(1),
  candidateId: z.string(),
  format: LerFormat,
  title: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedAt: IsoDate.nullable(),
  validUntil: IsoDate.nullable(),
  verification: Verification,
  revocation: RevocationStatus,
  /** What the verifier established on ingest; null for documents stored before verification existed. */
  verificationDetail: DocumentVerification.nullable(),
  /** credentialStatus as found in the document, kept for a later status-list check. */
  credentialStatus: z.unknown().nullable(),
  fileName: z.string().nullable(),
  contentHash: z.string(),
  raw: z.unknown(),
  /** The compact JWS a VC-JWT came as (`raw` is its payload): what re-verification checks again. */
  compactJws: z.string().nullable().optional(),
  ingestedAt: z.string(),
});
export type LerDocument = z.infer<typeof LerDocument>;

/** What one match or search may ask: the pages check these too, in a person's words. */
export const POSITION_LIMITS = {
  requirements: 100,
  conceptLength: 200,
  /** other concepts, any one of which meets a requirement as well as its own ("Spark or Kafka") */
  alternatives: 10,
  practicedWithinYears: 100,
  offset: 100_000,
} as const;

/**
 * A requirement as a caller writes it: `concept` is a concept id or free text to resolve;
 * `alternatives` (ids or text) make it one any-of requirement — "Spark or Kafka" — met by any one.
 */
export const RequirementInput = z.object({
  concept: z.string().min(1).max(POSITION_LIMITS.conceptLength),
  alternatives: z
    .array(z.string().min(1).max(POSITION_LIMITS.conceptLength))
    .min(1)
    .max(POSITION_LIMITS.alternatives)
    .optional(),
  minLevel: z.number().min(0).max(5).nullable().optional(),
  weight: z.number().positive().max(100).default(1),
  required: z.boolean().default(false),
});
export type RequirementInput = z.input<typeof RequirementInput>;

export const PositionInput = z.object({
  title: z.string().max(300).optional(),
  requirements: z.array(RequirementInput).min(1).max(POSITION_LIMITS.requirements),
});
export type PositionInput = z.input<typeof PositionInput>;

/** A requirement after resolution: always a known concept. */
export interface Requirement {
  conceptId: string;
  /** for an any-of requirement, its concepts' labels joined ("Apache Spark or Apache Kafka") */
  label: string;
  /**
   * Other known concepts any one of which meets the requirement as well as `conceptId` does; it is
   * weighed as the best of them (src/scoring/score.ts). Absent or empty: `conceptId` alone.
   */
  alternatives?: string[];
  minLevel: number | null;
  weight: number;
  required: boolean;
}

/** Every concept that meets the requirement: its own, then its alternatives. */
export const askedConcepts = (req: Pick<Requirement, "conceptId" | "alternatives">): readonly string[] =>
  req.alternatives && req.alternatives.length > 0 ? [req.conceptId, ...req.alternatives] : [req.conceptId];

/** "A", "A or B", "A, B or C". */
export const anyOfLabel = (labels: readonly string[]): string =>
  labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}`;

export const MatchOptions = z.object({
  verifiedOnly: z.boolean().default(false),
  practicedWithinYears: z.number().positive().max(POSITION_LIMITS.practicedWithinYears).optional(),
  includePartial: z.boolean().default(false),
  limit: z.number().int().min(1).max(500).default(20),
  offset: z.number().int().min(0).max(POSITION_LIMITS.offset).default(0),
  /** a blind first look: pseudonyms instead of names, e-mails, locations and revealing issuers */
  blind: z.boolean().default(false),
});
export type MatchOptions = z.infer<typeof MatchOptions>;
