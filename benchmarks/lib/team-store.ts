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

function documentOf(candidateId: string, rows: readonly EvidenceRow[]): DocumentWrite {
  const documentId = `d-${candidateId}`;
  return {
    candidate: { id: candidateId, name: null, email: null, location: null },
    document: {
      id: documentId,
      candidateId,
      format: "native",
      title: null,
      issuer: null,
      issuedAt: null,
      validUntil: null,
      verification: "unverified",
      revocation: "unchecked",
      verificationDetail: null,
      credentialStatus: null,
      fileName: null,
      contentHash: documentId,
      raw: null,
      ingestedAt: "2026-01-01T00:00:00.000Z",
    },
    assertions: rows.map((r, i) => ({
      id: `${documentId}#${i}`,
      candidateId,
      documentId,
      conceptId: r.conceptId,
      skillText: r.skillText,
      resolution: r.resolution,
      rawLevel: r.rawLevel,
      scale: r.scale,
      level: r.level,
      sourceKind: r.sourceKind,
      issuer: r.issuer,
      issuedAt: r.issuedAt,
      lastPracticedAt: r.lastPracticedAt,
      validUntil: r.validUntil,
      wherePracticed: r.wherePracticed,
      sourcePath: r.sourcePath,
    })),
  };
}
