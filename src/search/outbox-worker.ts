/**
 * Drains the store's outbox into a search index. The store is the system of record: ingest
 * never waits for the index, and an index outage only delays the outbox — items stay queued,
 * are retried with exponential back-off per item, and drain when the index returns.
 *
 * Each item is applied by state, not by replaying its op: the candidate's current rows in the
 * store are upserted, or the candidate is removed when the store no longer has them. Applying an
 * item twice, or out of order, therefore converges on the store's state.
 */
import { wallClock } from "../domain/clock.ts";
import type { SourceKind } from "../domain/schemas.ts";
import { toIndexedCandidates } from "../scoring/indexed.ts";
import type { OutboxItem, Store } from "../store/types.ts";
import type { CandidateIndex } from "./backend.ts";

/** How an index names the items of a batch it rejected (in LerError.details.failures). */
export interface ItemFailure {
  id: string;
  status: number;
  reason: string;
}

export interface OutboxWorkerOptions {
  trust: Record<SourceKind, number>;
  batchSize?: number;
  /** Pause between drains when the outbox is empty or the index is failing. */
  idleMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
}

export interface DrainReport {
  applied: number;
  retried: number;
}

/** attempt n (0-based) waits base · 2^n, capped. */
export function backoffMs(attempts: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** attempts);
}

export function failedIdsOf(error: unknown): Set<string> | null {
  const failures = (error as { details?: { failures?: ItemFailure[] } } | null)?.details?.failures;
  return Array.isArray(failures) ? new Set(failures.map((f) => f.id)) : null;
}

export class OutboxWorker {
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private turn: Promise<unknown> = Promise.resolve();
  private stopped = true;

  constructor(
    private readonly store: Store,
    private readonly index: CandidateIndex,
    private readonly options: OutboxWorkerOptions,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.idleMs = options.idleMs ?? 1000;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 5 * 60_000;
    this.now = options.now ?? wallClock;
  }

  /** Drains in the background until stop(); keeps going through index outages. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Applies one batch of due items; failures are scheduled for retry, never thrown. */
  drainOnce(): Promise<DrainReport> {
    return this.exclusively(() => this.applyDue());
  }

  /** Drains until nothing is due (or an attempt fails); returns what it did. */
  drainAll(): Promise<DrainReport> {
    return this.exclusively(async () => {
      const total: DrainReport = { applied: 0, retried: 0 };
      for (;;) {
        const r = await this.applyDue();
        total.applied += r.applied;
        total.retried += r.retried;
        if (r.retried > 0 || r.applied < this.batchSize) return total;
      }
    });
  }

  /**
   * One drain at a time. Two at once (the background timer's and an ingest's or an erasure's) could
   * read the store before and after a delete and send their writes on two connections that reach the
   * index in either order: an erased person's upsert landing after their removal.
   */
  private exclusively<T>(work: () => Promise<T>): Promise<T> {
    const run = this.turn.then(work);
    this.turn = run.catch(() => undefined);
    return run;
  }

  private async applyDue(): Promise<DrainReport> {
    const items = this.store.outboxPending(this.batchSize, this.now());
    if (items.length === 0) return { applied: 0, retried: 0 };
    const ids = [...new Set(items.map((i) => i.candidateId))];
    const present = [...toIndexedCandidates(this.store.indexableCandidates(ids), this.options.trust)];
    const presentIds = new Set(present.map((c) => c.id));
    const gone = ids.filter((id) => !presentIds.has(id));
    const failed = new Set<string>();
    let error: unknown = null;
    const writes = [
      ...(present.length ? [() => this.index.upsert(present)] : []),
      ...(gone.length ? [() => this.index.remove(gone)] : []),
    ];
    for (const write of writes) {
      try {
        await write();
      } catch (e) {
        error = e;
        const named = failedIdsOf(e);
        for (const id of named ?? ids) failed.add(id);
      }
    }
    const ok = items.filter((i) => !failed.has(i.candidateId));
    this.store.outboxAck(ok.map((i) => i.id));
    for (const item of items) if (failed.has(item.candidateId)) this.retry(item, error);
    if (error) this.options.onError?.(error);
    return { applied: ok.length, retried: items.length - ok.length };
  }

  private retry(item: OutboxItem, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.store.outboxRetry(
      item.id,
      message,
      this.now() + backoffMs(item.attempts, this.baseDelayMs, this.maxDelayMs),
    );
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      // drainAll stops when nothing is due or the index fails: either way, wait before the next look.
      this.running = this.drainAll()
        .catch((e) => this.options.onError?.(e))
        .finally(() => this.schedule(this.idleMs));
    }, delayMs);
  }
}
