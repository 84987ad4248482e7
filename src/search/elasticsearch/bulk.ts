/**
 * Bulk writes with per-item outcomes: a document the cluster rejects is named, so the caller (the
 * outbox worker) retries exactly that one and acknowledges the rest.
 */
import type { Client } from "@elastic/elasticsearch";
import { LerError } from "../../domain/errors.ts";
import type { ItemFailure } from "../outbox-worker.ts";
import { call } from "./client.ts";

export type BulkOp =
  | { index: string; op: "upsert"; id: string; doc: unknown }
  | { index: string; op: "delete"; id: string };

const UNAVAILABLE_STATUS = new Set([429, 503]);

/** true: refresh now (tests); "wait_for": return once a refresh has made the write searchable. */
export type RefreshPolicy = boolean | "wait_for";

export async function bulkWrite(
  client: Client,
  ops: readonly BulkOp[],
  refresh: RefreshPolicy,
): Promise<void> {
  if (ops.length === 0) return;
  const operations: unknown[] = [];
  for (const o of ops)
    if (o.op === "upsert") operations.push({ index: { _index: o.index, _id: o.id } }, o.doc);
    else operations.push({ delete: { _index: o.index, _id: o.id } });
  const res = await call("a bulk write", () => client.bulk({ operations, refresh }));
  if (!res.errors) return;
  const failures: ItemFailure[] = [];
  res.items.forEach((item, i) => {
    const outcome = item.index ?? item.delete;
    if (!outcome?.error) return;
    // Deleting what is already gone is the state we wanted.
    if (ops[i]!.op === "delete" && outcome.status === 404) return;
    failures.push({
      id: ops[i]!.id,
      status: outcome.status,
      reason: outcome.error.reason ?? outcome.error.type,
    });
  });
  if (failures.length === 0) return;
  const code = failures.every((f) => UNAVAILABLE_STATUS.has(f.status)) ? "index_unavailable" : "internal";
  throw new LerError(code, `Elasticsearch rejected ${failures.length} of ${ops.length} bulk items`, {
    details: { failures },
  });
}
