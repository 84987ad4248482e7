/**
 * The index design: one document per candidate, each assertion a `nested` skill so a clause
 * matches within one assertion ("python 5 + excel 1" never satisfies "excel ≥ 4"). Strict, so a
 * document the code did not mean to write is rejected rather than silently mapped.
 */
import type { Taxonomy } from "../../../taxonomy/model.ts";
import type { IndexedCandidate } from "../../domain/evidence.ts";
import type { ScoringConfig } from "../../scoring/config.ts";
import { CONCEPT_VALUES_MAPPING, type ConceptValues, conceptValues } from "./concept-values.ts";
import { levelFeature } from "./features.ts";
import { MET_FIELD, metLevels } from "./met-levels.ts";

/**
 * v2: `levelFeature`, so the first stage needs no script. v3: `org`, each person's organisation.
 * v4: `concepts`, each concept's strongest-piece values, so the first stage needs no nested join.
 * v5: `met`, each concept's highest level, so match mode's qualified bonus needs none either.
 */
export const MAPPING_VERSION = "v5";

export const CANDIDATE_MAPPING = {
  dynamic: "strict",
  // the concept values are derived from the skills: indexed, not kept in _source (disk, fetch)
  _source: { excludes: ["concepts", MET_FIELD] },
  properties: {
    id: { type: "keyword" },
    /** the person's organisation: every query filters on it */
    org: { type: "keyword" },
    /** per concept, the strongest piece's query-independent value (concept-values.ts) */
    concepts: CONCEPT_VALUES_MAPPING,
    /** per concept, the highest level a non-revoked piece reaches (met-levels.ts) */
    [MET_FIELD]: { type: "keyword" },
    /** every assertion: for the filters that pick pieces, and for the script first stage */
    skills: {
      type: "nested",
      dynamic: "strict",
      properties: {
        assertionId: { type: "keyword", index: false },
        concept: { type: "keyword" },
        /** transitive broader concepts, so "concept or narrower" is one term query */
        ancestors: { type: "keyword" },
        /** canonical 0–5; double so the estimate computes fit on the exact level */
        level: { type: "double" },
        /** e^(slope · level as read), for P(meets) as a rank_feature saturation (features.ts) */
        levelFeature: { type: "rank_feature" },
        trust: { type: "float" },
        sourceKind: { type: "keyword" },
        verified: { type: "boolean" },
        dateMs: { type: "long" },
        validUntilMs: { type: "long" },
        revoked: { type: "boolean" },
      },
    },
  },
} as const;

export interface SkillDocument {
  assertionId: string;
  concept: string;
  ancestors: string[];
  level: number | null;
  levelFeature?: number;
  trust: number;
  sourceKind: string;
  verified: boolean;
  dateMs: number | null;
  validUntilMs: number | null;
  revoked: boolean;
}

export interface CandidateDocument {
  id: string;
  org: string;
  concepts: ConceptValues;
  met: string[];
  skills: SkillDocument[];
}

export function candidateDocument(
  candidate: IndexedCandidate,
  taxonomy: Taxonomy,
  config: ScoringConfig,
): CandidateDocument {
  return {
    id: candidate.id,
    org: candidate.org,
    concepts: conceptValues(candidate, config),
    met: metLevels(candidate, config),
    skills: candidate.assertions.map((a) => ({
      assertionId: a.assertionId,
      concept: a.conceptId,
      ancestors: taxonomy.ancestors(a.conceptId),
      level: a.level,
      levelFeature: levelFeature(a.level, a.sourceKind, config),
      trust: a.trust,
      sourceKind: a.sourceKind,
      verified: a.verified,
      dateMs: a.dateMs,
      validUntilMs: a.validUntilMs,
      revoked: a.revoked,
    })),
  };
}

/**
 * The scoring numbers the documents were computed with (the level feature, the concept values):
 * an index built with other numbers is outdated, and rebuilt at open like an older mapping.
 */
export function scoringFingerprint(config: ScoringConfig): string {
  const { level, recency, trust, trustEnabled } = config;
  return JSON.stringify({ level, recency, trust, trustEnabled });
}

/** Whether `index` was built with this mapping version (versionedIndexName carries it). */
export const isCurrentMapping = (prefix: string, index: string): boolean =>
  index.startsWith(`${prefix}-${MAPPING_VERSION}-`);

/** `<prefix>-<mapping version>-<yyyymmddhhmmssSSS>`: sortable, and unique per build. */
export function versionedIndexName(prefix: string, nowMs: number): string {
  const stamp = new Date(nowMs).toISOString().replace(/[-:TZ.]/g, "");
  return `${prefix}-${MAPPING_VERSION}-${stamp}`;
}
