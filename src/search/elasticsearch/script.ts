/**
 * One piece of evidence weighed against one requirement, in Painless over a nested skill's doc
 * values: relatedness · trust · recency · P(meets), the strongest piece's value in the evidence
 * model (docs/scoring.md). Run inside each requirement's nested clause with score_mode "max" and
 * weighted by w_r/Σw, the hit's score ranks candidates for retrieval; the exact score, which
 * weighs every piece together, is computed afterwards in TypeScript over the retrieved pool.
 */

import { YEAR_MS } from "../../domain/dates.ts";
import { SourceKind } from "../../domain/schemas.ts";
import type { ScoringConfig } from "../../scoring/config.ts";
import { trust } from "../../scoring/factors.ts";

const PIECE_VALUE = `
def s = params.sims.get(doc['skills.concept'].value);
double rho = 0.0;
if (s != null) { rho = s; }
String kind = doc['skills.sourceKind'].value;
double x;
if (doc['skills.level'].size() == 0) {
  x = params.slope * params.unknownSlopeFactor * (params.assumedLevel - params.minLevel + 0.5);
} else {
  double lvl = doc['skills.level'].value;
  if (kind == 'self-asserted') { lvl = lvl - params.selfInflation; }
  x = params.slope * (lvl - params.minLevel + 0.5);
}
double meets = 1.0 / (1.0 + Math.exp(-x));
double rec = 1.0;
if (params.recencyEnabled) {
  if (doc['skills.dateMs'].size() == 0) { rec = params.unknownDate; }
  else {
    double ageYears = Math.max(0.0, params.now - doc['skills.dateMs'].value) / params.yearMs;
    double stale = Math.max(0.0, ageYears - params.graceYears);
    rec = Math.max(params.floor, Math.pow(0.5, stale / params.halfLife));
  }
}
double v = rho * params.trust.get(kind) * rec * meets;
if (params.directs.contains(doc['skills.concept'].value)) { v = params.directFloor + (1.0 - params.directFloor) * v; }
else { v = params.directFloor * v; }
`;

/** Score source: the weighted value of the strongest piece, w_r/Σw · v. */
export const WEIGHTED_PIECE_SOURCE = `${PIECE_VALUE}\nreturn params.w * v;`;

/** The parameters every clause shares: the model's numbers, as data for the script. */
export function modelParams(config: ScoringConfig, nowMs: number): Record<string, unknown> {
  return {
    slope: config.level.slope,
    unknownSlopeFactor: config.level.unknownSlopeFactor,
    assumedLevel: config.level.assumedLevel,
    selfInflation: config.level.selfInflation,
    trust: Object.fromEntries(SourceKind.options.map((k) => [k, trust(k, config)])),
    recencyEnabled: config.recency.enabled,
    unknownDate: config.recency.unknownDate,
    graceYears: config.recency.graceYears,
    floor: config.recency.floor,
    halfLife: config.recency.halfLifeYears,
    yearMs: YEAR_MS,
    directFloor: config.directFloor,
    now: nowMs,
  };
}
