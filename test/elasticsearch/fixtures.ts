/** A small taxonomy and hand-written candidates for the Elasticsearch behaviour tests. */

import type { Requirement } from "../../src/domain/schemas.ts";
import type { IndexedAssertion, IndexedCandidate, RetrievalQuery } from "../../src/search/backend.ts";
import { buildTaxonomy } from "../../taxonomy/graph.ts";

export const taxonomy = buildTaxonomy([
  { id: "programming", label: "Programming", type: "skill" },
  { id: "python", label: "Python", type: "skill", broader: ["programming"] },
  { id: "excel", label: "Excel", type: "tool" },
]);

export const NOW_MS = Date.UTC(2026, 0, 15);

export const skill = (
  id: string,
  conceptId: string,
  level: number | null,
  extra: Partial<IndexedAssertion> = {},
) => ({
  assertionId: id,
  conceptId,
  level,
  sourceKind: "employer-record" as const,
  trust: 0.85,
  verified: false,
  dateMs: null,
  validUntilMs: null,
  revoked: false,
  ...extra,
});

export const candidate = (id: string, ...assertions: IndexedAssertion[]): IndexedCandidate => ({
  id,
  assertions,
});

export const requirement = (conceptId: string, minLevel: number | null, required = false): Requirement => ({
  conceptId,
  label: conceptId,
  minLevel,
  weight: 1,
  required,
});

export const query = (requirements: Requirement[], hardRequired = false): RetrievalQuery => ({
  requirements,
  filters: { verifiedOnly: false, practicedSinceMs: null },
  nowMs: NOW_MS,
  hardRequired,
});
