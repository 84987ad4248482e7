/**
 * A real SQLite store holding a population's evidence, one native document per person, for the
 * benchmarks that time a path which reads its rows from the store (as the server does).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EvidenceRow } from "../../src/domain/evidence.ts";
import { openStore } from "../../src/store/sqlite-store.ts";
import type { DocumentWrite, Store } from "../../src/store/types.ts";

export interface TempStore {
  store: Store;
  dispose(): void;
}

const BATCH = 500;

export function storeOf(evidence: ReadonlyMap<string, readonly EvidenceRow[]>): TempStore {
  const dir = mkdtempSync(join(tmpdir(), "ler-bench-store-"));
  const store = openStore(join(dir, "bench.db"));
  let batch: DocumentWrite[] = [];
  for (const [candidateId, rows] of evidence) {
    batch.push(documentOf(candidateId, rows));
    if (batch.length === BATCH) {
      store.writeDocuments(batch);
      batch = [];
    }
  }
  store.writeDocuments(batch);
  return {
    store,
    dispose() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What a bench document does not need: no file, no proof, no dates of its own. */
const UNDATED = { title: null, issuer: null, issuedAt: null, validUntil: null, fileName: null, raw: null };

function documentOf(candidateId: string, rows: readonly EvidenceRow[]): DocumentWrite {
  const documentId = `d-${candidateId}`;
  return {
    candidate: { id: candidateId, name: null, email: null, location: null },
    document: {
      ...UNDATED,
      id: documentId,
      candidateId,
      format: "native",
      verification: "unverified",
      revocation: "unchecked",
      verificationDetail: null,
      credentialStatus: null,
      contentHash: documentId,
      ingestedAt: "2026-01-01T00:00:00.000Z",
    },
    // an evidence row is an assertion plus what the store joins in from its document
    assertions: rows.map(
      ({ verified, verifiedBy, revoked, documentTitle, documentFormat, ...assertion }, i) => ({
        ...assertion,
        id: `${documentId}#${i}`,
        candidateId,
        documentId,
      }),
    ),
  };
}
