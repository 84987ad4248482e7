/** A small taxonomy and evidence-row factory shared by the scoring, search and match tests. */

import { type EvidenceRow, NO_FILTERS } from "../../src/domain/evidence.ts";
import type { Requirement } from "../../src/domain/schemas.ts";
import { DEFAULT_SCORING } from "../../src/scoring/config.ts";
import type { ScoringContext } from "../../src/scoring/score.ts";
import { buildTaxonomy } from "../../taxonomy/graph.ts";

export const NOW = Date.UTC(2026, 0, 1);

export const taxonomy = buildTaxonomy(
  [
    { id: "software", label: "Software", type: "skill" },
    { id: "programming", label: "Programming", type: "skill", broader: ["software"] },
    { id: "python", label: "Python", type: "language", broader: ["programming"] },
    { id: "django", label: "Django", type: "tool", broader: ["python"] },
    { id: "java", label: "Java", type: "language", broader: ["programming"] },
    { id: "go", label: "Go", type: "language", broader: ["programming"] },
    { id: "devops", label: "DevOps", type: "skill", broader: ["software"] },
    { id: "kubernetes", label: "Kubernetes", type: "tool", broader: ["devops"], related: ["docker"] },
    { id: "docker", label: "Docker", type: "tool" },
    { id: "welding", label: "Welding", type: "skill" },
  ],
  { cooccurrence: new Map([["docker", new Map([["python", 0.3]])]]) },
);

export const CONCEPT_IDS = [...taxonomy.all()].map((c) => c.id);

let nextId = 0;

export function row(overrides: Partial<EvidenceRow> = {}): EvidenceRow {
  nextId++;
  const conceptId = overrides.conceptId === undefined ? "python" : overrides.conceptId;
  return {
    id: `a${String(nextId).padStart(5, "0")}`,
    candidateId: "c1",
    documentId: "d1",
    conceptId,
    skillText: conceptId ?? "unknown skill",
    resolution: { method: "exact", confidence: 1 },
    rawLevel: null,
    scale: null,
    level: 3,
    sourceKind: "issued-credential",
    issuer: null,
    issuedAt: null,
    lastPracticedAt: null,
    validUntil: null,
    wherePracticed: null,
    sourcePath: "$",
    verified: false,
    revoked: false,
    documentTitle: null,
    documentFormat: "ob3",
    ...overrides,
  };
}

export function req(conceptId: string, overrides: Partial<Requirement> = {}): Requirement {
  return {
    conceptId,
    label: taxonomy.get(conceptId)?.label ?? conceptId,
    minLevel: null,
    weight: 1,
    required: false,
    ...overrides,
  };
}

/** How the tests score by default: this taxonomy, the default configuration, NOW, no filter, nothing hard. */
export const scoringContext = (over: Partial<ScoringContext> = {}): ScoringContext => ({
  taxonomy,
  config: DEFAULT_SCORING,
  nowMs: NOW,
  filters: NO_FILTERS,
  hardRequired: false,
  ...over,
});
