/**
 * One organisation's view of the store: every read answers only about the organisation's people,
 * documents, positions and trust list, and every write is stamped with it. Another organisation's
 * id reads exactly like an id that does not exist. The outbox, checkpoints and the index feed stay
 * deployment-wide: the index keeps each person's organisation and filters on it itself.
 */
import { LerError } from "../domain/errors.ts";
import type { PositionStore } from "./positions.ts";
import type { TrustStore } from "./trust-store.ts";
import type { Store, StoreStats } from "./types.ts";

/** What the scoped view needs from the store that it cannot build from the Store contract. */
export interface OrgQueries {
  /** The ids among `ids` that belong to the organisation. */
  members(org: string, ids: readonly string[]): string[];
  /** All of the organisation's person ids, in id order. */
  allIds(org: string): string[];
  stats(org: string): StoreStats;
  trust(org: string): TrustStore;
  positions(org: string): PositionStore;
}

export function scopeToOrg(root: Store, org: string, q: OrgQueries): Store {
  const mine = (id: string) => q.members(org, [id]).length === 1;
  const only = (ids: readonly string[]) => (ids.length ? q.members(org, [...new Set(ids)]) : []);
  const keepMine = <T extends { candidateId: string }>(rows: T[]): T[] => {
    const members = new Set(only(rows.map((r) => r.candidateId)));
    return rows.filter((r) => members.has(r.candidateId));
  };
  const getDocument = (id: string) => {
    const doc = root.getDocument(id);
    return doc && mine(doc.candidateId) ? doc : undefined;
  };
  return {
    writeDocument: (w) => root.writeDocument({ ...w, org }),
    writeDocuments: (ws) => root.writeDocuments(ws.map((w) => ({ ...w, org }))),
    getCandidate: (id) => (mine(id) ? root.getCandidate(id) : undefined),
    listDocuments: (candidateId) => (mine(candidateId) ? root.listDocuments(candidateId) : []),
    getDocument,
    evidenceFor: (ids, concepts) => root.evidenceFor(only(ids), concepts),
    explainedEvidenceFor: (ids, concepts) => root.explainedEvidenceFor(only(ids), concepts),
    namesOf: (ids) => root.namesOf(only(ids)),
    deleteCandidate: (id) => mine(id) && root.deleteCandidate(id),
    indexableCandidates: (ids) => root.indexableCandidates(ids ? only(ids) : q.allIds(org)),
    candidateIds: () => q.allIds(org),
    evidenceOfConcepts: (conceptIds) => keepMine(root.evidenceOfConcepts(conceptIds)),
    allDegrees: () => keepMine(root.allDegrees()),
    setRevocation(documentId, status) {
      if (!getDocument(documentId)) throw new LerError("not_found", `no document with id "${documentId}"`);
      root.setRevocation(documentId, status);
    },
    documentsWithCredentialStatus: () => keepMine(root.documentsWithCredentialStatus()),
    documentsWithProofs: () => root.documentsWithProofs().filter((id) => getDocument(id) !== undefined),
    outboxPending: (limit, nowMs) => root.outboxPending(limit, nowMs),
    outboxAck: (ids) => root.outboxAck(ids),
    outboxRetry: (id, error, next) => root.outboxRetry(id, error, next),
    stats: () => q.stats(org),
    trust: q.trust(org),
    security: root.security,
    checkpoint: () => root.checkpoint(),
    positions: q.positions(org),
    taxonomy: root.taxonomy,
    forOrg: (other) => root.forOrg(other),
    close: () => root.close(),
  };
}
