/**
 * Erasure that reaches every copy: the store's rows (documents, assertions, the candidate), the
 * index (through the outbox, drained before returning), the write-ahead log (checkpointed and
 * truncated; the store runs with secure_delete so freed pages are zeroed) — then a receipt that
 * names the person only by the audit trail's pseudonym.
 */
import { DEFAULT_ORG, type ErasureReceipt } from "../domain/access.ts";
import type { Clock } from "../domain/clock.ts";
import { LerError } from "../domain/errors.ts";
import type { Store } from "../store/types.ts";
import type { Access } from "./access.ts";

export interface ErasureDeps {
  /** the organisation's view of the store: another organisation's person is not found */
  store: Store;
  org: string;
  access: Access;
  now: Clock;
  /** drains the outbox into the index; `retried` items are kept for the worker to retry */
  syncIndex(): Promise<{ retried: number }>;
}

const DAY_MS = 86_400_000;

export async function eraseCandidate(
  deps: ErasureDeps,
  personId: string,
  by: string,
  reason: ErasureReceipt["reason"] = "request",
): Promise<ErasureReceipt> {
  const { store, access, now } = deps;
  if (!store.getCandidate(personId)) throw new LerError("not_found", `no candidate with id "${personId}"`);
  const documents = store.listDocuments(personId).length;
  const assertions = store.evidenceFor([personId]).get(personId)?.length ?? 0;
  store.deleteCandidate(personId);
  // an unreachable index keeps the delete in the outbox, and the worker retries it
  const indexPending = (await deps.syncIndex().catch(() => ({ retried: 1 }))).retried > 0 ? 1 : 0;
  const receipt: ErasureReceipt = {
    at: new Date(now()).toISOString(),
    subject: access.pseudonym(personId),
    by,
    reason,
    removed: { candidates: 1, documents, assertions, indexEntries: 1 - indexPending, indexPending },
  };
  store.security.appendReceipt({
    at: now(),
    org: deps.org,
    subject: receipt.subject,
    by,
    reason,
    removed: JSON.stringify(receipt.removed),
  });
  store.checkpoint();
  return receipt;
}

/**
 * Erases everyone, of every organisation, whose newest document was ingested more than `days`
 * days before now; each receipt is kept by the person's own organisation.
 */
export async function applyRetention(
  depsOf: (org: string) => ErasureDeps,
  now: Clock,
  days: number,
): Promise<{ erased: number }> {
  const cutoff = new Date(now() - days * DAY_MS).toISOString();
  const due = depsOf(DEFAULT_ORG).store.security.candidatesIngestedBefore(cutoff);
  for (const { id, org } of due) await eraseCandidate(depsOf(org), id, "retention", "retention");
  return { erased: due.length };
}
