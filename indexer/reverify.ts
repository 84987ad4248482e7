/**
 * Verification again, in place: after the trust list, keys or contexts change, every stored
 * document whose verification depends on them is read again from what was stored (its content, or
 * the compact JWS a VC-JWT came as) and verified against the lists as they are now. A document
 * whose verification changed is rewritten — status, reason, its assertions' source kinds — with
 * the outbox item that updates the index; its revocation (set from status lists), file name and
 * ingest time stay as they were.
 */
import { isLerError } from "../src/domain/errors.ts";
import type { DocumentVerification } from "../src/domain/verification.ts";
import type { DocumentWrite, Store } from "../src/store/types.ts";
import { canonicalJson } from "./canonical.ts";
import type { IngestInput, ReverifyReport } from "./types.ts";

/** One document as the pipeline reads it again: the write it would make, or why it could not. */
export interface ReadAgain {
  write: DocumentWrite | null;
  error: string | null;
}

export type ReadStored = (input: IngestInput, attestedBy: string | undefined) => Promise<ReadAgain[]>;

/** Documents rewritten per commit, as ingest does. */
const WRITE_BATCH = 200;
const YIELD_EVERY_MS = 20;
const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

const sameVerification = (a: DocumentVerification | null, b: DocumentVerification | null) =>
  canonicalJson(a) === canonicalJson(b);

const isJwt = (v: DocumentVerification) => v.credentials[0]?.proof?.startsWith("JWS ") ?? false;

export async function reverifyStored(
  store: Store,
  read: ReadStored,
): Promise<{ report: ReverifyReport; candidates: string[] }> {
  const report: ReverifyReport = { checked: 0, changed: [], skipped: [] };
  let pending: { write: DocumentWrite; from: DocumentVerification; name: string }[] = [];
  const candidates = new Set<string>();
  const flush = () => {
    const outcomes = store.writeDocuments(pending.map((p) => p.write));
    pending.forEach(({ write, from, name }, i) => {
      const outcome = outcomes[i];
      const documentId = write.document.id;
      if (isLerError(outcome)) {
        report.skipped.push({ documentId, name, reason: outcome.message });
        return;
      }
      const to = write.document.verificationDetail as DocumentVerification;
      candidates.add(write.candidate.id);
      report.changed.push({
        documentId,
        candidateId: write.candidate.id,
        name,
        from: from.status,
        to: to.status,
        reason: to.reason,
      });
    });
    pending = [];
  };
  let lastYield = performance.now();
  for (const id of store.documentsWithProofs()) {
    const stored = store.getDocument(id);
    const before = stored?.verificationDetail;
    if (!stored || !before) continue;
    const name = stored.fileName ?? stored.id;
    const skip = (reason: string) => report.skipped.push({ documentId: id, name, reason });
    if (isJwt(before) && !stored.compactJws) {
      skip("a VC-JWT stored before compact tokens were kept: re-ingest the token to verify it again");
      continue;
    }
    const input: IngestInput = stored.compactJws
      ? { name, content: stored.compactJws }
      : { name, content: stored.raw, format: stored.format };
    const [again, ...more] = await read(input, before.attestedBy ?? undefined);
    report.checked++;
    if (!again?.write || more.length > 0 || again.write.document.id !== id) {
      skip(
        `no longer reads as this one document${again?.error ? ` (${again.error})` : ""}: re-ingest its file`,
      );
      continue;
    }
    const { document } = again.write;
    if (!sameVerification(before, document.verificationDetail))
      pending.push({
        write: {
          ...again.write,
          document: {
            ...document,
            revocation: stored.revocation,
            fileName: stored.fileName,
            ingestedAt: stored.ingestedAt,
          },
        },
        from: before,
        name,
      });
    if (pending.length >= WRITE_BATCH) flush();
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      await nextTick(); // a large store must not starve the server's other requests
      lastYield = performance.now();
    }
  }
  if (pending.length > 0) flush();
  return { report, candidates: [...candidates] };
}
