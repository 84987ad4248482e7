/**
 * Ingestion: inputs → documents → resolved, normalised assertions → the store. Each document is
 * written atomically (its own savepoint; documents are committed in groups for speed). A bad input
 * or document becomes a "failed" report and the rest of the batch goes on: ingest() does not throw
 * for bad input, nor for a parser that misbehaves on it.
 */
import type { Clock } from "../src/domain/clock.ts";
import { type ErrorCode, forCaller, isLerError, LerError, toLerError } from "../src/domain/errors.ts";
import type { LerFormat } from "../src/domain/schemas.ts";
import type { DocumentVerification, TrustSnapshot } from "../src/domain/verification.ts";
import type { DocumentWrite, Store, WriteOutcome } from "../src/store/types.ts";
import type { Taxonomy } from "../taxonomy/model.ts";
import { type Decoded, decodeInput } from "./decode.ts";
import { detectFormat, parserFor } from "./detect.ts";
import { type PrepareContext, prepareDocument } from "./prepare-document.ts";
import { buildHintIndex, type HintIndex } from "./resolve-assertions.ts";
import { reverifyStored } from "./reverify.ts";
import type { DocumentReport, IngestInput, IngestReport, ParsedDocument, ReverifyReport } from "./types.ts";
import { applyVerification } from "./verify/apply.ts";
import { verifyDocument } from "./verify/index.ts";

export interface PipelineDeps {
  store: Store;
  taxonomy: Taxonomy;
  now: Clock;
  /**
   * Called once per ingest with the candidates whose rows changed (stored or replaced), after
   * every write. Its errors propagate: the documents are stored and their outbox items remain.
   */
  onStored?: (candidateIds: string[]) => void | Promise<void>;
}

export interface IngestOptions {
  dryRun?: boolean;
  /** Format for inputs that do not name one; otherwise detected per document. */
  format?: LerFormat;
  /**
   * The operator or API key that verified these documents upstream. Only then are a document's own
   * claims of verification ("verification": "verified", source "verified-credential") kept, and
   * recorded as attested by this name; otherwise they are downgraded and the report says so.
   */
  attestedBy?: string;
  /**
   * Whether these documents may change the name or email of a person already on record; when not,
   * such a document fails with `identity_locked`. In-process callers are the operator (the CLI, the
   * demo, benchmarks), so the default is yes; the API passes whether the key is an admin's.
   */
  mayChangeIdentity?: boolean;
  /** Refuse the whole call, storing nothing, when its inputs hold more documents than this. */
  maxDocuments?: number;
}

/** A JSON-lines or CSV input is many documents: the limit counts documents, whatever the inputs' shape. */
function checkDocumentCount(decoded: readonly Decoded[][], limit: number | undefined): void {
  const documents = decoded.reduce((sum, pieces) => sum + pieces.length, 0);
  if (limit !== undefined && documents > limit)
    throw new LerError("too_many_documents", `${documents} documents in one request; the limit is ${limit}`, {
      details: { limit, documents },
    });
}

export interface Pipeline {
  ingest(inputs: IngestInput[], options?: IngestOptions): Promise<IngestReport>;
  /** Verifies the stored documents that carry a proof again, against the lists as they are now (reverify.ts). */
  reverify(): Promise<ReverifyReport>;
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));
/** How long ingest may hold the event loop before letting other work (HTTP requests) run. */
const YIELD_EVERY_MS = 20;

function errorOf(e: unknown): NonNullable<DocumentReport["error"]> {
  const err = forCaller(toLerError(e, "internal"));
  const details = err.details as { path?: unknown } | undefined;
  const path = typeof details?.path === "string" ? details.path : undefined;
  const code: ErrorCode = isLerError(e) ? err.code : "internal";
  return path === undefined ? { code, message: err.message } : { code, message: err.message, path };
}

function failed(name: string, format: LerFormat | null, e: unknown, doc?: ParsedDocument): DocumentReport {
  return {
    name,
    documentId: doc?.documentId ?? null,
    candidateId: doc?.person?.id ?? null,
    format,
    status: "failed",
    assertions: 0,
    unresolved: [],
    flags: [],
    warnings: doc?.warnings ?? [],
    error: errorOf(e),
    verification: null,
  };
}

/** What each document is stored as: its own slice when the parser gave one, else the input. */
function rawOf(doc: ParsedDocument, input: unknown, count: number): unknown {
  if (doc.raw !== undefined) return doc.raw;
  if (count === 1) return input;
  const { warnings: _w, raw: _r, ...read } = doc;
  return read;
}

export function totalsOf(reports: readonly DocumentReport[]): IngestReport["totals"] {
  const count = (status: DocumentReport["status"]) => reports.filter((r) => r.status === status).length;
  const byFormat: Record<string, number> = {};
  const unresolved = new Map<string, number>();
  let assertions = 0;
  for (const r of reports) {
    if (r.format) byFormat[r.format] = (byFormat[r.format] ?? 0) + 1;
    assertions += r.assertions;
    for (const text of r.unresolved) unresolved.set(text, (unresolved.get(text) ?? 0) + 1);
  }
  return {
    documents: reports.length,
    stored: count("stored"),
    replaced: count("replaced"),
    unchanged: count("unchanged"),
    failed: count("failed"),
    assertions,
    byFormat,
    unresolved: [...unresolved]
      .map(([text, n]) => ({ text, count: n }))
      .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)),
  };
}

/** The report's view: the document's own check; embedded credentials' checks stay with the document. */
const reportedVerification = (v: DocumentVerification): DocumentReport["verification"] => ({
  status: v.status,
  reason: v.reason,
  attestedBy: v.attestedBy,
  embedded: v.credentials.slice(1).map(({ path, status, reason }) => ({ path, status, reason })),
});

