/**
 * The match-quality dataset's contract: what src/generate writes and src/quality reads and grades
 * (the layout on disk is described in src/quality/dataset.ts). Shared by both, so neither imports
 * the other for it.
 */
import { z } from "zod";

export const DATASET_FORMAT = "ler-match-bench/v1";
export const MAX_GRADE = 3;

/** position → candidate → grade (0–MAX_GRADE); unlisted pairs are grade 0. */
export type Qrels = Map<string, Map<string, number>>;

export const DatasetManifest = z.object({
  format: z.literal(DATASET_FORMAT),
  name: z.string().default("dataset"),
  seed: z.number().int().optional(),
  people: z.number().int().optional(),
  asOf: z.string().optional(),
  /** the generator's noise model, for generated datasets */
  world: z.string().optional(),
  /** the taxonomy the positions' concept ids come from: "starter" or "esco" */
  taxonomy: z.string().default("starter"),
});
export type DatasetManifest = z.infer<typeof DatasetManifest>;

export const BenchRequirement = z.object({
  concept: z.string().min(1),
  minLevel: z.number().min(0).max(5).nullable().optional(),
  weight: z.number().positive().default(1),
  required: z.boolean().default(false),
});

export const BenchPosition = z.object({
  id: z.string().min(1),
  title: z.string().optional(),
  occupationId: z.string().optional(),
  requirements: z.array(BenchRequirement).min(1),
  text: z.string().optional(),
});
export type BenchPosition = z.infer<typeof BenchPosition>;

export interface DatasetContent {
  manifest: z.input<typeof DatasetManifest>;
  documents: readonly unknown[];
  positions: readonly z.input<typeof BenchPosition>[];
  qrels: Qrels;
  truth?: Map<string, Map<string, number>>;
  occupations?: ReadonlyMap<string, string>;
}

/**
 * The candidate a document is about, for the formats that name their person in the document:
 * native (person.id) and JSON Resume (basics.email, lower-cased, as its parser keys people).
 */
export function documentCandidateId(doc: unknown): string | null {
  const d = doc as { person?: { id?: unknown }; basics?: { email?: unknown } } | null;
  if (typeof d?.person?.id === "string") return d.person.id;
  if (typeof d?.basics?.email === "string" && d.basics.email.includes("@"))
    return d.basics.email.toLowerCase();
  return null;
}
