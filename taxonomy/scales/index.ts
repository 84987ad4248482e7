export { findScale, levelKey, normaliseLevel, readYears, yearsToCanonical } from "./normalise.ts";
export { SCALE_ALIASES, SCALES, type Scale } from "./table.ts";
export type { NormalisedLevel, ScaleHint } from "./types.ts";