/** Documents per commit: one savepoint each, so a bad document still fails alone. */
const WRITE_BATCH = 200;

/** A document read and prepared, waiting for its write. */
interface Prepared {
  report: DocumentReport;
  write: DocumentWrite | null;
}

function settle(report: DocumentReport, outcome: WriteOutcome | LerError): DocumentReport {
  if (typeof outcome === "string") return { ...report, status: outcome };
  return { ...report, status: "failed", assertions: 0, unresolved: [], flags: [], error: errorOf(outcome) };
}

export function createPipeline(deps: PipelineDeps): Pipeline {
  let hints: HintIndex | null = null;
  const hintIndex = () => {
    hints ??= buildHintIndex(deps.taxonomy);
    return hints;
  };

  function prepare(
    name: string,
    doc: ParsedDocument,
    raw: () => unknown,
    ctx: PrepareContext,
    verification: DocumentVerification,
  ): Prepared {
    try {
      const prepared = prepareDocument(doc, raw(), ctx, verification);
      const { write } = prepared;
      const report: DocumentReport = {
        name,
        documentId: write.document.id,
        candidateId: write.candidate.id,
        format: doc.format,
        status: "dry-run",
        assertions: write.assertions.length,
        unresolved: prepared.unresolved,
        flags: prepared.flags,
        warnings: prepared.warnings,
        error: null,
        verification: reportedVerification(verification),
      };
      return { report, write };
    } catch (e) {
      return { report: failed(name, doc?.format ?? null, e, doc), write: null };
    }
  }

  async function readDecoded(
    input: IngestInput,
    options: IngestOptions,
    nowMs: number,
    trust: TrustSnapshot,
  ): Promise<Prepared[]> {
    let format: LerFormat | null = input.format ?? options.format ?? null;
    let docs: ParsedDocument[];
    try {
      format ??= detectFormat(input.content);
      docs = parserFor(format).parse(input.content, { fileName: input.name });
    } catch (e) {
      return [{ report: failed(input.name, format, e), write: null }];
    }
    if (docs.length === 0) {
      const none = new LerError("parse_failed", `${input.name} holds no documents`);
      return [{ report: failed(input.name, format, none), write: null }];
    }
    const ctx: PrepareContext = {
      taxonomy: deps.taxonomy,
      hints: hintIndex(),
      fileName: input.name,
      nowMs,
      ...(input.jws === undefined ? {} : { compactJws: input.jws }),
    };
    const verification = await verifyDocument(input, {
      trust,
      nowMs,
      attestedBy: options.attestedBy ?? null,
    });
    return docs.map((doc, i) =>
      prepare(
        docs.length > 1 ? `${input.name}[${i}]` : input.name,
        applyVerification(doc, verification, docs.length === 1),
        () => rawOf(doc, input.content, docs.length),
        ctx,
        verification,
      ),
    );
  }

  async function readPieces(
    pieces: readonly Decoded[],
    options: IngestOptions,
    nowMs: number,
    trust: TrustSnapshot,
  ): Promise<Prepared[]> {
    const out: Prepared[] = [];
    for (const piece of pieces) {
      if (piece.ok) out.push(...(await readDecoded(piece.value, options, nowMs, trust)));
      else {
        const { name, format, error } = piece.error;
        out.push({ report: failed(name, format ?? options.format ?? null, error), write: null });
      }
    }
    return out;
  }

  return {
    async ingest(inputs, options = {}) {
      const nowMs = deps.now();
      const trust = deps.store.trust.snapshot();
      const reports: DocumentReport[] = [];
      let pending: { at: number; write: DocumentWrite }[] = [];
      let lastYield = performance.now();
      const flush = () => {
        const mayChangeIdentity = options.mayChangeIdentity ?? true;
        const outcomes = deps.store.writeDocuments(pending.map((p) => ({ ...p.write, mayChangeIdentity })));
        pending.forEach((p, i) => {
          reports[p.at] = settle(reports[p.at]!, outcomes[i]!);
        });
        pending = [];
      };
      const decoded = inputs.map((input) =>
        decodeInput({ ...input, format: input.format ?? options.format }),
      );
      checkDocumentCount(decoded, options.maxDocuments);
      for (const pieces of decoded) {
        for (const { report, write } of await readPieces(pieces, options, nowMs, trust)) {
          if (write && !options.dryRun) pending.push({ at: reports.length, write });
          reports.push(report);
        }
        if (pending.length >= WRITE_BATCH) flush();
        if (performance.now() - lastYield > YIELD_EVERY_MS) {
          await nextTick(); // a large batch must not starve the server's other requests
          lastYield = performance.now();
        }
      }
      if (pending.length > 0) flush();
      const changed = new Set(
        reports.filter((r) => r.status === "stored" || r.status === "replaced").map((r) => r.candidateId!),
      );
      if (changed.size > 0 && deps.onStored) await deps.onStored([...changed]);
      return { documents: reports, totals: totalsOf(reports) };
    },
    async reverify() {
      const nowMs = deps.now();
      const trust = deps.store.trust.snapshot();
      const { report, candidates } = await reverifyStored(deps.store, async (input, attestedBy) =>
        (await readPieces(decodeInput(input), { attestedBy }, nowMs, trust)).map(({ report: r, write }) => ({
          write,
          error: r.error?.message ?? null,
        })),
      );
      if (candidates.length > 0 && deps.onStored) await deps.onStored(candidates);
      return report;
    },
  };
}
