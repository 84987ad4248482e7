/**
 * Imported taxonomies in the store database (tables taxonomy_concepts / taxonomy_occupations, one
 * JSON row per concept or profile), and the merged taxonomy loaded back from it. The engine reads
 * them through its store's own connection (`store.taxonomy`); the taxonomy commands, which run
 * without an engine, open the file by path. Either way it is migrated with the store's own
 * migrations, so a file first touched by `taxonomy import` is a valid store afterwards.
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

/** The taxonomy tables over one open connection. */
export interface TaxonomyTables {
  /**
   * Replaces everything stored under `source` ("esco", "onet", "case:<framework>") with this import,
   * in one transaction: a failed import leaves the previous one in place.
   */
  saveImport(source: string, data: ImportData): SavedCounts;
  /** Imported concepts and occupations stored under the included sources, validated on the way out. */
  loadImported(include: readonly string[]): TaxonomyPart;
  stats(): SourceStats[];
}

type ImportData = { concepts: readonly ConceptInput[]; occupations: readonly OccupationProfileInput[] };

export function createTaxonomyTables(db: BetterSQLite3Database): TaxonomyTables {
  return {
    saveImport: (source, data) => saveInto(db, source, data),
    loadImported: (include) => importedFrom(db, include),
    stats: () => statsOf(db),
  };
}

/** Runs `fn` over the tables of the file at `path`, opened for this call alone. */
function withTables<T>(path: string, fn: (tables: TaxonomyTables) => T): T {
  let opened: ReturnType<typeof openDatabase>;
  try {
    opened = openDatabase(path);
  } catch (cause) {
    throw new LerError("store_failed", `could not open the taxonomy tables in ${path}`, { cause });
  }
  try {
    return fn(createTaxonomyTables(opened.db));
  } finally {
    opened.sqlite.close();
  }
}

export interface SavedCounts {
  concepts: number;
  occupations: number;
}

/**
 * Replaces everything stored under `source` ("esco", "onet", "case:<framework>") with this import,
 * in one transaction: a failed import leaves the previous one in place.
 */
export const saveImport = (dbPath: string, source: string, data: ImportData): SavedCounts =>
  withTables(dbPath, (tables) => tables.saveImport(source, data));

function saveInto(db: BetterSQLite3Database, source: string, data: ImportData): SavedCounts {
  const concepts = data.concepts.map((c) => parseOrReject(Concept, c, "concept"));
  const occupations = data.occupations.map((o) => parseOrReject(OccupationProfile, o, "occupation"));
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
    throw new LerError("store_failed", `could not save the ${source} taxonomy: ${(cause as Error).message}`, {
      cause,
    });
  }
  return { concepts: concepts.length, occupations: occupations.length };
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

/** Imported concepts and occupations in the file at `dbPath`; none, and no file made, when it is missing. */
export const loadImported = (dbPath: string, include: readonly string[]): TaxonomyPart =>
  existsSync(dbPath) ? withTables(dbPath, (tables) => tables.loadImported(include)) : NOTHING_IMPORTED;

const NOTHING_IMPORTED: TaxonomyPart = { concepts: [], occupations: [] };

function importedFrom(db: BetterSQLite3Database, include: readonly string[]): TaxonomyPart {
  const filterC = sourceFilter(taxonomyConcepts.source, include);
  if (!filterC) return NOTHING_IMPORTED;
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
}

export interface SourceStats {
  source: string;
  concepts: number;
  occupations: number;
}

export const taxonomyStats = (dbPath: string): SourceStats[] =>
  existsSync(dbPath) ? withTables(dbPath, (tables) => tables.stats()) : [];

function statsOf(db: BetterSQLite3Database): SourceStats[] {
  const out = new Map<string, SourceStats>();
  const entry = (source: string) => {
    const e = out.get(source) ?? { source, concepts: 0, occupations: 0 };
    out.set(source, e);
    return e;
  };
  const counted = [
    [taxonomyConcepts, "concepts"],
    [taxonomyOccupations, "occupations"],
  ] as const;
  for (const [table, field] of counted)
    for (const r of db.select({ source: table.source, n: count() }).from(table).groupBy(table.source).all())
      entry(r.source)[field] = r.n;
  return [...out.values()].sort((a, b) => a.source.localeCompare(b.source));
}

export interface LoadOptions {
  include?: readonly TaxonomySource[];
  /** false: no co-occurrence similarity; otherwise its options (defaults in cooccurrence.ts). */
  cooccurrence?: false | CooccurrenceOptions;
}

/** Where imports are read from: the file at a path, or tables over a connection already open. */
type ImportSource = string | TaxonomyTables;

const importsOf = (source: ImportSource, include: readonly string[]): TaxonomyPart =>
  typeof source === "string" ? loadImported(source, include) : source.loadImported(include);

/** The starter taxonomy (when included) merged with the imports stored in the database. */
export function loadMergedFromDb(source: ImportSource, options: LoadOptions = {}): MergedTaxonomy {
  const include = options.include ?? TAXONOMY_SOURCES;
  const parts: TaxonomyPart[] = [];
  if (include.includes("starter"))
    parts.push({ concepts: loadStarterConcepts(), occupations: loadStarterOccupations() });
  parts.push(importsOf(source, include));
  return mergeTaxonomies(parts);
}

/**
 * The taxonomy the engine runs on: starter + imports, crosswalked (see merge.ts), with co-occurrence
 * similarity from every included occupation profile (ESCO's when imported, the starter's otherwise).
 */
export function loadTaxonomyFromDb(source: ImportSource, options: LoadOptions = {}): Taxonomy {
  return loadTaxonomyWithOccupations(source, options).taxonomy;
}

/** The taxonomy and the occupation profiles of every included source (crosswalked, one merge). */
export function loadTaxonomyWithOccupations(
  source: ImportSource,
  options: LoadOptions = {},
): { taxonomy: Taxonomy; occupations: OccupationProfile[] } {
  const merged = loadMergedFromDb(source, options);
  const cooccurrence =
    options.cooccurrence === false
      ? undefined
      : cooccurrenceFromOccupations(merged.occupationSkills, options.cooccurrence ?? {});
  const taxonomy = buildTaxonomy(merged.concepts, cooccurrence ? { cooccurrence } : {});
  return { taxonomy, occupations: merged.occupations };
}
