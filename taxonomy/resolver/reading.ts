/**
 * What a context says, read once however many names it settles: a job description settles each of
 * its ambiguous mentions against the same whole text, so the text is scanned once, not per mention.
 */
export interface ContextReading {
  /** concept id → the phrases (trimmed, lower case) that name it unambiguously in the context */
  concepts: Map<string, Set<string>>;
  /** content stems of the context */
  stems: Set<string>;
  /** name and candidate → contextScore: a text repeats its names */
  scores: Map<string, number>;
}

export const emptyReading = (): ContextReading => ({
  concepts: new Map(),
  stems: new Set(),
  scores: new Map(),
});
