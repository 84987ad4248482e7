/**
 * A position as a caller writes it → requirements on known concepts. Text resolves through the
 * taxonomy; what does not resolve is returned, never guessed.
 */

import type { JdRequirement, JobDescriptionParse } from "../../taxonomy/jd/types.ts";
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
    if (concept) merge(byConcept, { ...r, conceptId: concept.id, label: concept.label });
    else unresolved.push(r.concept);
  }
  return { title: position.title ?? null, requirements: [...byConcept.values()], unresolved };
}

/** Two requirements on one concept are one: the higher minimum, the larger weight, required if either is. */
function merge(
  byConcept: Map<string, Requirement>,
  r: { conceptId: string; label: string; minLevel?: number | null; weight: number; required: boolean },
): void {
  const previous = byConcept.get(r.conceptId);
  byConcept.set(r.conceptId, {
    conceptId: r.conceptId,
    label: r.label,
    minLevel: maxNullable(previous?.minLevel ?? null, r.minLevel ?? null),
    weight: Math.max(previous?.weight ?? 0, r.weight),
    required: (previous?.required ?? false) || r.required,
  });
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
  return {
    ...(parse.title ? { title: parse.title } : {}),
    requirements: matchable(parse).map((r) => ({
      concept: r.conceptId,
      minLevel: r.minLevel,
      weight: r.weight,
      required: r.required,
    })),
  };
}

/**
 * The same requirements, already resolved: the parse found them in the taxonomy, so their ids are
 * not looked up again.
 */
export function resolvedFromJd(parse: JobDescriptionParse): ResolvedPosition {
  const byConcept = new Map<string, Requirement>();
  for (const r of matchable(parse)) merge(byConcept, r);
  return { title: parse.title, requirements: [...byConcept.values()], unresolved: [] };
}

/** A job description's requirements, refused when none or too many; inferred ones never required. */
function matchable(parse: JobDescriptionParse): JdRequirement[] {
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
  // Skills inferred from the job title are suggestions: they rank, they never disqualify.
  return parse.requirements.map((r) => ({ ...r, required: r.required && !r.inferred }));
}
