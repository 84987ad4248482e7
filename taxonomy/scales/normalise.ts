/**
 * Raw proficiency level + what the document says about its scale → canonical 0–5.
 * Named scales are looked up in the table; with no scale named the value itself says which
 * scale applies (a CEFR code, a known word, "3/5", "80%", "5+ years"), and that scale is reported.
 */
import { LerError } from "../../src/domain/errors.ts";
import {
  CEFR,
  LETTER,
  LINKEDIN,
  type OrdinalScale,
  PERCENT,
  type RangeScale,
  SCALE_ALIASES,
  SCALES,
  type Scale,
  WORDS,
  YEARS,
  type YearsScale,
} from "./table.ts";
import type { NormalisedLevel, ScaleHint } from "./types.ts";

const round2 = (n: number): number => Math.round(n * 100) / 100;

const LEADING_PUNCTUATION = /^[\s"'([{.:;-]+/;
/** After whitespace is collapsed to single spaces. */
const TRAILING_PUNCTUATION = new Set([" ", '"', "'", ")", "]", "}", ".", ":", ";"]);

/**
 * Without the punctuation around it. The end is trimmed by hand: a regex anchored only at the
 * end is tried from every character, and a long run of punctuation inside the text is quadratic.
 */
function withoutEdgePunctuation(s: string): string {
  const start = s.match(LEADING_PUNCTUATION)?.[0].length ?? 0;
  let end = s.length;
  while (end > start && TRAILING_PUNCTUATION.has(s[end - 1] ?? "")) end--;
  return s.slice(start, end);
}

/** Lower-case, single spaces, no surrounding punctuation: how raw levels are compared. */
export const levelKey = (s: string): string =>
  withoutEdgePunctuation(
    s
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[\s_]+/g, " "),
  ).trim();

const scaleById = new Map<string, Scale>(SCALES.map((s) => [s.id, s]));

const ordinalIndex = (scale: OrdinalScale): Map<string, number> =>
  new Map(scale.levels.flatMap(([names, canonical]) => names.map((n) => [levelKey(n), canonical] as const)));
const ordinalIndexes = new Map<string, Map<string, number>>(
  SCALES.filter((s): s is OrdinalScale => s.kind === "ordinal").map((s) => [s.id, ordinalIndex(s)]),
);

const unknown = (raw: string | number, why: string): LerError =>
  new LerError("unknown_scale", `Level "${raw}" ${why}`, { details: { value: raw } });

export function findScale(name: string): Scale | undefined {
  const key = levelKey(name);
  return scaleById.get(key) ?? scaleById.get(SCALE_ALIASES[key] ?? "");
}

const NUMBER = /^[-+]?\d+(?:[.,]\d+)?$/;
const toNumber = (raw: string | number): number | null => {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  const s = raw.trim().replace(/%$/, "").trim();
  return NUMBER.test(s) ? Number(s.replace(",", ".")) : null;
};

function applyRange(scale: RangeScale, raw: string | number): number {
  const v = toNumber(raw);
  if (v === null) throw unknown(raw, `is not a number on the ${scale.min}–${scale.max} scale "${scale.id}"`);
  if (v < scale.min || v > scale.max)
    throw unknown(raw, `is outside the stated range ${scale.min}–${scale.max}`);
  return round2(scale.floor + ((5 - scale.floor) * (v - scale.min)) / (scale.max - scale.min));
}

/** From the first digit of a number only, and one whitespace run either side of "+": linear. */
const YEARS_TEXT = /(?<!\d)(\d+(?:[.,]\d+)?)\s*(?:\+\s*)?(years?|yrs?|months?|mos?)\b/i;

/** "5+ years", "18 months", 3 → years as a number; null when the text states no duration. */
export function readYears(raw: string | number): number | null {
  if (typeof raw === "number") return raw >= 0 ? raw : null;
  const direct = toNumber(raw);
  if (direct !== null) return direct >= 0 ? direct : null;
  const m = YEARS_TEXT.exec(raw);
  if (!m?.[1] || !m[2]) return null;
  const n = Number(m[1].replace(",", "."));
  return m[2].toLowerCase().startsWith("m") ? n / 12 : n;
}

export function yearsToCanonical(scale: YearsScale, years: number): number {
  let level = 0;
  for (const [from, canonical] of scale.thresholds) if (years >= from) level = canonical;
  return level;
}

function applyYears(scale: YearsScale, raw: string | number): number {
  const years = readYears(raw);
  if (years === null) throw unknown(raw, "is not a number of years");
  return yearsToCanonical(scale, years);
}

function applyOrdinal(scale: OrdinalScale, raw: string | number): number {
  const hit = ordinalIndexes.get(scale.id)?.get(levelKey(String(raw)));
  if (hit === undefined) throw unknown(raw, `is not a level of the "${scale.id}" scale`);
  return hit;
}

