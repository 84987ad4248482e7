/**
 * Positions drawn from occupation profiles, and their graded relevance (qrels) computed from the
 * population's LATENT proficiencies — never from the documents — so a ranking is judged against
 * what people can really do.
 */
import type { Concept } from "../../taxonomy/model.ts";
import type { OccupationProfile } from "../../taxonomy/starter.ts";
import type { Qrels } from "../domain/bench-dataset.ts";
import type { Truth } from "./population.ts";
import { createRng, type Rng } from "./random.ts";

export interface PositionRequirement {
  /** a concept id */
  concept: string;
  minLevel?: number;
  weight: number;
  required: boolean;
}

export interface GeneratedPosition {
  id: string;
  title: string;
  occupationId: string;
  requirements: PositionRequirement[];
  /** The same position as job-description prose (for some positions). */
  text?: string;
}

export interface PositionOptions {
  count: number;
  seed: number;
  occupations: readonly OccupationProfile[];
  concepts: readonly Concept[];
  /** share of positions that also get a job-description text */
  textShare?: number;
}

const LEVEL_WORDS = ["", "basic", "working knowledge of", "solid", "advanced", "expert"];
const SENIORITY = ["Junior", "", "", "Senior", "Lead"];

function requirementsFor(occupation: OccupationProfile, known: Set<string>, rng: Rng): PositionRequirement[] {
  const essential = occupation.essential.filter((id) => known.has(id));
  const optional = occupation.optional.filter((id) => known.has(id));
  const picked = [
    ...rng.sample(essential, rng.int(Math.min(2, essential.length), Math.min(5, essential.length))),
    ...rng.sample(optional, rng.int(0, Math.min(2, optional.length))),
  ];
  return picked.map((concept) => {
    const isEssential = essential.includes(concept);
    return {
      concept,
      ...(rng.chance(0.65) ? { minLevel: rng.int(2, 4) } : {}),
      weight: isEssential && rng.chance(0.3) ? 2 : 1,
      required: isEssential && rng.chance(0.3),
    };
  });
}

function describe(title: string, reqs: readonly PositionRequirement[], labels: Map<string, string>): string {
  const phrase = (r: PositionRequirement) =>
    `${r.minLevel ? `${LEVEL_WORDS[r.minLevel]} ` : ""}${labels.get(r.concept) ?? r.concept}`;
  const must = reqs.filter((r) => r.required).map(phrase);
  const nice = reqs.filter((r) => !r.required).map(phrase);
  return [
    `We are hiring a ${title}.`,
    must.length ? `Requirements: ${must.join(", ")}.` : "",
    nice.length ? `You will work with ${nice.join(", ")}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

export function generatePositions(options: PositionOptions): GeneratedPosition[] {
  const rng = createRng(options.seed).fork("positions");
  const known = new Set(options.concepts.map((c) => c.id));
  const labels = new Map(options.concepts.map((c) => [c.id, c.label]));
  const usable = options.occupations.filter((o) => o.essential.some((id) => known.has(id)));
  if (usable.length === 0) throw new RangeError("generatePositions needs an occupation with known concepts");
  // cycle through a shuffled list so positions spread over occupations
  const order = rng.shuffle(usable);
  return Array.from({ length: options.count }, (_, i) => {
    const occupation = order[i % order.length] as OccupationProfile;
    const requirements = requirementsFor(occupation, known, rng);
    const title = [rng.pick(SENIORITY), occupation.label].filter(Boolean).join(" ");
    const withText = rng.chance(options.textShare ?? 0.3);
    return {
      id: `pos${String(i + 1).padStart(3, "0")}`,
      title,
      occupationId: occupation.id,
      requirements,
      ...(withText ? { text: describe(title, requirements, labels) } : {}),
    };
  });
}

/** concept → every concept below it (transitively), from the concepts' broader links. */
export function descendants(concepts: readonly Concept[]): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const c of concepts) for (const b of c.broader) children.set(b, [...(children.get(b) ?? []), c.id]);
  const out = new Map<string, string[]>();
  const walk = (id: string, seen: Set<string>): string[] => {
    for (const child of children.get(id) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      walk(child, seen);
    }
    return [...seen];
  };
  for (const id of children.keys()) out.set(id, walk(id, new Set()));
  return out;
}

/** Someone who can do a narrower skill (PostgreSQL) can do the broader one (SQL), a little less. */
const NARROWER_CREDIT = 0.9;
/** minLevel assumed where a requirement states none */
const DEFAULT_MIN = 2.5;

export function effectiveLevel(
  conceptId: string,
  held: Map<string, number>,
  below: Map<string, string[]>,
): number {
  let level = held.get(conceptId) ?? 0;
  for (const child of below.get(conceptId) ?? [])
    level = Math.max(level, NARROWER_CREDIT * (held.get(child) ?? 0));
  return level;
}

/**
 * Grade 0–3 of a person for a position, from latent levels L_r against each requirement's minimum m_r:
 * coverage = Σ w·min(1, L/m) / Σ w; 3 = coverage ≥ 0.9 and every required one met; 2 = coverage ≥ 0.7
 * and every required one within a level; 1 = coverage ≥ 0.45; else 0.
 */
export function gradeOf(
  requirements: readonly PositionRequirement[],
  held: Map<string, number>,
  below: Map<string, string[]>,
): number {
  let weighted = 0;
  let total = 0;
  let requiredMet = true;
  let requiredNear = true;
  for (const r of requirements) {
    const min = r.minLevel ?? DEFAULT_MIN;
    const level = effectiveLevel(r.concept, held, below);
    weighted += r.weight * Math.min(1, level / min);
    total += r.weight;
    if (r.required && level < min) requiredMet = false;
    if (r.required && (level === 0 || level < min - 1)) requiredNear = false;
  }
  const coverage = total === 0 ? 0 : weighted / total;
  if (coverage >= 0.9 && requiredMet) return 3;
  if (coverage >= 0.7 && requiredNear) return 2;
  if (coverage >= 0.45) return 1;
  return 0;
}

/** Graded judgements for every person against every position; grade-0 pairs are left out. */
export function judge(
  positions: readonly GeneratedPosition[],
  truth: Truth,
  concepts: readonly Concept[],
): Qrels {
  const below = descendants(concepts);
  const qrels: Qrels = new Map();
  for (const p of positions) {
    const judged = new Map<string, number>();
    for (const [personId, held] of truth) {
      const grade = gradeOf(p.requirements, held, below);
      if (grade > 0) judged.set(personId, grade);
    }
    qrels.set(p.id, judged);
  }
  return qrels;
}
