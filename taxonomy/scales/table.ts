/**
 * The proficiency scales ler-match knows, as data. Each maps a raw level onto canonical 0–5
 * (DESIGN.md "Canonical proficiency": 1 awareness, 2 working, 3 practitioner, 4 advanced, 5 expert).
 * Ordinal scales list their levels lowest first; several raw spellings may share a canonical value.
 */

/** An ordered list of raw levels, lowest first; each entry is [raw spellings, canonical]. */
export interface OrdinalScale {
  kind: "ordinal";
  id: string;
  levels: readonly (readonly [readonly string[], number])[];
  /** May be guessed from a bare value when no scale is named. */
  inferable: boolean;
}

/** A numeric range mapped linearly onto canonical [floor, 5]. */
export interface RangeScale {
  kind: "range";
  id: string;
  min: number;
  max: number;
  /** 0 when the bottom of the range means "none" (percentages), 1 when it means the lowest level. */
  floor: number;
}

/** Years of experience → canonical, by lower bounds (ascending). */
export interface YearsScale {
  kind: "years";
  id: string;
  thresholds: readonly (readonly [number, number])[];
}

export type Scale = OrdinalScale | RangeScale | YearsScale;

const ordinal = (id: string, levels: OrdinalScale["levels"], inferable = false): OrdinalScale => ({
  kind: "ordinal",
  id,
  levels,
  inferable,
});

export const DREYFUS = ordinal("dreyfus", [
  [["novice"], 1],
  [["advanced beginner"], 2],
  [["competent"], 3],
  [["proficient"], 4],
  [["expert"], 5],
]);

/** SFIA levels of responsibility 1–7; 4 "enable" already guides others, 6–7 set practice. */
export const SFIA = ordinal("sfia", [
  [["1", "follow", "level 1"], 1],
  [["2", "assist", "level 2"], 2],
  [["3", "apply", "level 3"], 3],
  [["4", "enable", "level 4"], 4],
  [["5", "ensure, advise", "ensure advise", "ensure", "advise", "level 5"], 4],
  [["6", "initiate, influence", "initiate influence", "initiate", "influence", "level 6"], 5],
  [["7", "set strategy, inspire, mobilise", "set strategy", "level 7"], 5],
]);

export const CEFR = ordinal(
  "cefr",
  [
    [["a1", "breakthrough"], 1],
    [["a2", "waystage"], 2],
    [["b1", "threshold"], 3],
    [["b2", "vantage"], 3.5],
    [["c1", "effective operational proficiency"], 4],
    [["c2", "mastery"], 5],
    [["native", "mother tongue", "native speaker"], 5],
  ],
  true,
);

/**
 * O*NET "Level" (LV) scale 0–7. Its anchors sit at 2 (low: "understand a television commercial"),
 * 4 (medium: "understand an apartment lease") and 6 (high: "understand a lecture on advanced physics").
 */
export const ONET_LEVEL = ordinal(
  "onet-level",
  // the canonical level of O*NET level 0, 1, … 7
  [0, 1, 1, 2, 3, 4, 5, 5].map((canonical, level) => [[String(level)], canonical] as const),
);

/** NIH competency proficiency scale 1–5. */
export const NIH = ordinal("nih", [
  [["1", "fundamental awareness"], 1],
  [["2", "novice"], 2],
  [["3", "intermediate"], 3],
  [["4", "advanced"], 4],
  [["5", "expert"], 5],
]);

/** DoD / OPM basic–intermediate–advanced–expert proficiency (also used by NICE work roles). */
export const DOD = ordinal("dod", [
  [["basic", "entry"], 2],
  [["intermediate"], 3],
  [["advanced"], 4],
  [["expert"], 5],
]);

/** Interagency Language Roundtable 0–5 with "plus" levels. */
export const ILR = ordinal("ilr", [
  [["0", "no proficiency"], 0],
  [["0+", "memorized proficiency"], 0.5],
  [["1", "elementary proficiency"], 1],
  [["1+"], 1.5],
  [["2", "limited working proficiency"], 2],
  [["2+"], 2.5],
  [["3", "general professional proficiency"], 3],
  [["3+"], 3.5],
  [["4", "advanced professional proficiency"], 4],
  [["4+"], 4.5],
  [["5", "functionally native proficiency"], 5],
]);