function applyScale(scale: Scale, raw: string | number, hint: ScaleHint | null): number {
  if (scale.kind === "range") {
    const ranged = hint?.min !== undefined && hint.max !== undefined && hint.max > hint.min;
    return applyRange(ranged ? { ...scale, min: hint.min ?? 0, max: hint.max ?? 0 } : scale, raw);
  }
  if (scale.kind === "years") return applyYears(scale, raw);
  return applyOrdinal(scale, raw);
}

/** An ordered rubric: the lowest level is 1, the highest 5, the others evenly between. */
function applyRubric(levels: readonly string[], raw: string | number): number {
  const keys = levels.map(levelKey);
  const i = keys.indexOf(levelKey(String(raw)));
  if (i < 0) throw unknown(raw, `is not one of the rubric's levels (${levels.join(", ")})`);
  return keys.length === 1 ? 5 : round2(1 + (4 * i) / (keys.length - 1));
}

/** A stated min/max range: the bottom of a range starting at 0 means "none", else the lowest level. */
function statedRange(min: number, max: number): RangeScale {
  return { kind: "range", id: "score", min, max, floor: min <= 0 ? 0 : 1 };
}

const FRACTION = /^(\d+(?:[.,]\d+)?)\s*(?:\/|out of|of)\s*(\d+(?:[.,]\d+)?)$/i;
const CEFR_CODE = /\b([abc][12])\b/i;
const INFERABLE_ORDINALS: readonly OrdinalScale[] = [CEFR, LINKEDIN, WORDS, LETTER];

interface Applied {
  level: number;
  scale: string;
}

/** A bare number: 0–5 is already canonical, up to 10 a 1–10 rating, up to 100 a percentage. */
function inferNumber(v: number, raw: string | number): Applied {
  if (v >= 0 && v <= 5) return { level: round2(v), scale: "canonical" };
  if (v > 5 && v <= 10)
    return { level: applyRange(scaleById.get("rating-10") as RangeScale, v), scale: "rating-10" };
  if (v > 10 && v <= 100) return { level: applyRange(PERCENT, v), scale: "percent" };
  throw unknown(raw, "is a number on no known scale; give min and max");
}

/** The longest known word or phrase inside free text ("working knowledge of", "very good command"). */
function wordInside(key: string): number | undefined {
  const words = ordinalIndexes.get(WORDS.id) ?? new Map<string, number>();
  const padded = ` ${key.replace(/[^a-z0-9+-]+/g, " ")} `;
  let best: [string, number] | undefined;
  for (const [w, level] of words)
    if (padded.includes(` ${w} `) && (!best || w.length > best[0].length)) best = [w, level];
  return best?.[1];
}

function infer(raw: string | number): Applied {
  const asNumber = toNumber(raw);
  if (asNumber !== null)
    return typeof raw === "string" && raw.trim().endsWith("%")
      ? { level: applyRange(PERCENT, asNumber), scale: "percent" }
      : inferNumber(asNumber, raw);
  const text = String(raw);
  const key = levelKey(text);
  const fraction = FRACTION.exec(key);
  if (fraction?.[1] && fraction[2]) {
    const max = Number(fraction[2].replace(",", "."));
    if (max > 0) return { level: applyRange(statedRange(0, max), fraction[1]), scale: "fraction" };
  }
  for (const scale of INFERABLE_ORDINALS) {
    const hit = ordinalIndexes.get(scale.id)?.get(key);
    if (hit !== undefined) return { level: hit, scale: scale.id };
  }
  if (YEARS_TEXT.test(text)) return { level: applyYears(YEARS, text), scale: YEARS.id };
  const code = CEFR_CODE.exec(key)?.[1];
  if (code) return { level: applyOrdinal(CEFR, code), scale: CEFR.id };
  const word = wordInside(key);
  if (word !== undefined) return { level: word, scale: WORDS.id };
  throw unknown(raw, "matches no known scale; name the scale or give min and max");
}

function apply(raw: string | number, hint: ScaleHint | null): Applied {
  if (hint?.levels && hint.levels.length > 0)
    return { level: applyRubric(hint.levels, raw), scale: "rubric" };
  if (hint?.scale) {
    const scale = findScale(hint.scale);
    if (!scale) throw unknown(raw, `is on the unknown scale "${hint.scale}"`);
    return { level: applyScale(scale, raw, hint), scale: scale.id };
  }
  if (hint?.min !== undefined && hint.max !== undefined && hint.max > hint.min)
    return { level: applyRange(statedRange(hint.min, hint.max), raw), scale: "score" };
  return infer(raw);
}

export function normaliseLevel(raw: string | number | null, hint: ScaleHint | null): NormalisedLevel {
  if (raw === null || (typeof raw === "string" && raw.trim() === ""))
    return { level: null, scale: null, raw: null };
  if (typeof raw === "number" && !Number.isFinite(raw)) throw unknown(raw, "is not a finite number");
  const { level, scale } = apply(raw, hint);
  return { level, scale, raw: String(raw) };
}
