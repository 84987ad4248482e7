/**
 * Imported taxonomies in the store database (tables taxonomy_concepts / taxonomy_occupations, one
 * JSON row per concept or profile), and the merged taxonomy loaded back from it. The database is
 * migrated with the store's own migrations, so a file first touched by `taxonomy import` is a valid
 * store afterwards.
 */
import { existsSync } from "node:fs";
import { count, eq, like, or, type SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { z } from "zod";
import { type CooccurrenceOptions, cooccurrenceFromOccupations } from "../../taxonomy/cooccurrence.ts";
import { buildTaxonomy } from "../../taxonomy/graph.ts";
import { OccupationProfile, type OccupationProfileInput } from "../../taxonomy/import/types.ts";
import { type MergedTaxonomy, mergeTaxonomies, type TaxonomyPart } from "../../taxonomy/merge.ts";
import { Concept, type ConceptInput, type Taxonomy } from "../../taxonomy/model.ts";
import { loadStarterConcepts, loadStarterOccupations } from "../../taxonomy/starter.ts";
import { LerError } from "../domain/errors.ts";
import { openDatabase } from "./database.ts";
import { taxonomyConcepts, taxonomyOccupations } from "./schema/taxonomy.ts";

export const TAXONOMY_SOURCES = ["starter", "esco", "onet", "case"] as const;
export type TaxonomySource = (typeof TAXONOMY_SOURCES)[number];

/** Rows per INSERT: 3 bound values each, well under SQLite's variable limit. */
const CHUNK = 500;

interface TaxonomyDb {
  db: BetterSQLite3Database;
  close(): void;
}

export function openTaxonomyDb(path: string): TaxonomyDb {
  try {
    const { sqlite, db } = openDatabase(path);
    return { db, close: () => sqlite.close() };
  } catch (cause) {
    throw new LerError("store_failed", `could not open the taxonomy tables in ${path}`, { cause });
  }
}

const withDb = <T>(path: string, fn: (db: BetterSQLite3Database) => T): T => {
  const handle = openTaxonomyDb(path);
  try {
    return fn(handle.db);
  } finally {
    handle.close();
  }
};

export interface SavedCounts {
  concepts: number;
  occupations: number;
}

/**
 * Replaces everything stored under `source` ("esco", "onet", "case:<framework>") with this import,
 * in one transaction: a failed import leaves the previous one in place.
 */
export function saveImport(
  dbPath: string,
  source: string,
  data: { concepts: readonly ConceptInput[]; occupations: readonly OccupationProfileInput[] },
): SavedCounts {
  const concepts = data.concepts.map((c) => parseOrReject(Concept, c, "concept"));
  const occupations = data.occupations.map((o) => parseOrReject(OccupationProfile, o, "occupation"));
  return withDb(dbPath, (db) => {
    try {
      db.transaction((tx) => {
        tx.delete(taxonomyConcepts).where(eq(taxonomyConcepts.source, source)).run();
        tx.delete(taxonomyOccupations).where(eq(taxonomyOccupations.source, source)).run();
        const rows = <T extends { id: string }>(items: readonly T[]) =>
          items.map((item) => ({ id: item.id, source, json: JSON.stringify(item) }));
        for (let i = 0; i < concepts.length; i += CHUNK)
          tx.insert(taxonomyConcepts)
            .values(rows(concepts.slice(i, i + CHUNK)))
            .run();
        for (let i = 0; i < occupations.length; i += CHUNK)
          tx.insert(taxonomyOccupations)
            .values(rows(occupations.slice(i, i + CHUNK)))
            .run();
      });
    } catch (cause) {
      throw new LerError(
        "store_failed",
        `could not save the ${source} taxonomy: ${(cause as Error).message}`,
        {
          cause,
        },
      );
    }
    return { concepts: concepts.length, occupations: occupations.length };
  });
}

function parseOrReject<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const id = (value as { id?: unknown } | null)?.id;
  throw new LerError("invalid_input", `invalid ${what} ${String(id)}`, {
    details: r.error.issues.map((i) => ({ path: i.path, message: i.message })),
    cause: r.error,
  });
}

