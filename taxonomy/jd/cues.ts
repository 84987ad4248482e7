/**
 * The words a job description uses to say how much, and how firmly, a skill is wanted. Data,
 * checked in order: the first pattern that matches wins.
 */

export type SectionKind = "required" | "preferred" | "neutral" | "skip";

/** Section headings → what the skills under them are. Preferred is checked first ("preferred qualifications"). */
export const SECTION_CUES: readonly (readonly [RegExp, SectionKind])[] = [
  [
    /\b(prefer|nice[\s-]to[\s-]haves?|bonus|plus|desir|ideal|additional|good[\s-]to[\s-]have|optional|extra credit)/i,
    "preferred",
  ],
  [
    /\b(requir|must|minimum|basic qualifications|essential|what you('ll| will)? need|qualifications|who you are|you have|skills|experience|competenc|requirements|knowledge|we('re| are) looking for|you('ll| will)? bring|your (profile|background)|about you\b)/i,
    "required",
  ],
  [
    /\b(benefit|perks|we offer|what we offer|compensation|salary|pay\b|about (us|the company)|equal opportunity|eeo|how to apply|location|schedule)/i,
    "skip",
  ],
  [
    /\b(responsib|duties|what you('ll| will) do|the role|role overview|summary|overview|about the (role|job|position)|day[\s-]to[\s-]day)/i,
    "neutral",
  ],
];

/** Headings too long to pass for one by length alone, whatever line they stand on. */
export const LONG_HEADINGS = /^(what we('re| are) looking for|what you('ll| will) bring)$/i;

/** Cue words inside a sentence override its section. */
export const PREFERRED_CUE =
  /\b(nice[\s-]to[\s-]have|is a plus|are a plus|a plus|bonus|preferred|preferably|desirable|ideally|would be (great|nice|an advantage)|an advantage|helpful|optional)\b/i;
export const REQUIRED_CUE =
  /\b(must|required|requires|require|minimum|mandatory|essential|need to have|you will need)\b/i;

/** Level cues, nearest before the skill wins; values on canonical 0–5. */
export const LEVEL_CUES: readonly (readonly [RegExp, number])[] = [
  [/\b(expert|expertise|mastery|master|authority|guru)\b/gi, 5],
  [/\b(advanced|strong|deep|extensive|excellent|in[\s-]depth|thorough|expert-level|senior-level)\b/gi, 4],
  [
    /\b(proficient|proficiency|solid|hands[\s-]on|practical|good|demonstrated|proven|working experience)\b/gi,
    3,
  ],
  [/\b(working knowledge|basic|fundamental|some experience|general knowledge)\b/gi, 2],
  [/\b(familiarity|familiar|exposure|awareness|aware|introductory|understanding)\b/gi, 1],
];

/**
 * "5+ years", "3-5 years", "two years" of experience. Each whitespace run is followed by something
 * that is not whitespace ("+", "-", "to", "years"), so no two quantifiers compete for the same
 * spaces: "1" and 3,000 spaces is one pass, not a cubic search.
 */
export const YEARS_CUE =
  /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:(?:\+|-\s*\d+|to\s*\d+)\s*)?(?:\+\s*)?(?:years?|yrs?)\b/gi;
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

export const WEIGHTS = { required: 2, preferred: 1, inferred: 1 } as const;

/**
 * More required skills than this from one posting is a parsing failure, not a position: nobody
 * screens on twenty hurdles. Past it, skills inferred from the title become preferred first, then
 * the least certain written ones; the parse says so in `warnings`.
 */
export const MAX_REQUIRED = 10;

/**
 * Verbs that open a duty ("Build and run pipelines", "Design APIs"), never a skill's name: a list
 * item starting with one is a task, so it is not reported as an unresolved skill.
 */
export const GENERIC_VERBS: ReadonlySet<string> = new Set([
  "build",
  "create",
  "deliver",
  "design",
  "develop",
  "drive",
  "help",
  "implement",
  "improve",
  "lead",
  "maintain",
  "make",
  "manage",
  "model",
  "own",
  "partner",
  "run",
  "ship",
  "support",
  "work",
  "write",
]);

/** Confidence multipliers: a skill under a neutral heading (duties) is less surely a requirement. */
export const SECTION_CONFIDENCE: Readonly<Record<SectionKind, number>> = {
  required: 1,
  preferred: 1,
  neutral: 0.8,
  skip: 0,
};
export const INFERRED_CONFIDENCE = 0.5;
