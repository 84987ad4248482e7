/**
 * Match mode's qualified bonus without a nested join: per concept, the candidate document carries
 * the highest level a non-revoked piece puts the person at (a stated level, or the assumed level
 * when none is stated), so "some live evidence of the skill itself at the minimum" is a range over
 * a few terms rather than a nested query over every piece of the concept.
 *
 * The values are terms of one `keyword` field, `<concept key>|<level>`, the level written
 * fixed-width so that the terms' order is the levels' order: the terms of a concept at or above
 * the minimum are the range from `<key>|<minimum>` to `<key>|~` (no other concept's term sorts
 * between two terms that share the prefix `<key>|`, and a key holds no `|`). Whether a piece has
 * expired depends on now, so, as for the concept values, an expired piece still counts: the bonus
 * can be given to a candidate whose only such piece has expired (never withheld from one who has a
 * live one); re-scoring decides.
 */
import type { IndexedCandidate } from "../../domain/evidence.ts";
import type { ScoringConfig } from "../../scoring/config.ts";
import { levelForEstimate } from "../../scoring/factors.ts";
import { featureKey } from "./concept-values.ts";

type Json = Record<string, unknown>;

export const MET_FIELD = "met";
const SEPARATOR = "|";
/** Above every level written (digits and a point). */
const ABOVE_ANY_LEVEL = "~";
/** The highest level written: canonical levels are 0–5, anything above reads as this. */
const MAX_LEVEL = 999;

/** `003.500000`: fixed width, so string order is numeric order (to a millionth of a level). */
export const levelKeyword = (level: number): string =>
  Math.min(Math.max(level, 0), MAX_LEVEL).toFixed(6).padStart(10, "0");

/** The concept's prefix: featureKey, with the separator escaped too. */
const metKey = (conceptId: string): string => featureKey(conceptId).replace(/\|/g, "%7C") + SEPARATOR;

/** Index time: per concept, `<key>|<level>` for the highest level a non-revoked piece reaches. */
export function metLevels(candidate: IndexedCandidate, config: ScoringConfig): string[] {
  const best = new Map<string, number>();
  for (const a of candidate.assertions) {
    if (a.revoked) continue;
    const level = levelForEstimate(a.level, config);
    best.set(a.conceptId, Math.max(best.get(a.conceptId) ?? Number.NEGATIVE_INFINITY, level));
  }
  return [...best].map(([concept, level]) => metKey(concept) + levelKeyword(level));
}

/** Some concept of `directs` at `min` or above (at any level without a minimum). */
export function metClause(directs: readonly string[], min: number | null): Json {
  const should = directs.map((concept) => ({
    range: {
      [MET_FIELD]: {
        gte: metKey(concept) + levelKeyword(min ?? 0),
        lte: metKey(concept) + ABOVE_ANY_LEVEL,
      },
    },
  }));
  return { bool: { should, minimum_should_match: 1 } };
}