/** LinkedIn-style language proficiencies. */
export const LINKEDIN = ordinal(
  "linkedin",
  [
    [["elementary proficiency"], 1],
    [["limited working proficiency"], 2],
    [["professional working proficiency"], 3],
    [["full professional proficiency"], 4],
    [["native or bilingual proficiency", "native or bilingual"], 5],
  ],
  true,
);

/** Letter grades, lowest first. */
export const LETTER = ordinal(
  "letter",
  [
    [["f", "e"], 0],
    [["d-"], 1],
    [["d"], 1],
    [["d+"], 1.5],
    [["c-"], 2],
    [["c"], 2],
    [["c+"], 2.5],
    [["b-"], 3],
    [["b"], 3.5],
    [["b+"], 4],
    [["a-"], 4.5],
    [["a"], 5],
    [["a+"], 5],
  ],
  true,
);

/** The words people write next to a skill, lowest first. */
export const WORDS = ordinal(
  "words",
  [
    [["none", "no knowledge", "no experience"], 0],
    [
      [
        "awareness",
        "aware",
        "fundamental awareness",
        "novice",
        "beginner",
        "elementary",
        "familiar",
        "familiarity",
        "exposure",
        "limited",
        "learning",
        "entry",
        "entry level",
        "introductory",
      ],
      1,
    ],
    [
      [
        "basic",
        "basics",
        "working knowledge",
        "working",
        "advanced beginner",
        "conversational",
        "junior",
        "fair",
        "some experience",
        "moderate",
      ],
      2,
    ],
    [
      [
        "intermediate",
        "competent",
        "proficient",
        "proficiency",
        "good",
        "solid",
        "hands-on",
        "hands on",
        "practitioner",
        "professional",
        "capable",
        "independent",
        "skilled",
        "experienced",
        "mid",
        "mid-level",
      ],
      3,
    ],
    [
      [
        "advanced",
        "strong",
        "very good",
        "fluent",
        "fluency",
        "senior",
        "deep",
        "excellent",
        "highly proficient",
        "upper intermediate",
        "highly skilled",
        "bilingual",
      ],
      4,
    ],
    [
      [
        "expert",
        "expertise",
        "master",
        "mastery",
        "native",
        "authority",
        "guru",
        "world class",
        "specialist",
      ],
      5,
    ],
  ],
  true,
);

export const CANONICAL = ordinal("canonical", [
  [["0"], 0],
  [["1", "awareness"], 1],
  [["2", "working"], 2],
  [["3", "practitioner"], 3],
  [["4", "advanced"], 4],
  [["5", "expert"], 5],
]);

export const RATING_5: RangeScale = { kind: "range", id: "rating-5", min: 1, max: 5, floor: 1 };
export const RATING_10: RangeScale = { kind: "range", id: "rating-10", min: 1, max: 10, floor: 1 };
export const PERCENT: RangeScale = { kind: "range", id: "percent", min: 0, max: 100, floor: 0 };

/** Under a year is awareness; 1–2 working; 3–4 practitioner; 5–7 advanced; 8+ expert. */
export const YEARS: YearsScale = {
  kind: "years",
  id: "years",
  thresholds: [
    [0, 1],
    [1, 2],
    [3, 3],
    [5, 4],
    [8, 5],
  ],
};

export const SCALES: readonly Scale[] = [
  DREYFUS,
  SFIA,
  CEFR,
  ONET_LEVEL,
  NIH,
  DOD,
  ILR,
  LINKEDIN,
  LETTER,
  WORDS,
  CANONICAL,
  RATING_5,
  RATING_10,
  PERCENT,
  YEARS,
];

/** Other names documents use for the same scales. */
export const SCALE_ALIASES: Readonly<Record<string, string>> = {
  benner: "dreyfus",
  "dreyfus-benner": "dreyfus",
  "o*net": "onet-level",
  onet: "onet-level",
  "onet-lv": "onet-level",
  lv: "onet-level",
  "nih-proficiency": "nih",
  opm: "dod",
  nice: "dod",
  "1-5": "rating-5",
  "1–5": "rating-5",
  rating: "rating-5",
  stars: "rating-5",
  likert: "rating-5",
  "1-10": "rating-10",
  "1–10": "rating-10",
  percentage: "percent",
  "%": "percent",
  grade: "letter",
  "letter-grade": "letter",
  word: "words",
  text: "words",
  language: "linkedin",
  "linkedin-language": "linkedin",
  "years-of-experience": "years",
  yoe: "years",
  experience: "years",
  "ler-match": "canonical",
  "0-5": "canonical",
};
