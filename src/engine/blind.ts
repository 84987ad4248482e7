/**
 * Blind results from the engine, and the way back from a pseudonym to the person for the explain
 * view: the store's ids, hashed once and kept until the store holds a different number of people.
 */
import type { MatchResult } from "../domain/match.ts";
import { BLIND_PREFIX, blindResult, pseudonymFor } from "../match/blind.ts";
import type { Store } from "../store/types.ts";

export function createBlinding(store: Store) {
  let byPseudonym = new Map<string, string>();
  let builtFor = -1;
  return {
    blind: (results: readonly MatchResult[]) =>
      results.map((r) => blindResult(r, store.getCandidate(r.candidateId))),
    /** The candidate id behind a pseudonym; any other id as it is. */
    resolve(candidateId: string): string {
      if (!candidateId.startsWith(BLIND_PREFIX)) return candidateId;
      const people = store.stats().candidates;
      if (builtFor !== people || !byPseudonym.has(candidateId)) {
        byPseudonym = new Map(store.candidateIds().map((id) => [pseudonymFor(id).id, id]));
        builtFor = people;
      }
      return byPseudonym.get(candidateId) ?? candidateId;
    },
  };
}
