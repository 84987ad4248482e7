/**
 * How a latent proficiency (canonical 0–5, a real number) shows up in a document: on one of the
 * scales people and issuers actually use, with the noise and bias of the source, and with the
 * skill written the way people write it (labels, aliases, lower case, typos).
 */
import type { Rng } from "./random.ts";

/** What an assertion says about its level, in the native format's fields. */
export interface ObservedLevel {
  level?: string | number;
  scale?: string;
  min?: number;
  max?: number;
  levels?: string[];
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const step = (c: number, count: number) => clamp(Math.round((c / 5) * count), 1, count);

const DREYFUS = ["novice", "advanced beginner", "competent", "proficient", "expert"];
const WORDS = ["beginner", "basic", "intermediate", "advanced", "expert"];
const OB_RUBRIC = ["Foundational", "Developing", "Proficient", "Advanced", "Exemplary"];
const CEFR = ["A1", "A2", "B1", "B2", "C1", "C2"];

/** A scale as data: its id and how a canonical level is written on it. */
export interface ScaleWriter {
  id: string;
  write(canonical: number): ObservedLevel;
}

export const SCALE_WRITERS: Record<string, ScaleWriter> = {
  "rating-5": { id: "rating-5", write: (c) => ({ level: clamp(Math.round(c), 1, 5), min: 1, max: 5 }) },
  "rating-10": {
    id: "rating-10",
    write: (c) => ({ level: clamp(Math.round(c * 2), 1, 10), min: 1, max: 10 }),
  },
  percent: {
    id: "percent",
    write: (c) => ({ level: `${clamp(Math.round(c * 20), 5, 100)}%`, scale: "percent" }),
  },
  dreyfus: { id: "dreyfus", write: (c) => ({ level: DREYFUS[step(c, 5) - 1], scale: "dreyfus" }) },
  words: { id: "words", write: (c) => ({ level: WORDS[step(c, 5) - 1], scale: "words" }) },
  years: {
    id: "years",
    // 1 ≈ under a year … 5 ≈ a decade: roughly how years of practice track proficiency
    write: (c) => {
      const years = clamp(Math.round(Math.max(0, c - 0.8) ** 1.6), 1, 15);
      return { level: years === 1 ? "1 year" : `${years} years`, scale: "years" };
    },
  },
  "ob-rubric": {
    id: "ob-rubric",
    write: (c) => ({ level: OB_RUBRIC[step(c, 5) - 1], levels: [...OB_RUBRIC] }),
  },
  cefr: { id: "cefr", write: (c) => ({ level: CEFR[step(c, 6) - 1], scale: "cefr" }) },
};

/** A source's habits: how far it inflates, how noisy it is, how often it omits the level, its scales. */
export interface SourceProfile {
  bias: number;
  noise: number;
  missingLevel: number;
  scales: readonly (readonly [string, number])[];
}

export const SOURCE_PROFILES = {
  "self-asserted": {
    bias: 0.7,
    noise: 0.9,
    missingLevel: 0.3,
    scales: [
      ["words", 4],
      ["rating-10", 2],
      ["rating-5", 2],
      ["years", 2],
      ["dreyfus", 1],
    ],
  },
  "employer-record": {
    bias: 0.2,
    noise: 0.5,
    missingLevel: 0.2,
    scales: [
      ["years", 3],
      ["dreyfus", 2],
      ["rating-5", 2],
    ],
  },
  "issued-credential": {
    bias: 0,
    noise: 0.35,
    missingLevel: 0.15,
    scales: [
      ["ob-rubric", 3],
      ["percent", 1],
      ["words", 1],
    ],
  },
  "verified-credential": {
    bias: 0,
    noise: 0.3,
    missingLevel: 0.1,
    scales: [
      ["ob-rubric", 3],
      ["percent", 1],
    ],
  },
  assessment: { bias: 0, noise: 0.4, missingLevel: 0, scales: [["percent", 1]] },
} as const satisfies Record<string, SourceProfile>;

export type GeneratedSourceKind = keyof typeof SOURCE_PROFILES;

/** The level a source reports for a latent proficiency, or {} when it states none. */
export function observeLevel(
  latent: number,
  profile: SourceProfile,
  isLanguage: boolean,
  rng: Rng,
): ObservedLevel {
  if (rng.chance(profile.missingLevel)) return {};
  const seen = clamp(latent + profile.bias + rng.normal(0, profile.noise), 0.5, 5);
  const scaleId = isLanguage ? "cefr" : rng.weighted(profile.scales);
  const writer = SCALE_WRITERS[scaleId];
  if (!writer) throw new RangeError(`no scale writer for ${scaleId}`);
  return writer.write(seen);
}

/** A plausible typo: a dropped or doubled letter, or two neighbours swapped. */
export function misspell(text: string, rng: Rng): string {
  if (text.length < 6) return text;
  const i = rng.int(1, text.length - 3);
  const kind = rng.int(0, 2);
  if (kind === 0) return text.slice(0, i) + text.slice(i + 1);
  if (kind === 1) return text.slice(0, i) + text.charAt(i) + text.slice(i);
  return text.slice(0, i) + text.charAt(i + 1) + text.charAt(i) + text.slice(i + 2);
}

/** The skill as a person writes it: mostly the label, often an alias, sometimes lower case or a typo. */
export function writeSkill(label: string, aliases: readonly string[], rng: Rng, typoRate: number): string {
  const base = aliases.length > 0 && rng.chance(0.3) ? rng.pick(aliases) : label;
  const cased = rng.chance(0.15) ? base.toLowerCase() : base;
  return rng.chance(typoRate) ? misspell(cased, rng) : cased;
}
