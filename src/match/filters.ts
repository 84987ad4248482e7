/** Caller options → the retrieval filters both the backend and the scorer apply. */

import { YEAR_MS } from "../domain/dates.ts";
import type { RetrievalFilters } from "../domain/evidence.ts";
import type { MatchOptions } from "../domain/schemas.ts";

export function filtersFrom(options: MatchOptions, nowMs: number): RetrievalFilters {
  return {
    verifiedOnly: options.verifiedOnly,
    practicedSinceMs:
      options.practicedWithinYears === undefined ? null : nowMs - options.practicedWithinYears * YEAR_MS,
  };
}
