import type { JdEducation } from "./education.ts";

/** What understanding a pasted job description returns (issue: taxonomy and JD understanding). */
export interface JdRequirement {
  conceptId: string;
  label: string;
  /** the phrase as written and its character offsets in the text */
  phrase: string;
  start: number;
  end: number;
  required: boolean;
  minLevel: number | null;
  weight: number;
  /** 0…1 */
  confidence: number;
  /** added from the job title's occupation profile rather than found in the text */
  inferred: boolean;
  /**
   * "Spark or Kafka", "one of Python, Java": the other skills named as alternatives to this one; the
   * requirement is met by any one of them (Requirement.alternatives). Absent: this skill alone.
   */
  alternatives?: JdAlternative[];
}

/** A skill named as an alternative to a requirement's own, where the text names it. */
export interface JdAlternative {
  conceptId: string;
  label: string;
  phrase: string;
  start: number;
  end: number;
}

export interface JobDescriptionParse {
  title: string | null;
  occupation: { id: string; label: string; uri?: string } | null;
  requirements: JdRequirement[];
  /** degrees the text asks for (level, field, "or equivalent"), read apart from the skills */
  education: JdEducation[];
  /** phrases that looked like skills but did not resolve */
  unresolved: { phrase: string; start: number; end: number }[];
  /** what the parse had to correct, with a stable code (e.g. too many required skills) */
  warnings: JdWarning[];
}

export interface JdWarning {
  code: "too_many_required";
  message: string;
  /** concept ids demoted from required to preferred */
  demoted: string[];
}
