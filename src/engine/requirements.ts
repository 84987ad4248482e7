/**
 * A position as a caller writes it → requirements on known concepts. Text resolves through the
 * taxonomy; what does not resolve is returned, never guessed.
 */

import type { JobDescriptionParse } from "../../taxonomy/jd/types.ts";
import type { Taxonomy } from "../../taxonomy/model.ts";
import { fromZod, LerError } from "../domain/errors.ts";
import { POSITION_LIMITS, PositionInput, type Requirement } from "../domain/schemas.ts";

export interface ResolvedPosition {
  title: string | null;
  requirements: Requirement[];
  unresolved: string[];
}

export function resolvePosition(input: PositionInput, taxonomy: Taxonomy): ResolvedPosition {
  const parsed = PositionInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error, "position");
  const position = parsed.data;
  const byConcept = new Map<string, Requirement>();
  const unresolved: string[] = [];
  for (const r of position.requirements) {
    const concept = taxonomy.get(r.concept) ?? firstResolution(r.concept, taxonomy, position);
    if (!concept) {
      unresolved.push(r.concept);
      continue;
    }
    const previous = byConcept.get(concept.id);
    byConcept.set(concept.id, {
      conceptId: concept.id,
      label: concept.label,
      minLevel: maxNullable(previous?.minLevel ?? null, r.minLevel ?? null),
      weight: Math.max(previous?.weight ?? 0, r.weight),
      required: (previous?.required ?? false) || r.required,
    });
  }
  return { title: position.title ?? null, requirements: [...byConcept.values()], unresolved };
}

function firstResolution(text: string, taxonomy: Taxonomy, position: PositionInput) {
  const context = position.requirements.map((r) => r.concept).join(", ");
  const best = taxonomy.resolve(text, { context, limit: 1 })[0];
  return best ? taxonomy.get(best.conceptId) : undefined;
}

const maxNullable = (a: number | null, b: number | null) =>
  a === null ? b : b === null ? a : Math.max(a, b);

/** The requirements understood from a job description, as a position to match. */
export function positionFromJd(parse: JobDescriptionParse): PositionInput {
  if (parse.requirements.length === 0)
    throw new LerError("unknown_concept", "no skill in the job description resolved to the taxonomy", {
      details: { unresolved: parse.unresolved },
    });
  const limit = POSITION_LIMITS.requirements;
  if (parse.requirements.length > limit)
    throw new LerError(
      "too_many_requirements",
      `the job description names ${parse.requirements.length} skills; a match takes at most ${limit}. ` +
        "Shorten it to the skills that matter, or send them as requirements",
      { details: { requirements: parse.requirements.length, limit } },
    );
  return {
    ...(parse.title ? { title: parse.title } : {}),
    // Skills inferred from the job title are suggestions: they rank, they never disqualify.
    requirements: parse.requirements.map((r) => ({
      concept: r.conceptId,
      minLevel: r.minLevel,
      weight: r.weight,
      required: r.required && !r.inferred,
    })),
  };
}
