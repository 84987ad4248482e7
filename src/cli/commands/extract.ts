/**
 * `extract --top K` and `titles --top K`: JSON lines {"id","text"} on stdin → ranked concepts or
 * occupations per line on stdout (the benchmarks' input format). `parse-jd <file>`: what a job
 * description asks for. All run on the database's taxonomy when it exists, else the starter one.
 */
import { existsSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import type { Command } from "commander";
import { z } from "zod";
import { buildTaxonomy } from "../../../taxonomy/graph.ts";
import { type JdOccupation, parseJobDescription } from "../../../taxonomy/jd/index.ts";
import type { Taxonomy } from "../../../taxonomy/model.ts";
import { extractConcepts } from "../../../taxonomy/resolver/extract.ts";
import { loadStarterOccupations, loadStarterTaxonomy } from "../../../taxonomy/starter.ts";
import { matchTitles } from "../../../taxonomy/titles.ts";
import { LerError, toLerError } from "../../domain/errors.ts";
import { loadMergedFromDb } from "../../store/taxonomy-store.ts";
import { EXIT, reportError } from "../exit.ts";

interface DbOptions {
  db?: string;
  json?: boolean;
  top?: string;
}

const dbPath = (o: DbOptions) => o.db ?? process.env.LER_MATCH_DB ?? "ler-match.db";

export interface LoadedTaxonomy {
  taxonomy: Taxonomy;
  occupations: readonly JdOccupation[];
}

/** The database's merged taxonomy (starter + imports) when the file exists, else the starter taxonomy. */
export function loadTaxonomyForDb(path: string): LoadedTaxonomy {
  if (!existsSync(path)) return { taxonomy: loadStarterTaxonomy(), occupations: loadStarterOccupations() };
  const merged = loadMergedFromDb(path);
  return { taxonomy: buildTaxonomy(merged.concepts), occupations: merged.occupations };
}

const Line = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string().optional(),
  title: z.string().optional(),
});

function topOf(o: DbOptions): number {
  const k = Number(o.top ?? 10);
  if (!Number.isInteger(k) || k < 1)
    throw new LerError("invalid_input", `--top must be a positive integer, got ${o.top}`);
  return k;
}

/** Reads JSON lines from stdin, answers each; a bad line is reported on stderr and sets exit 1. */
async function eachLine(answer: (id: string | number, text: string) => unknown): Promise<void> {
  let rejected = 0;
  let n = 0;
  for await (const raw of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    n++;
    if (!raw.trim()) continue;
    try {
      const line = Line.parse(JSON.parse(raw));
      const text = line.text ?? line.title;
      if (text === undefined) throw new LerError("invalid_input", 'each line needs "text"');
      process.stdout.write(`${JSON.stringify(answer(line.id, text))}\n`);
    } catch (e) {
      rejected++;
      process.stderr.write(`ler-match: line ${n}: ${toLerError(e, "invalid_input").message}\n`);
    }
  }
  if (rejected) process.exitCode = EXIT.rejected;
}

function run(o: DbOptions, body: () => Promise<void> | void): Promise<void> {
  return Promise.resolve()
    .then(body)
    .catch((e) => reportError(e, Boolean(o.json)));
}

function printJd(parse: ReturnType<typeof parseJobDescription>): void {
  const out = process.stdout;
  out.write(`title: ${parse.title ?? "-"}\noccupation: ${parse.occupation?.label ?? "-"}\n\n`);
  for (const r of parse.requirements) {
    const flag = r.inferred ? "inferred" : r.required ? "required" : "preferred";
    const level = r.minLevel === null ? "-" : String(r.minLevel);
    const named = [r, ...(r.alternatives ?? [])];
    const what = named.map((n) => `${n.label} (${n.conceptId})`).join(" or ");
    out.write(
      `${flag.padEnd(9)} level ${level.padEnd(3)} ${what} ← "${named.map((n) => n.phrase).join('", "')}"\n`,
    );
  }
  if (parse.unresolved.length)
    out.write(`\nnot recognised: ${parse.unresolved.map((u) => u.phrase).join(", ")}\n`);
}

/**
 * A command reading JSON lines {"id","text"} from stdin and answering each with {"id", [key]: the
 * top K that \`rank\` finds in the text}, on the database's taxonomy.
 */
function perLine(
  program: Command,
  name: string,
  key: string,
  description: string,
  rank: (loaded: LoadedTaxonomy, text: string, k: number) => unknown,
): void {
  program
    .command(name)
    .description(description)
    .option("--top <k>", `${key} per line`, "10")
    .option("--db <file>", "database whose taxonomy to use (default $LER_MATCH_DB or ler-match.db)")
    .action((o: DbOptions) =>
      run(o, async () => {
        const k = topOf(o);
        const loaded = loadTaxonomyForDb(dbPath(o));
        await eachLine((id, text) => ({ id, [key]: rank(loaded, text, k) }));
      }),
    );
}

export function registerExtractCommands(program: Command): void {
  perLine(
    program,
    "extract",
    "concepts",
    'JSON lines {"id","text"} on stdin → ranked concepts found in each text',
    ({ taxonomy, occupations }, text, k) => extractConcepts(text, taxonomy, k, occupations),
  );
  perLine(
    program,
    "titles",
    "occupations",
    'JSON lines {"id","text"} (job titles) on stdin → ranked occupations',
    ({ occupations }, text, k) => matchTitles(text, occupations, k),
  );
  program
    .command("parse-jd <file>")
    .description("what a job description asks for: skills, required or preferred, levels, occupation")
    .option("--json", "print the parse as JSON")
    .option("--db <file>", "database whose taxonomy to use (default $LER_MATCH_DB or ler-match.db)")
    .action((file: string, o: DbOptions) =>
      run(o, () => {
        if (!existsSync(file)) throw new LerError("invalid_input", `no such file: ${file}`);
        const loaded = loadTaxonomyForDb(dbPath(o));
        const parse = parseJobDescription(readFileSync(file, "utf8"), loaded);
        if (o.json) process.stdout.write(`${JSON.stringify(parse, null, 2)}\n`);
        else printJd(parse);
      }),
    );
}
