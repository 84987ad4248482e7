/**
 * `taxonomy import esco|onet|case <path>` stores a taxonomy the user already has in the database;
 * `taxonomy stats` shows what is stored and what the merged taxonomy looks like.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { Argument, type Command } from "commander";
import { caseSource, importCase } from "../../../taxonomy/import/case.ts";
import { ESCO_SOURCE, importEsco } from "../../../taxonomy/import/esco.ts";
import { importOnet, ONET_SOURCE } from "../../../taxonomy/import/onet.ts";
import type { ImportResult } from "../../../taxonomy/import/types.ts";
import { loadStarterConcepts, loadStarterOccupations } from "../../../taxonomy/starter.ts";
import { LerError, toLerError } from "../../domain/errors.ts";
import { loadMergedFromDb, saveImport, taxonomyStats } from "../../store/taxonomy-store.ts";
import { EXIT, reportError } from "../exit.ts";
import { table } from "../table.ts";

interface TaxonomyOptions {
  db?: string;
  json?: boolean;
  name?: string;
  /** esco: CSV files of vacancy titles labelled with ESCO occupations */
  titles?: string[];
}

const dbPath = (o: TaxonomyOptions) => o.db ?? process.env.LER_MATCH_DB ?? "ler-match.db";

type Progress = (file: string, rows: number) => void;

/** One stored import: where it came from, what it held, how long each step took. */
interface ImportReport {
  source: string;
  path: string;
  concepts: number;
  occupations: number;
  counts: Record<string, number>;
  ms: { read: number; save: number };
}

interface Read {
  path: string;
  read: () => ImportResult & { source: string };
}

interface ImportOutcome {
  imports: ImportReport[];
  rejected: { path: string; error: ReturnType<LerError["toJSON"]> }[];
}

const timed = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const out = fn();
  return [out, Math.round(performance.now() - t)];
};

/** Each kind turns a path into reads of one source each (a folder of CASE packages: one per file). */
const IMPORTERS: Record<string, (path: string, o: TaxonomyOptions, progress: Progress) => Read[]> = {
  esco: (path, o, progress) => [
    {
      path,
      read: () => ({
        ...importEsco(path, { onProgress: progress, labelledTitles: o.titles ?? [] }),
        source: ESCO_SOURCE,
      }),
    },
  ],
  onet: (path, _o, progress) => [
    { path, read: () => ({ ...importOnet(path, { onProgress: progress }), source: ONET_SOURCE }) },
  ],
  case: (path, o) => {
    const files = casePackages(path);
    if (o.name && files.length > 1)
      throw new LerError("invalid_input", "--name names one framework: give one CASE file, not a folder");
    return files.map((file) => ({
      path: file,
      read: () => {
        const json = readJson(file);
        const name = o.name ?? frameworkName(json, file);
        return { ...importCase(json, name), source: caseSource(name) };
      },
    }));
  },
};

/** Errors that reject one input (its content is not what the kind needs); others stop the command. */
const REJECTIONS = new Set(["parse_failed", "invalid_json"]);

export function registerTaxonomyCommands(program: Command): void {
  const taxonomy = program.command("taxonomy").description("import and inspect skill taxonomies");
  taxonomy
    .command("import")
    .description("store an ESCO CSV folder, an O*NET text folder or CASE framework JSON (file or folder)")
    .addArgument(new Argument("<kind>", "taxonomy kind").choices(Object.keys(IMPORTERS)))
    .argument("<path>", "folder (esco, onet) or JSON file / folder of JSON files (case)")
    .option("--db <file>", "SQLite database file (default: $LER_MATCH_DB or ler-match.db)")
    .option("--name <name>", "case: framework name (default: the CFDocument title)")
    .option(
      "--titles <csv...>",
      "esco: vacancy titles labelled with ESCO occupations (vacancyTitle,conceptUri), which title matching learns from",
    )
    .option("--json", "machine-readable JSON output")
    .action((kind: string, path: string, o: TaxonomyOptions) => {
      try {
        const outcome = runImport(kind, path, o);
        process.stdout.write(o.json ? `${JSON.stringify(outcome)}\n` : `${importText(outcome)}\n`);
        process.exitCode = outcome.rejected.length ? EXIT.rejected : EXIT.ok;
      } catch (e) {
        reportError(e, !!o.json);
      }
    });
  taxonomy
    .command("stats")
    .description("concepts and occupations per taxonomy source, and the merged taxonomy")
    .option("--db <file>", "SQLite database file (default: $LER_MATCH_DB or ler-match.db)")
    .option("--json", "machine-readable JSON output")
    .action((o: TaxonomyOptions) => {
      try {
        const stats = collectStats(dbPath(o));
        process.stdout.write(o.json ? `${JSON.stringify(stats)}\n` : `${statsText(stats)}\n`);
        process.exitCode = EXIT.ok;
      } catch (e) {
        reportError(e, !!o.json);
      }
    });
}

