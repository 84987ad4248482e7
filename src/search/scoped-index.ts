/**
 * An index as one organisation asks it: every retrieval and population count carries the
 * organisation as a retrieval filter, which each backend applies inside its own walk or query (the
 * embedded index skips other organisations' postings, Elasticsearch adds a `term` filter). Writes
 * pass through: the store's outbox feeds every organisation's people to the one index.
 */
import type { PopulationQuery, PopulationSets } from "../analysis/population.ts";
import { hasPopulationSets } from "../analysis/population.ts";
import type { Requirement } from "../domain/schemas.ts";
import type { CandidateIndex, RetrievalQuery } from "./backend.ts";

const withOrg = <Q extends { filters: RetrievalQuery["filters"] }>(q: Q, org: string): Q => ({
  ...q,
  filters: { ...q.filters, org },
});

export function scopeIndex(index: CandidateIndex, org: string): CandidateIndex {
  const scoped: CandidateIndex = {
    name: index.name,
    candidatePool: index.candidatePool,
    upsert: (batch) => index.upsert(batch),
    remove: (ids) => index.remove(ids),
    retrieve: (q, k) => index.retrieve(withOrg(q, org), k),
    ...(index.retrievePage && {
      retrievePage: (q: RetrievalQuery, k: number, pool: number) =>
        index.retrievePage!(withOrg(q, org), k, pool),
    }),
    async health() {
      // the backend's own detail and count describe every organisation's people
      const { backend, state, documents } = await index.health();
      return { backend, state, documents };
    },
    close: () => index.close(),
  };
  if (!hasPopulationSets(index)) return scoped;
  const sets: PopulationSets = {
    population: () => index.population(org),
    metSets: (req: Requirement, minimums: readonly (number | null)[], q: PopulationQuery) =>
      index.metSets(req, minimums, withOrg(q, org)),
    idOf: (ordinal) => index.idOf(ordinal),
    ordinalOf: (candidateId) => index.ordinalOf(candidateId),
  };
  return Object.assign(scoped, sets);
}
