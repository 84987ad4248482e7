/**
 * Requirements in a page URL, so a search or a match can be shared and bookmarked:
 * repeated `skill`, `level` and `need` parameters, aligned by position.
 */
import type { MatchOptions, RequirementInput } from "../../src/domain/schemas.ts";

export interface PageRequirement {
  skill: string;
  level: number | null;
  required: boolean;
  inferred: boolean;
}

export function requirementsFromQuery(q: (name: string) => string[] | undefined): PageRequirement[] {
  const skills = q("skill") ?? [];
  const levels = q("level") ?? [];
  const needs = q("need") ?? [];
  const inferred = new Set(q("inferred") ?? []);
  return skills
    .map((skill, i) => ({
      skill: skill.trim(),
      level: levels[i] ? Number(levels[i]) : null,
      required: needs[i] === "required",
      inferred: inferred.has(skill.trim()),
    }))
    .filter((r) => r.skill && (r.level === null || (r.level >= 0 && r.level <= 5)));
}

export function requirementsToQuery(reqs: PageRequirement[], extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const r of reqs) {
    p.append("skill", r.skill);
    p.append("level", r.level === null ? "" : String(r.level));
    p.append("need", r.required ? "required" : "preferred");
    if (r.inferred) p.append("inferred", r.skill);
  }
  for (const [k, v] of Object.entries(extra)) if (v) p.set(k, v);
  return p.toString();
}

export const toRequirementInputs = (reqs: PageRequirement[]): RequirementInput[] =>
  reqs.map((r) => ({
    concept: r.skill,
    minLevel: r.level,
    required: r.required,
    weight: r.required ? 2 : 1,
  }));

/**
 * Page options from the URL. `partial` defaults on for the match page (a hiring manager would
 * rather see near misses, marked, than an empty page) and off for search, whose filters are exact.
 */
export function optionsFromQuery(
  q: (name: string) => string | undefined,
  defaults: { partial: boolean } = { partial: false },
): Partial<MatchOptions> {
  const within = Number(q("within"));
  const page = Math.max(1, Number(q("page")) || 1);
  const partial = q("partial");
  return {
    verifiedOnly: q("verified") === "1",
    includePartial: partial === undefined || partial === "" ? defaults.partial : partial === "1",
    ...(within > 0 ? { practicedWithinYears: within } : {}),
    limit: 20,
    offset: (page - 1) * 20,
  };
}