export function runImport(kind: string, path: string, o: TaxonomyOptions): ImportOutcome {
  const importer = IMPORTERS[kind];
  if (!importer) throw new LerError("invalid_input", `unknown taxonomy kind ${kind}`);
  const progress: Progress = (file, rows) => {
    if (!o.json && process.stderr.isTTY) process.stderr.write(`  ${kind}: ${file} ${rows}\n`);
  };
  const outcome: ImportOutcome = { imports: [], rejected: [] };
  for (const { path: input, read } of importer(path, o, progress)) {
    let data: ReturnType<typeof read>;
    let readMs: number;
    try {
      [data, readMs] = timed(read);
    } catch (e) {
      const error = toLerError(e);
      if (!REJECTIONS.has(error.code)) throw error;
      outcome.rejected.push({ path: input, error: error.toJSON() });
      continue;
    }
    const [saved, saveMs] = timed(() => saveImport(dbPath(o), data.source, data));
    outcome.imports.push({
      source: data.source,
      path: input,
      ...saved,
      counts: data.counts,
      ms: { read: readMs, save: saveMs },
    });
  }
  return outcome;
}

function casePackages(path: string): string[] {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (cause) {
    throw new LerError("invalid_input", `${path} does not exist`, { cause });
  }
  if (!isDir) return [path];
  const files = readdirSync(path)
    .filter((f) => f.toLowerCase().endsWith(".json"))
    .sort()
    .map((f) => join(path, f));
  if (!files.length) throw new LerError("invalid_input", `no .json files in ${path}`);
  return files;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new LerError("invalid_json", `${file} is not JSON`, { cause: e });
  }
}

const frameworkName = (json: unknown, file: string): string => {
  const title = (json as { CFDocument?: { title?: unknown } } | null)?.CFDocument?.title;
  return typeof title === "string" && title.trim() ? title : basename(file, ".json");
};

function importText({ imports, rejected }: ImportOutcome): string {
  const rows = imports.map((r) => [
    r.source,
    r.concepts,
    r.occupations,
    r.ms.read,
    r.ms.save,
    Object.entries(r.counts)
      .map(([k, v]) => `${k}=${v}`)
      .join(" "),
  ]);
  const lines = rejected.map((r) => `rejected ${r.path}: ${r.error.message} [${r.error.code}]`);
  return [table(["source", "concepts", "occupations", "read ms", "save ms", "details"], rows), ...lines].join(
    "\n",
  );
}

interface Stats {
  db: string;
  sources: { source: string; concepts: number; occupations: number }[];
  merged: { concepts: number; occupations: number; crosswalked: number };
}

function collectStats(db: string): Stats {
  const sources = [
    {
      source: "starter",
      concepts: loadStarterConcepts().length,
      occupations: loadStarterOccupations().length,
    },
    ...taxonomyStats(db),
  ];
  const merged = loadMergedFromDb(db);
  return {
    db,
    sources,
    merged: {
      concepts: merged.concepts.length,
      occupations: merged.occupations.length,
      crosswalked: merged.crosswalk.size,
    },
  };
}

function statsText(s: Stats): string {
  const rows = s.sources.map((r) => [r.source, r.concepts, r.occupations]);
  rows.push(["merged", s.merged.concepts, s.merged.occupations]);
  return `${table(["source", "concepts", "occupations"], rows)}\n${s.merged.crosswalked} imported concepts crosswalked onto existing ones (${s.db})`;
}
