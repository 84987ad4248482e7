/**
 * The conformance population: a small taxonomy (hierarchy, siblings, related edges) and a
 * deterministic set of candidates whose evidence covers every factor of the model — levels and
 * unknown levels, every source kind, old/recent/unknown dates, expired and revoked credentials,
 * verified and unverified documents. Same seed, same population, on every machine.
 */

import type { EvidenceRow, IndexedCandidate } from "../../src/domain/evidence.ts";
import { SourceKind } from "../../src/domain/schemas.ts";
import { mulberry32 } from "../../src/generate/random.ts";
import type { ScoringConfig } from "../../src/scoring/config.ts";
import { toIndexedCandidate } from "../../src/scoring/indexed.ts";
import { buildTaxonomy } from "../../taxonomy/graph.ts";
import type { ConceptInput, Taxonomy } from "../../taxonomy/model.ts";

const CONCEPTS: ConceptInput[] = [
  { id: "programming", label: "Programming", type: "skill" },
  { id: "python", label: "Python", type: "skill", broader: ["programming"], related: ["data-analysis"] },
  { id: "django", label: "Django", type: "tool", broader: ["python"] },
  { id: "pandas", label: "pandas", type: "tool", broader: ["python"], related: ["data-analysis"] },
  { id: "java", label: "Java", type: "skill", broader: ["programming"] },
  { id: "spring", label: "Spring", type: "tool", broader: ["java"] },
  { id: "typescript", label: "TypeScript", type: "skill", broader: ["programming"] },
  { id: "data-analysis", label: "Data analysis", type: "skill" },
  { id: "excel", label: "Excel", type: "tool", broader: ["data-analysis"] },
  { id: "statistics", label: "Statistics", type: "knowledge", broader: ["data-analysis"] },
  { id: "nursing", label: "Nursing", type: "skill" },
  { id: "rn-licence", label: "Registered nurse licence", type: "licence", broader: ["nursing"] },
  { id: "first-aid", label: "First aid", type: "skill", related: ["nursing"] },
  { id: "spanish", label: "Spanish", type: "language" },
];

export const conformanceTaxonomy = (): Taxonomy => buildTaxonomy(CONCEPTS);

/** "now" for every conformance query, so recency and expiry never depend on the clock. */
export const NOW_MS = Date.UTC(2026, 0, 15);
const LEVELS = [null, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5];
const DATES = [null, "2025-06-01", "2024-03", "2021", "2018-11-20", "2012-01-01"];
const VALID_UNTIL = [null, null, null, null, "2027-12-31", "2025-01-01"];

export interface Population {
  ids: string[];
  evidence: Map<string, EvidenceRow[]>;
}

export function makePopulation(size: number, seed: number): Population {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const evidence = new Map<string, EvidenceRow[]>();
  const ids: string[] = [];
  for (let c = 0; c < size; c++) {
    const candidateId = `cand-${String(c).padStart(5, "0")}`;
    ids.push(candidateId);
    const rows: EvidenceRow[] = [];
    const count = 1 + Math.floor(rnd() * 6);
    for (let i = 0; i < count; i++) {
      const concept = pick(CONCEPTS).id;
      const sourceKind = pick(SourceKind.options);
      const level = pick(LEVELS);
      const date = pick(DATES);
      rows.push({
        id: `${candidateId}-a${i}`,
        candidateId,
        documentId: `${candidateId}-d${i % 2}`,
        conceptId: concept,
        skillText: concept,
        resolution: { method: "id", confidence: 1 },
        rawLevel: level === null ? null : String(level),
        scale: level === null ? null : "canonical",
        level,
        sourceKind,
        issuer: sourceKind === "self-asserted" ? null : "Issuer U",
        issuedAt: date,
        lastPracticedAt: rnd() < 0.3 ? date : null,
        validUntil: pick(VALID_UNTIL),
        wherePracticed: null,
        sourcePath: `$.skills[${i}]`,
        verified: sourceKind === "verified-credential" || rnd() < 0.2,
        revoked: rnd() < 0.05,
        documentTitle: null,
        documentFormat: "csv",
      });
    }
    evidence.set(candidateId, rows);
  }
  return { ids, evidence };
}

export function indexedView(pop: Population, config: ScoringConfig): IndexedCandidate[] {
  return pop.ids.map((id) => toIndexedCandidate(id, pop.evidence.get(id) ?? [], config));
}
