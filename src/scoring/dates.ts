/**
 * Dates moved to src/domain (issue #15); this keeps src/search/elasticsearch compiling while that
 * folder is rewritten in parallel. Import from src/domain/dates.ts, and delete this file once
 * nothing imports it.
 */
export { DAY_MS, evidenceDate, parseIsoDateMs, YEAR_MS } from "../domain/dates.ts";
