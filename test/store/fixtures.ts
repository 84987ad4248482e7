/** Store test helpers: a fresh store file in a temp dir, and hand-built document writes. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SkillAssertion } from "../../src/domain/schemas.ts";
import { openStore } from "../../src/store/sqlite-store.ts";
import type { DocumentWrite, Store } from "../../src/store/types.ts";

export interface TempStore {
  store: Store;
  path: string;
  dispose(): void;
}

export function tempStore(): TempStore {
  const dir = mkdtempSync(join(tmpdir(), "ler-store-"));
  const path = join(dir, "store.db");
  const store = openStore(path);
  return {
    store,
    path,
    dispose() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface SkillSpec {
  concept: string | null;
  text?: string;
  level?: number | null;
  sourceKind?: SkillAssertion["sourceKind"];
  issuedAt?: string | null;
  lastPracticedAt?: string | null;
  validUntil?: string | null;
}

export function makeWrite(
  candidateId: string,
  documentId: string,
  skills: SkillSpec[],
  extra: {
    name?: string | null;
    hash?: string;
    verification?: "verified" | "unverified";
    credentialStatus?: unknown;
  } = {},
): DocumentWrite {
  return {
    candidate: {
      id: candidateId,
      name: extra.name === undefined ? `Name of ${candidateId}` : extra.name,
      email: null,
      location: null,
    },
    document: {
      id: documentId,
      candidateId,
      format: "native",
      title: `Title of ${documentId}`,
      issuer: "Acme",
      issuedAt: "2024-01-01",
      validUntil: null,
      verification: extra.verification ?? "unverified",
      revocation: "unchecked",
      verificationDetail: null,
      credentialStatus: extra.credentialStatus ?? null,
      fileName: "file.json",
      contentHash: extra.hash ?? `hash-${documentId}`,
      raw: { id: documentId, skills: skills.map((s) => s.text ?? s.concept) },
      ingestedAt: "2026-01-01T00:00:00.000Z",
    },
    assertions: skills.map((s, i) => ({
      id: `${documentId}#${i}`,
      candidateId,
      documentId,
      conceptId: s.concept,
      skillText: s.text ?? s.concept ?? "unknown",
      resolution: s.concept ? { method: "exact", confidence: 1 } : { method: "unresolved", confidence: 0 },
      rawLevel: s.level == null ? null : String(s.level),
      scale: s.level == null ? null : "numeric",
      level: s.level ?? null,
      sourceKind: s.sourceKind ?? "employer-record",
      issuer: "Acme",
      issuedAt: s.issuedAt === undefined ? "2024-01-01" : s.issuedAt,
      lastPracticedAt: s.lastPracticedAt ?? null,
      validUntil: s.validUntil ?? null,
      wherePracticed: null,
      sourcePath: `$.assertions[${i}]`,
    })),
  };
}
