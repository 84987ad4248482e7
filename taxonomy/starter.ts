/**
 * The starter taxonomy shipped with ler-match: concepts across software, healthcare, trades,
 * business and more, plus occupation profiles, so the product works with nothing else installed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { LerError } from "../src/domain/errors.ts";
import { cooccurrenceFromOccupations } from "./cooccurrence.ts";
import { buildTaxonomy } from "./graph.ts";
import { Concept, type Taxonomy } from "./model.ts";
import { validateTaxonomy } from "./validate.ts";

export const OccupationProfile = z.object({
  id: z.string().regex(/^occ\.[a-z0-9][a-z0-9.-]*$/, "occupation ids are occ.<slug>"),
  label: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  escoUri: z.string().optional(),
  onetCode: z.string().optional(),
  /** Concept ids the occupation cannot do without. */
  essential: z.array(z.string()).min(1),
  /** Concept ids often asked for, not always. */
  optional: z.array(z.string()).default([]),
});
export type OccupationProfile = z.infer<typeof OccupationProfile>;

const DATA_DIR = fileURLToPath(new URL("./data/", import.meta.url));
const CONCEPTS_DIR = join(DATA_DIR, "concepts");
const OCCUPATIONS_FILE = join(DATA_DIR, "occupations.json");

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  try {
    return schema.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch (e) {
    throw new LerError("internal", `starter taxonomy file ${file} is invalid`, { cause: e });
  }
}

function assertValid(concepts: readonly Concept[], occupations: readonly OccupationProfile[] = []): void {
  const issues = validateTaxonomy(concepts, occupations);
  if (issues.length)
    throw new LerError("internal", `starter taxonomy has ${issues.length} issue(s): ${issues[0]!.message}`, {
      details: issues,
    });
}

let concepts: Concept[] | undefined;
let occupations: OccupationProfile[] | undefined;
let taxonomy: Taxonomy | undefined;

/** Every concept under taxonomy/data/concepts, one file per domain, validated. */
export function loadStarterConcepts(): Concept[] {
  if (concepts) return concepts;
  const files = readdirSync(CONCEPTS_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort();
  const loaded = files.flatMap((f) => readJson(join(CONCEPTS_DIR, f), z.array(Concept)));
  assertValid(loaded);
  concepts = loaded;
  return loaded;
}

/** Occupation profiles (essential/optional concept ids), validated against the starter concepts. */
export function loadStarterOccupations(): OccupationProfile[] {
  if (occupations) return occupations;
  const loaded = readJson(OCCUPATIONS_FILE, z.array(OccupationProfile));
  assertValid(loadStarterConcepts(), loaded);
  occupations = loaded;
  return loaded;
}

/** The starter concepts as a `Taxonomy` (built once, then shared). */
export function loadStarterTaxonomy(): Taxonomy {
  // relatedness between skills is measured from the occupation profiles that ask for them
  taxonomy ??= buildTaxonomy(loadStarterConcepts(), {
    cooccurrence: cooccurrenceFromOccupations(loadStarterOccupations()),
  });
  return taxonomy;
}
