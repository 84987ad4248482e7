import { existsSync, readFileSync } from "node:fs";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { type DocumentReport, type IngestReport, storedPeople } from "../../../indexer/types.ts";
import { LerError } from "../../domain/errors.ts";
import { LerFormat } from "../../domain/schemas.ts";
import { EXIT, reportError } from "../exit.ts";
import { batches, fileInput, walk } from "../files.ts";
import { recordOperator } from "../operator.ts";
import { type CommonOptions, withCommon, withEngine } from "../options.ts";
import { table } from "../table.ts";

interface IngestOptions extends CommonOptions {
  format?: string;
  statusList: string[];
  dryRun?: boolean;
  batchSize: string;
  progress?: boolean;
  attestedBy?: string;
}

const BATCH = 200;

export function registerIngestCommand(program: Command): void {
  withCommon(
    program
      .command("ingest")
      .description(
        "ingest LER files or folders (OB 3.0, CLR 2.0, JSON Resume, LER-RS, Velocity, CSV, native)",
      )
      .argument("<paths...>", "files or directories"),
  )
    .option("--format <format>", `override detection: ${LerFormat.options.join(", ")}`)
    .option("--dry-run", "report what would be stored, store nothing")
    .option("--batch-size <n>", "documents per batch", String(BATCH))
    .option("--no-progress", "no progress bar")
    .option(
      "--attested-by <name>",
      "you verified these documents upstream: keep their own verification claims, recorded as attested by <name>",
    )
    .option(
      "--status-list <file>",
      "a status list (Bitstring/StatusList2021 credential or { revoked: [ids] }) to re-mark stored credentials; repeatable",
      (value: string, all: string[]) => [...all, value],
      [] as string[],
    )
    .action(async (paths: string[], o: IngestOptions) => {
      try {
        for (const p of paths) if (!existsSync(p)) throw new LerError("invalid_input", `${p} does not exist`);
        const format = o.format ? LerFormat.parse(o.format) : undefined;
        const lists = o.statusList.map(readStatusListFile);
        const { report, status } = await withEngine(o, async (engine) => {
          const report = await ingestAll(
            paths,
            {
              format,
              dryRun: !!o.dryRun,
              ...(o.attestedBy ? { attestedBy: o.attestedBy } : {}),
              batchSize: Number(o.batchSize) || BATCH,
              progress: o.progress !== false && !o.json && !!process.stderr.isTTY,
              // --json promises an entry per document; the table needs only the failures
              keep: o.json ? keepAll : keepFailed,
            },
            async (inputs, opts) => {
              const report = await engine.ingest(inputs, opts);
              if (!opts.dryRun) recordOperator(engine, "ingest", storedPeople(report));
              return report;
            },
          );
          const status = lists.length && !o.dryRun ? await engine.applyStatusLists(lists) : null;
          return { report, status };
        });
        const statusLine = status
          ? `\nstatus lists: ${Object.entries(status.counts)
              .map(([state, n]) => `${n} ${state}`)
              .join(", ")}`
          : "";
        process.stdout.write(
          o.json
            ? `${JSON.stringify(status ? { ...withoutRows(report), status } : withoutRows(report))}\n`
            : `${summarise(report)}${statusLine}\n`,
        );
        process.exitCode = report.totals.failed > 0 ? EXIT.rejected : EXIT.ok;
      } catch (e) {
        reportError(e, !!o.json);
      }
    });
}

/** --json already carries each document's verification; the table's rows would repeat it. */
const withoutRows = ({ verification: _rows, ...report }: IngestReport & { verification?: unknown }) => report;

function readStatusListFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (cause) {
    throw new LerError(
      "invalid_input",
      `status list ${path} could not be read as JSON: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
}

type IngestFn = (
  inputs: ReturnType<typeof fileInput>[],
  options: { dryRun: boolean; attestedBy?: string },
) => Promise<IngestReport>;

/** Which per-document reports to keep: every one (--json), or only failures, so memory stays flat. */
export const keepFailed = (d: DocumentReport): boolean => d.status === "failed";
export const keepAll = (): boolean => true;

/** One line of the verification table: kept for every document, whatever --json keeps. */
export type VerificationRow = [document: string, status: string, reason: string];

const verificationRow = (d: DocumentReport): VerificationRow => {
  const v = d.verification!;
  const embedded = v.embedded.length
    ? `; embedded: ${v.embedded.map((e) => `${e.path} ${e.status}`).join(", ")}`
    : "";
  return [d.name, v.status, `${v.reason}${embedded}`];
};

/** Past this many documents the table shows only those with a proof, an attestation or a failure. */
const VERIFICATION_ROWS = 200;

function verificationTable(rows: readonly VerificationRow[]): string[] {
  const counts = new Map<string, number>();
  for (const [, status] of rows) counts.set(status, (counts.get(status) ?? 0) + 1);
  const totals = [...counts].map(([status, n]) => `${n} ${status}`).join(", ");
  const shown =
    rows.length <= VERIFICATION_ROWS ? rows : rows.filter(([, , reason]) => !reason.startsWith("no proof"));
  const cut = shown.slice(0, VERIFICATION_ROWS);
  const more = shown.length > cut.length ? [`… ${shown.length - cut.length} more (--json has all)`] : [];
  return ["", `verification: ${totals}`, table(["document", "status", "reason"], cut), ...more];
}

export async function ingestAll(
  paths: string[],
  o: {
    format?: LerFormat;
    dryRun: boolean;
    attestedBy?: string;
    batchSize: number;
    progress: boolean;
    keep?: (d: DocumentReport) => boolean;
  },
  ingest: IngestFn,
): Promise<IngestReport & { verification?: VerificationRow[] }> {
  const bar = o.progress
    ? new SingleBar({ format: "ingest {bar} {value} files | {rate}/s | ETA {eta_formatted}", etaBuffer: 50 })
    : null;
  const total = bar ? countFiles(paths) : 0;
  bar?.start(total, 0, { rate: "0" });
  const started = performance.now();
  const merged = emptyReport();
  const verified: VerificationRow[] = [];
  const unresolved = new Map<string, number>();
  let done = 0;
  for (const batch of batches(walk(paths), o.batchSize)) {
    const inputs = batch.map((path) => safeInput(path, o.format));
    const options = { dryRun: o.dryRun, ...(o.attestedBy ? { attestedBy: o.attestedBy } : {}) };
    mergeInto(merged, unresolved, await ingest(inputs, options), o.keep ?? keepFailed, verified);
    done += batch.length;
    bar?.update(done, { rate: (done / Math.max(0.001, (performance.now() - started) / 1000)).toFixed(0) });
  }
  bar?.stop();
  merged.verification = verified;
  merged.totals.unresolved = [...unresolved]
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  return merged;
}

function safeInput(path: string, format?: LerFormat) {
  try {
    return fileInput(path, format);
  } catch (e) {
    return { name: path, content: { unreadable: (e as Error).message }, format };
  }
}

function countFiles(paths: string[]): number {
  let n = 0;
  for (const _ of walk(paths)) n++;
  return n;
}

function emptyReport(): IngestReport & { verification?: VerificationRow[] } {
  return {
    documents: [],
    totals: {
      documents: 0,
      stored: 0,
      replaced: 0,
      unchanged: 0,
      failed: 0,
      assertions: 0,
      byFormat: {},
      unresolved: [],
    },
  };
}

function mergeInto(
  into: IngestReport,
  unresolved: Map<string, number>,
  r: IngestReport,
  keep: (d: DocumentReport) => boolean,
  verified: VerificationRow[],
): void {
  for (const d of r.documents) if (keep(d)) into.documents.push(d);
  for (const d of r.documents) if (d.verification) verified.push(verificationRow(d));
  const t = into.totals;
  for (const k of ["documents", "stored", "replaced", "unchanged", "failed", "assertions"] as const)
    t[k] += r.totals[k];
  for (const [f, n] of Object.entries(r.totals.byFormat)) t.byFormat[f] = (t.byFormat[f] ?? 0) + n;
  for (const u of r.totals.unresolved) unresolved.set(u.text, (unresolved.get(u.text) ?? 0) + u.count);
}

export function summarise(report: IngestReport & { verification?: VerificationRow[] }): string {
  const t = report.totals;
  const parts = [
    `${t.documents} documents: ${t.stored} stored, ${t.replaced} replaced, ${t.unchanged} unchanged, ${t.failed} failed; ${t.assertions} assertions`,
    "",
    table(
      ["format", "documents"],
      Object.entries(t.byFormat).sort((a, b) => b[1] - a[1]),
    ),
  ];
  if (t.unresolved.length)
    parts.push(
      "",
      "skills that did not resolve (most frequent first):",
      table(
        ["skill as written", "count"],
        t.unresolved.slice(0, 15).map((u) => [u.text, u.count]),
      ),
    );
  if (report.verification?.length) parts.push(...verificationTable(report.verification));
  const failed = report.documents.filter((d) => d.status === "failed");
  if (failed.length)
    parts.push("", "failures:", table(["document", "code", "reason"], failed.map(failureRow)));
  return parts.join("\n");
}

const failureRow = (d: DocumentReport) => [
  d.name,
  d.error?.code ?? "",
  `${d.error?.message ?? ""}${d.error?.path ? ` (at ${d.error.path})` : ""}`,
];
