/** A small taxonomy and hand-written candidates for the Elasticsearch behaviour tests. */

import { DEFAULT_ORG } from "../../src/domain/access.ts";
import { type IndexedAssertion, type IndexedCandidate, NO_FILTERS } from "../../src/domain/evidence.ts";
import type { Requirement } from "../../src/domain/schemas.ts";
import { DEFAULT_SCORING } from "../../src/scoring/config.ts";
import { trust } from "../../src/scoring/factors.ts";
import type { RetrievalQuery } from "../../src/search/backend.ts";
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
): IndexedAssertion => ({
  assertionId: id,
  conceptId,
  level,
  sourceKind: "employer-record",
  issuer: null,
  // as toIndexedAssertion derives it: the model's trust in the piece's source kind
  trust: trust(extra.sourceKind ?? "employer-record", DEFAULT_SCORING),
  verified: false,
  dateMs: null,
  validUntilMs: null,
  revoked: false,
  ...extra,
});

export const candidate = (id: string, ...assertions: IndexedAssertion[]): IndexedCandidate => ({
  id,
  org: DEFAULT_ORG,
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
  filters: NO_FILTERS,
  nowMs: NOW_MS,
  hardRequired,
});
