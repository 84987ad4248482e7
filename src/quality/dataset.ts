/**
 * A labelled match-quality dataset on disk, and its validation.
 *
 * DIR/
 *   dataset.json        { format: "ler-match-bench/v1", name, seed?, people?, asOf?, taxonomy: "starter" | "esco" }
 *   corpus/*.jsonl      LER documents, one JSON document a line (any format ler-match ingests)
 *   positions.json      [{ id, title?, requirements: [{ concept, minLevel?, weight?, required? }], text? }]
 *   qrels               TREC qrels: `position 0 candidate grade`, grade 0–3; unlisted pairs are grade 0
 *   truth.json          optional: { candidate: { conceptId: latent level } } (generated sets)
 *   occupations.json    optional: { candidate: true occupation id } (generated sets)
 *
 * Loading never stops at the first problem: it returns every issue, keyed by a stable code and the
 * path (file, line, field) where it was found.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import {
  BenchPosition,
  DATASET_FORMAT,
  type DatasetContent,
  DatasetManifest,
  documentCandidateId,
  MAX_GRADE,
  type Qrels,
} from "../domain/bench-dataset.ts";
import { LerError } from "../domain/errors.ts";
import { formatQrels } from "./metrics.ts";

const DOCUMENTS_PER_FILE = 1000;

export type IssueCode =
  | "missing_file"
  | "invalid_json"
  | "invalid_manifest"
  | "invalid_document"
  | "duplicate_document"
  | "invalid_position"
  | "duplicate_position"
  | "malformed_qrels_line"
  | "unknown_position"
  | "unknown_candidate"
  | "grade_out_of_range"
  | "duplicate_judgement"
  | "no_relevant_candidates";

export interface DatasetIssue {
  code: IssueCode;
  /** file, then line or field: "qrels:12", "positions.json[3].requirements[0].minLevel" */
  path: string;
  message: string;
  /** warnings do not stop a benchmark; errors do */
  severity: "error" | "warning";
}

export interface Dataset {
  manifest: DatasetManifest;
  documents: unknown[];
  positions: BenchPosition[];
  qrels: Qrels;
  truth?: Map<string, Map<string, number>>;
  /** candidate → the occupation they really hold (generated sets): what role ranking is graded on */
  occupations?: Map<string, string>;
}

export function writeDataset(dir: string, content: DatasetContent): void {
  mkdirSync(join(dir, "corpus"), { recursive: true });
  writeFileSync(join(dir, "dataset.json"), `${JSON.stringify(content.manifest, null, 2)}\n`);
  for (let i = 0; i * DOCUMENTS_PER_FILE < content.documents.length; i++) {
    const part = content.documents.slice(i * DOCUMENTS_PER_FILE, (i + 1) * DOCUMENTS_PER_FILE);
    const name = `documents-${String(i + 1).padStart(4, "0")}.jsonl`;
    writeFileSync(join(dir, "corpus", name), `${part.map((d) => JSON.stringify(d)).join("\n")}\n`);
  }
  writeFileSync(join(dir, "positions.json"), `${JSON.stringify(content.positions, null, 2)}\n`);
  writeFileSync(join(dir, "qrels"), formatQrels(content.qrels));
  if (content.truth) {
    const truth = Object.fromEntries(
      [...content.truth].map(([p, levels]) => [p, Object.fromEntries(levels)]),
    );
    writeFileSync(join(dir, "truth.json"), `${JSON.stringify(truth)}\n`);
  }
  if (content.occupations)
    writeFileSync(
      join(dir, "occupations.json"),
      `${JSON.stringify(Object.fromEntries(content.occupations))}\n`,
    );
}

type Issues = DatasetIssue[];
const error = (issues: Issues, code: IssueCode, path: string, message: string) =>
  issues.push({ code, path, message, severity: "error" });
const warn = (issues: Issues, code: IssueCode, path: string, message: string) =>
  issues.push({ code, path, message, severity: "warning" });

