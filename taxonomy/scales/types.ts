/** What a document says about the scale of a raw level, and what normalisation returns. */
export interface ScaleHint {
  /** A scale id from the scale table ("cefr", "sfia", "onet-level", "dreyfus", "percent", "words"…). */
  scale?: string;
  /** For numeric levels with a stated range. */
  min?: number;
  max?: number;
  /** An ordered list of level names, lowest first (an Open Badges rubric, a framework's levels). */
  levels?: string[];
}

export interface NormalisedLevel {
  /** Canonical 0–5, or null when the document states no level. */
  level: number | null;
  /** The scale id that was applied (or inferred), null when no level was stated. */
  scale: string | null;
  raw: string | null;
}