/** `source` column filter for an include list: "case" covers every "case:<framework>". */
function sourceFilter(column: SQLiteColumn, include: readonly string[]): SQL | undefined {
  const clauses = include
    .filter((s) => s !== "starter")
    .map((s) => (s === "case" ? like(column, "case:%") : eq(column, s)));
  return clauses.length ? or(...clauses) : undefined;
}

/** Imported concepts and occupations stored under the included sources, validated on the way out. */
export function loadImported(
  dbPath: string,
  include: readonly string[],
): { concepts: Concept[]; occupations: OccupationProfile[] } {
  const filterC = sourceFilter(taxonomyConcepts.source, include);
  if (!filterC || !existsSync(dbPath)) return { concepts: [], occupations: [] };
  return withDb(dbPath, (db) => {
    const concepts = db
      .select({ json: taxonomyConcepts.json })
      .from(taxonomyConcepts)
      .where(filterC)
      .orderBy(taxonomyConcepts.source, taxonomyConcepts.id)
      .all()
      .map((r) => Concept.parse(JSON.parse(r.json)));
    const occupations = db
      .select({ json: taxonomyOccupations.json })
      .from(taxonomyOccupations)
      .where(sourceFilter(taxonomyOccupations.source, include))
      .orderBy(taxonomyOccupations.source, taxonomyOccupations.id)
      .all()
      .map((r) => OccupationProfile.parse(JSON.parse(r.json)));
    return { concepts, occupations };
  });
}

export interface SourceStats {
  source: string;
  concepts: number;
  occupations: number;
}

export function taxonomyStats(dbPath: string): SourceStats[] {
  if (!existsSync(dbPath)) return [];
  return withDb(dbPath, (db) => {
    const out = new Map<string, SourceStats>();
    const entry = (source: string) => {
      const e = out.get(source) ?? { source, concepts: 0, occupations: 0 };
      out.set(source, e);
      return e;
    };
    for (const r of db
      .select({ source: taxonomyConcepts.source, n: count() })
      .from(taxonomyConcepts)
      .groupBy(taxonomyConcepts.source)
      .all())
      entry(r.source).concepts = r.n;
    for (const r of db
      .select({ source: taxonomyOccupations.source, n: count() })
      .from(taxonomyOccupations)
      .groupBy(taxonomyOccupations.source)
      .all())
      entry(r.source).occupations = r.n;
    return [...out.values()].sort((a, b) => a.source.localeCompare(b.source));
  });
}

export interface LoadOptions {
  include?: readonly TaxonomySource[];
  /** false: no co-occurrence similarity; otherwise its options (defaults in cooccurrence.ts). */
  cooccurrence?: false | CooccurrenceOptions;
}

/** The starter taxonomy (when included) merged with the imports stored in the database. */
export function loadMergedFromDb(dbPath: string, options: LoadOptions = {}): MergedTaxonomy {
  const include = options.include ?? TAXONOMY_SOURCES;
  const parts: TaxonomyPart[] = [];
  if (include.includes("starter"))
    parts.push({ concepts: loadStarterConcepts(), occupations: loadStarterOccupations() });
  parts.push(loadImported(dbPath, include));
  return mergeTaxonomies(parts);
}

/**
 * The taxonomy the engine runs on: starter + imports, crosswalked (see merge.ts), with co-occurrence
 * similarity from every included occupation profile (ESCO's when imported, the starter's otherwise).
 */
export function loadTaxonomyFromDb(dbPath: string, options: LoadOptions = {}): Taxonomy {
  return loadTaxonomyWithOccupations(dbPath, options).taxonomy;
}

/** The taxonomy and the occupation profiles of every included source (crosswalked, one merge). */
export function loadTaxonomyWithOccupations(
  dbPath: string,
  options: LoadOptions = {},
): { taxonomy: Taxonomy; occupations: OccupationProfile[] } {
  const merged = loadMergedFromDb(dbPath, options);
  const cooccurrence =
    options.cooccurrence === false
      ? undefined
      : cooccurrenceFromOccupations(merged.occupationSkills, options.cooccurrence ?? {});
  const taxonomy = buildTaxonomy(merged.concepts, cooccurrence ? { cooccurrence } : {});
  return { taxonomy, occupations: merged.occupations };
}
