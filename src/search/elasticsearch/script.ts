/**
 * One assertion's match for one requirement, m = sim · fit · trust · recency (DESIGN.md "The
 * scoring contract"), in Painless over a nested skill's doc values. Run inside each requirement's
 * nested clause with score_mode "max", it gives m_r; weighted by w_r/Σw and summed by the bool,
 * the hit's score estimates S. The exact score is still computed afterwards, in TypeScript.
 */

import { SourceKind } from "../../domain/schemas.ts";
import type { ScoringConfig } from "../../scoring/config.ts";
import { YEAR_MS } from "../../scoring/dates.ts";
import { trust } from "../../scoring/factors.ts";

const MATCH_VALUE = `
def s = params.sims.get(doc['skills.concept'].value);
double sim = 0.0;
if (s != null) { sim = s; }
double fit = 1.0;
if (params.fitEnabled) {
  if (doc['skills.level'].size() == 0) { fit = params.unknownLevel; }
  else {
    double lvl = doc['skills.level'].value;
    if (params.minLevel < 0) { fit = Math.min(1.0, Math.max(0.0, params.base + params.perLevel * lvl)); }
    else if (lvl >= params.minLevel) { fit = 1.0; }
    else { fit = Math.pow(lvl / params.minLevel, params.exponent); }
  }
}
double trust = params.trust.get(doc['skills.sourceKind'].value);
double rec = 1.0;
if (params.recencyEnabled) {
  if (doc['skills.dateMs'].size() == 0) { rec = params.unknownDate; }
  else {
    double ageYears = Math.max(0.0, params.now - doc['skills.dateMs'].value) / params.yearMs;
    rec = Math.max(params.floor, Math.pow(0.5, ageYears / params.halfLife));
  }
}
double m = sim * fit * trust * rec;
`;

/** Score source: the weighted match, w_r/Σw · m. */
export const WEIGHTED_MATCH_SOURCE = `${MATCH_VALUE}\nreturn params.w * m;`;
/** Filter source: the assertion alone carries the requirement (m ≥ threshold). */
export const MEETS_THRESHOLD_SOURCE = `${MATCH_VALUE}\nreturn m >= params.threshold;`;

/** The parameters every clause shares: the model's numbers, as data for the script. */
export function modelParams(config: ScoringConfig, nowMs: number): Record<string, unknown> {
  return {
    fitEnabled: config.fit.enabled,
    unknownLevel: config.fit.unknownLevel,
    base: config.fit.base,
    perLevel: config.fit.perLevel,
    exponent: config.fit.exponent,
    trust: Object.fromEntries(SourceKind.options.map((k) => [k, trust(k, config)])),
    recencyEnabled: config.recency.enabled,
    unknownDate: config.recency.unknownDate,
    floor: config.recency.floor,
    halfLife: config.recency.halfLifeYears,
    yearMs: YEAR_MS,
    now: nowMs,
  };
}
