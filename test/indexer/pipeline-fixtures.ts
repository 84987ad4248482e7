/** Pipeline test helpers: a small real taxonomy, native documents and a temp store. */
import { buildTaxonomy } from "../../taxonomy/graph.ts";

export const taxonomy = buildTaxonomy([
  { id: "programming", label: "Programming", type: "skill" },
  { id: "python", label: "Python", aliases: ["py"], type: "skill", broader: ["programming"] },
  { id: "rust", label: "Rust", type: "skill", broader: ["programming"] },
  { id: "sql", label: "SQL", type: "skill" },
  { id: "welding", label: "Welding", type: "skill", escoUri: "http://data.europa.eu/esco/skill/welding-1" },
]);

export interface NativeSkill {
  skill: string;
  conceptId?: string;
  level?: string | number | null;
  scale?: string;
  min?: number;
  max?: number;
  lastPracticedAt?: string;
  validUntil?: string;
}

export function nativeDoc(
  personId: string,
  assertions: NativeSkill[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    format: "ler-match/v1",
    person: { id: personId, name: `Person ${personId}` },
    issuer: "Acme",
    issuedAt: "2024-02-01",
    sourceKind: "employer-record",
    assertions,
    ...extra,
  };
}
