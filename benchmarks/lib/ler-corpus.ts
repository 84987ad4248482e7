/**
 * A folder of generated LER files, one document per file, in a mix of formats: the seeded
 * population's documents (native, and JSON Resume for people whose profile is a résumé), with
 * every other credential re-written as an OB 3.0 OpenBadgeCredential. Used by the ingestion
 * benchmark and the streaming test.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  type GeneratedDocument,
  generatePopulation,
  type NativeDocument,
} from "../../src/generate/population.ts";
import { loadStarterConcepts, loadStarterOccupations } from "../../taxonomy/starter.ts";

/** People whose own profile is a JSON Resume (the generator's default is a tenth). */
const JSON_RESUME_SHARE = 0.5;

/** An OpenBadgeCredential whose achievement aligns to each skill by name. */
export function toOb3(doc: NativeDocument): unknown {
  const issuer = doc.issuer ?? "Unknown issuer";
  return {
    "@context": [
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ],
    id: `urn:uuid:bench-${doc.id}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: doc.title,
    issuer: {
      id: `https://issuers.example.org/${encodeURIComponent(issuer)}`,
      type: ["Profile"],
      name: issuer,
    },
    validFrom: `${doc.issuedAt}T00:00:00Z`,
    ...(doc.validUntil ? { validUntil: `${doc.validUntil}T00:00:00Z` } : {}),
    credentialSubject: {
      id: `mailto:${doc.person.email}`,
      type: ["AchievementSubject"],
      achievement: {
        id: `https://achievements.example.org/${doc.id}`,
        type: ["Achievement"],
        name: doc.title,
        description: doc.title,
        criteria: { narrative: doc.title },
        alignment: doc.assertions.map((a) => ({
          type: ["Alignment"],
          targetName: a.skill,
          targetUrl: `https://skills.example.org/${encodeURIComponent(a.skill)}`,
        })),
      },
    },
  };
}

const CREDENTIAL_KINDS = new Set(["issued-credential", "verified-credential"]);

/** The format a document is written in, and its content. */
function written(doc: GeneratedDocument, credentialsSeen: number): { format: string; content: unknown } {
  if (!("format" in doc)) return { format: "jsonresume", content: doc };
  if (CREDENTIAL_KINDS.has(doc.sourceKind) && credentialsSeen % 2 === 0)
    return { format: "ob3", content: toOb3(doc) };
  return { format: "native", content: doc };
}

/** Files per sub-folder, so the walker also descends into directories. */
const PER_FOLDER = 1000;

export interface CorpusSummary {
  files: number;
  byFormat: Record<string, number>;
}

/** At least `count` documents: people have about three each, so draw a few more when short. */
function documentsFor(count: number, seed: number): GeneratedDocument[] {
  for (let people = Math.ceil(count / 3) + 10; ; people = Math.ceil(people * 1.25)) {
    const { documents } = generatePopulation({
      people,
      seed,
      occupations: loadStarterOccupations(),
      concepts: loadStarterConcepts(),
      jsonResumeShare: JSON_RESUME_SHARE,
    });
    if (documents.length >= count) return documents.slice(0, count);
  }
}

/** Writes `count` documents (seeded, reproducible) under `dir`; returns what it wrote. */
export function writeCorpus(dir: string, count: number, seed = 7): CorpusSummary {
  const byFormat: Record<string, number> = {};
  let credentials = 0;
  documentsFor(count, seed).forEach((doc, i) => {
    const { format, content } = written(doc, credentials);
    if ("format" in doc && CREDENTIAL_KINDS.has(doc.sourceKind)) credentials++;
    const folder = join(dir, `part-${String(Math.floor(i / PER_FOLDER)).padStart(4, "0")}`);
    if (i % PER_FOLDER === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `doc-${String(i).padStart(7, "0")}.${format}.json`), JSON.stringify(content));
    byFormat[format] = (byFormat[format] ?? 0) + 1;
  });
  return { files: count, byFormat };
}
