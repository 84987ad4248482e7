/**
 * A position as a caller writes it → requirements on known concepts. Text resolves through the
 * taxonomy; what does not resolve is returned, never guessed.
 */

import type { JdRequirement, JobDescriptionParse } from "../../taxonomy/jd/types.ts";
import type { Taxonomy } from "../../taxonomy/model.ts";
import { fromZod, LerError } from "../domain/errors.ts";
import {
  anyOfLabel,
  askedConcepts,
  POSITION_LIMITS,
  PositionInput,
  type Requirement,
} from "../domain/schemas.ts";

export interface ResolvedPosition {
  title: string | null;
  requirements: Requirement[];
  unresolved: string[];
}

export function resolvePosition(input: PositionInput, taxonomy: Taxonomy): ResolvedPosition {
  const parsed = PositionInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error, "position");
  const position = parsed.data;
  const byConcepts = new Map<string, Requirement>();
  const unresolved: string[] = [];
  const resolve = (text: string) => {
    const concept = taxonomy.get(text) ?? firstResolution(text, taxonomy, position);
    if (!concept) unresolved.push(text);
    return concept;
  };
  for (const r of position.requirements) {
    // an alternative that does not resolve is reported and left out; the others still meet it
    const concepts = [r.concept, ...(r.alternatives ?? [])].flatMap((text) => resolve(text) ?? []);
    const [first] = concepts;
    if (!first) continue;
    merge(byConcepts, {
      ...anyOf(concepts),
      minLevel: r.minLevel ?? null,
      weight: r.weight,
      required: r.required,
    });
  }
  return { title: position.title ?? null, requirements: [...byConcepts.values()], unresolved };
}

/** A requirement's concepts, each once in the order written: one concept, or an any-of of several. */
function anyOf(
  concepts: readonly { id: string; label: string }[],
): Pick<Requirement, "conceptId" | "label" | "alternatives"> {
  const unique = [...new Map(concepts.map((c) => [c.id, c])).values()];
  const [first, ...others] = unique as [{ id: string; label: string }, ...{ id: string; label: string }[]];
  return {
    conceptId: first.id,
    label: anyOfLabel(unique.map((c) => c.label)),
    ...(others.length ? { alternatives: others.map((c) => c.id) } : {}),
  };
}

/**
 * Two requirements on the same concepts are one: the higher minimum, the larger weight, required
 * if either is. "Spark" and "Spark or Kafka" stay two: the first asks more.
 */
function merge(byConcepts: Map<string, Requirement>, r: Requirement): void {
  const key = [...askedConcepts(r)].sort().join("\u0000");
  const previous = byConcepts.get(key);
  byConcepts.set(key, {
    ...r,
    minLevel: maxNullable(previous?.minLevel ?? null, r.minLevel),
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
      ...(r.alternatives?.length ? { alternatives: r.alternatives.map((a) => a.conceptId) } : {}),
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
  const byConcepts = new Map<string, Requirement>();
  for (const r of matchable(parse))
    merge(byConcepts, {
      ...anyOf([r, ...(r.alternatives ?? [])].map((c) => ({ id: c.conceptId, label: c.label }))),
      minLevel: r.minLevel,
      weight: r.weight,
      required: r.required,
    });
  return { title: parse.title, requirements: [...byConcepts.values()], unresolved: [] };
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