function readText(dir: string, file: string, issues: Issues): string | null {
  const path = join(dir, file);
  if (!existsSync(path)) {
    error(issues, "missing_file", file, `${file} is missing`);
    return null;
  }
  return readFileSync(path, "utf8");
}

function parseJson(text: string, path: string, issues: Issues): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    error(issues, "invalid_json", path, e instanceof Error ? e.message : String(e));
    return undefined;
  }
}

function loadManifest(dir: string, issues: Issues): DatasetManifest {
  const text = readText(dir, "dataset.json", issues);
  const parsed = DatasetManifest.safeParse(
    text === null ? undefined : parseJson(text, "dataset.json", issues),
  );
  if (parsed.success) return parsed.data;
  if (text !== null)
    error(issues, "invalid_manifest", "dataset.json", `expected { format: "${DATASET_FORMAT}" }`);
  return { format: DATASET_FORMAT, name: "dataset", taxonomy: "starter" };
}

function loadCorpus(
  dir: string,
  issues: Issues,
): { documents: unknown[]; candidates: Set<string>; opaque: number } {
  const documents: unknown[] = [];
  const candidates = new Set<string>();
  const ids = new Set<string>();
  let opaque = 0;
  const corpusDir = join(dir, "corpus");
  if (!existsSync(corpusDir)) {
    error(issues, "missing_file", "corpus/", "corpus/ is missing");
    return { documents, candidates, opaque };
  }
  for (const file of readdirSync(corpusDir)
    .filter((f) => f.endsWith(".jsonl") || f.endsWith(".json"))
    .sort()) {
    const text = readFileSync(join(corpusDir, file), "utf8");
    const lines = file.endsWith(".json") ? [text] : text.split("\n");
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const path = `corpus/${file}:${i + 1}`;
      const doc = parseJson(line, path, issues);
      if (doc === undefined) return;
      if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
        error(issues, "invalid_document", path, "a document must be a JSON object");
        return;
      }
      const id = (doc as { id?: unknown }).id;
      if (typeof id === "string") {
        if (ids.has(id)) error(issues, "duplicate_document", path, `document id ${id} appears twice`);
        ids.add(id);
      }
      const candidate = documentCandidateId(doc);
      if (candidate) candidates.add(candidate);
      else opaque++;
      documents.push(doc);
    });
  }
  return { documents, candidates, opaque };
}

function loadPositions(dir: string, issues: Issues): BenchPosition[] {
  const text = readText(dir, "positions.json", issues);
  if (text === null) return [];
  const raw = parseJson(text, "positions.json", issues);
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    error(issues, "invalid_position", "positions.json", "positions.json must be an array");
    return [];
  }
  const seen = new Set<string>();
  const positions: BenchPosition[] = [];
  raw.forEach((item, i) => {
    const parsed = BenchPosition.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
        error(issues, "invalid_position", `positions.json[${i}]${field}`, issue.message);
      }
      return;
    }
    if (seen.has(parsed.data.id)) {
      error(
        issues,
        "duplicate_position",
        `positions.json[${i}].id`,
        `position id ${parsed.data.id} appears twice`,
      );
      return;
    }
    seen.add(parsed.data.id);
    positions.push(parsed.data);
  });
  return positions;
}

interface QrelsContext {
  positions: Set<string>;
  candidates: Set<string>;
  /** when some documents do not name their candidate, an unknown candidate is only a warning */
  candidatesComplete: boolean;
}

