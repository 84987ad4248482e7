/**
 * The concept model every taxonomy (the starter one, ESCO, O*NET, CASE) is loaded into, and the
 * interface the rest of ler-match uses to ask it questions.
 */
import { z } from "zod";
import type { Relation } from "../src/domain/match.ts";
import type { ResolutionMethod } from "../src/domain/schemas.ts";
import type { ContextReading } from "./resolver/reading.ts";

export const ConceptType = z.enum([
  "skill",
  "knowledge",
  "tool",
  "language",
  "certification",
  "licence",
  "occupation",
]);
export type ConceptType = z.infer<typeof ConceptType>;

/** The concept types a person holds as a credential, which can lapse: licences and certifications. */
export const CREDENTIAL_TYPES: ReadonlySet<string> = new Set<ConceptType>(["licence", "certification"]);

export const Concept = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._:/-]*$/, "ids are lower-case slugs"),
  label: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  /** Aliases that name other concepts too ("Go", "R", "Excel"): resolved from context, else reported ambiguous. */
  ambiguousAliases: z.array(z.string().min(1)).default([]),
  type: ConceptType,
  broader: z.array(z.string()).default([]),
  related: z.array(z.string()).default([]),
  description: z.string().optional(),
  escoUri: z.string().optional(),
  onetCode: z.string().optional(),
  caseUri: z.string().optional(),
  /** Which taxonomy the concept came from: "starter", "esco", "onet", "case:<framework>". */
  source: z.string().default("starter"),
});
export type Concept = z.infer<typeof Concept>;
export type ConceptInput = z.input<typeof Concept>;

export interface Resolution {
  conceptId: string;
  label: string;
  /** 0…1 */
  confidence: number;
  method: ResolutionMethod;
  ambiguous: boolean;
}

export interface SimilarityResult {
  relation: Relation;
  /**
   * 1 for same and narrower; for every other relation the measured co-occurrence cosine of the
   * two concepts (0 when none was measured): tree position alone says nothing about relatedness.
   */
  strength: number;
}

export interface ResolveOptions {
  /** Surrounding text (a sentence, the other skills of a profile) used to pick between ambiguous names. */
  context?: string;
  /** Surrounding text already read (resolver/context.ts), when many names are settled against one text. */
  reading?: ContextReading;
  limit?: number;
}

export interface Taxonomy {
  readonly size: number;
  get(id: string): Concept | undefined;
  all(): Iterable<Concept>;
  /** Transitive broader concepts, nearest first, without the concept itself. */
  ancestors(id: string): string[];
  /** Direct narrower concepts. */
  narrower(id: string): string[];
  /** How the concept `held` (evidence) stands to the concept `asked` (requirement). */
  relation(asked: string, held: string): SimilarityResult;
  /** Concepts whose evidence can count for `asked` (itself, narrower, broader, siblings, related, co-occurring). */
  neighbourhood(asked: string): string[];
  /**
   * The neighbourhood less the concepts tied to `asked` by a shared parent alone: each of those
   * stands to it as { relation: "sibling", strength: 0 }, so a caller can weigh them all at once.
   */
  closeNeighbourhood(asked: string): string[];
  /** text → ranked concepts, best first; [] when nothing resolves (never an invented concept). */
  resolve(text: string, options?: ResolveOptions): Resolution[];
  /** Prefix / fuzzy look-up for autocompletion. */
  suggest(query: string, limit: number): Concept[];
}