function loadQrels(dir: string, ctx: QrelsContext, issues: Issues): Qrels {
  const qrels: Qrels = new Map();
  const text = readText(dir, "qrels", issues);
  if (text === null) return qrels;
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    const path = `qrels:${i + 1}`;
    const parts = line.trim().split(/\s+/);
    if (parts.length !== 4) {
      error(issues, "malformed_qrels_line", path, "expected `position 0 candidate grade`");
      return;
    }
    const [position, , candidate, gradeText] = parts as [string, string, string, string];
    const grade = Number(gradeText);
    if (!Number.isInteger(grade) || grade < 0 || grade > MAX_GRADE) {
      error(issues, "grade_out_of_range", path, `grade ${gradeText} is not an integer 0–${MAX_GRADE}`);
      return;
    }
    if (!ctx.positions.has(position)) {
      error(issues, "unknown_position", path, `position ${position} is not in positions.json`);
      return;
    }
    if (!ctx.candidates.has(candidate)) {
      const report = ctx.candidatesComplete ? error : warn;
      report(issues, "unknown_candidate", path, `candidate ${candidate} has no document in corpus/`);
      if (ctx.candidatesComplete) return;
    }
    const judged = qrels.get(position) ?? new Map<string, number>();
    if (judged.has(candidate)) {
      error(issues, "duplicate_judgement", path, `${position} ${candidate} is judged twice`);
      return;
    }
    judged.set(candidate, grade);
    qrels.set(position, judged);
  });
  return qrels;
}

function loadTruth(dir: string, issues: Issues): Map<string, Map<string, number>> | undefined {
  if (!existsSync(join(dir, "truth.json"))) return undefined;
  const raw = parseJson(readFileSync(join(dir, "truth.json"), "utf8"), "truth.json", issues);
  if (!raw || typeof raw !== "object") return undefined;
  return new Map(
    Object.entries(raw as Record<string, Record<string, number>>).map(([p, levels]) => [
      p,
      new Map(Object.entries(levels)),
    ]),
  );
}

const OccupationLabels = z.record(z.string(), z.string().min(1));

function loadOccupations(dir: string, issues: Issues): Map<string, string> | undefined {
  if (!existsSync(join(dir, "occupations.json"))) return undefined;
  const raw = parseJson(readFileSync(join(dir, "occupations.json"), "utf8"), "occupations.json", issues);
  const parsed = OccupationLabels.safeParse(raw);
  if (!parsed.success) {
    error(issues, "invalid_manifest", "occupations.json", "expected { candidate: occupation id }");
    return undefined;
  }
  return new Map(Object.entries(parsed.data));
}

/** Reads a dataset folder and names every problem found; never throws for bad content. */
export function readDataset(dir: string): { dataset: Dataset; issues: DatasetIssue[] } {
  const issues: Issues = [];
  const manifest = loadManifest(dir, issues);
  const corpus = loadCorpus(dir, issues);
  const positions = loadPositions(dir, issues);
  const qrels = loadQrels(
    dir,
    {
      positions: new Set(positions.map((p) => p.id)),
      candidates: corpus.candidates,
      candidatesComplete: corpus.opaque === 0,
    },
    issues,
  );
  for (const p of positions) {
    // every position is evaluated, judged or not; one with nothing relevant scores 0 everywhere
    if (![...(qrels.get(p.id)?.values() ?? [])].some((g) => g >= 1))
      warn(
        issues,
        "no_relevant_candidates",
        `qrels/${p.id}`,
        `position ${p.id} has no candidate of grade ≥ 1`,
      );
    if (!qrels.has(p.id)) qrels.set(p.id, new Map());
  }
  const truth = loadTruth(dir, issues);
  const occupations = loadOccupations(dir, issues);
  return {
    dataset: {
      manifest,
      documents: corpus.documents,
      positions,
      qrels,
      ...(truth ? { truth } : {}),
      ...(occupations ? { occupations } : {}),
    },
    issues,
  };
}

/** Reads a dataset, throwing LerError("invalid_input") listing every error-level issue. */
export function loadDataset(dir: string): { dataset: Dataset; warnings: DatasetIssue[] } {
  const { dataset, issues } = readDataset(dir);
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0)
    throw new LerError("invalid_input", `dataset ${dir} has ${errors.length} problem(s)`, {
      details: errors,
    });
  return { dataset, warnings: issues.filter((i) => i.severity === "warning") };
}
