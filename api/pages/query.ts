/**
 * Requirements in a page URL, so a search or a match can be shared and bookmarked:
 * repeated `skill`, `level` and `need` parameters, aligned by position.
 */
import { LerError } from "../../src/domain/errors.ts";
import { type MatchOptions, POSITION_LIMITS, type RequirementInput } from "../../src/domain/schemas.ts";

const PAGE_SIZE = 20;
const LAST_PAGE = Math.floor(POSITION_LIMITS.offset / PAGE_SIZE) + 1;

const badLink = (message: string, details: Record<string, unknown>) =>
  new LerError("invalid_input", message, { details });

export interface PageRequirement {
  skill: string;
  level: number | null;
  required: boolean;
  inferred: boolean;
  /** other skills any one of which meets it as well ("Docker or Kubernetes") */
  alternatives?: string[];
}

/** An any-of requirement in a URL: `anyof=skill|alternative|…`, keyed by its skill as `inferred` is. */
const ANY_OF_SEPARATOR = "|";

export function requirementsFromQuery(q: (name: string) => string[] | undefined): PageRequirement[] {
  const skills = q("skill") ?? [];
  const levels = q("level") ?? [];
  const needs = q("need") ?? [];
  const inferred = new Set(q("inferred") ?? []);
  const alternatives = new Map<string, string[]>();
  for (const value of q("anyof") ?? []) {
    const [skill = "", ...others] = value.split(ANY_OF_SEPARATOR).map((s) => s.trim());
    const named = others.filter(Boolean);
    if (skill && named.length && !alternatives.has(skill)) alternatives.set(skill, named);
  }
  return skills
    .map((skill, i) => ({
      skill: skill.trim(),
      level: levels[i] ? Number(levels[i]) : null,
      required: needs[i] === "required",
      inferred: inferred.has(skill.trim()),
      ...(alternatives.has(skill.trim()) ? { alternatives: alternatives.get(skill.trim()) } : {}),
    }))
    .filter((r) => r.skill && (r.level === null || (r.level >= 0 && r.level <= 5)));
}

/** Throws invalid_input, in words for the page, for requirements a match cannot take. */
export function checkRequirements(reqs: readonly PageRequirement[]): void {
  const { requirements: most, conceptLength: longest } = POSITION_LIMITS;
  if (reqs.length > most)
    throw badLink(`This link asks for ${reqs.length} skills; at most ${most} can be matched at once.`, {
      requirements: reqs.length,
      limit: most,
    });
  const long = reqs.find((r) => r.skill.length > longest);
  if (long)
    throw badLink(
      `A skill name is at most ${longest} characters; "${long.skill.slice(0, 40)}…" has ${long.skill.length}.`,
      { limit: longest },
    );
}

export function requirementsToQuery(reqs: PageRequirement[], extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const r of reqs) {
    p.append("skill", r.skill);
    p.append("level", r.level === null ? "" : String(r.level));
    p.append("need", r.required ? "required" : "preferred");
    if (r.inferred) p.append("inferred", r.skill);
    if (r.alternatives?.length) p.append("anyof", anyOfValue(r));
  }
  for (const [k, v] of Object.entries(extra)) if (v) p.set(k, v);
  return p.toString();
}

/** The `anyof` parameter's value for an any-of requirement. */
export const anyOfValue = (r: PageRequirement): string =>
  [r.skill, ...(r.alternatives ?? [])].join(ANY_OF_SEPARATOR);

export const toRequirementInputs = (reqs: PageRequirement[]): RequirementInput[] =>
  reqs.map((r) => ({
    concept: r.skill,
    ...(r.alternatives?.length ? { alternatives: r.alternatives } : {}),
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
  const within = withinYears(q("within"));
  const page = pageNumber(q("page"));
  const partial = q("partial");
  return {
    verifiedOnly: q("verified") === "1",
    blind: q("blind") === "1",
    includePartial: partial === undefined || partial === "" ? defaults.partial : partial === "1",
    ...(within > 0 ? { practicedWithinYears: within } : {}),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
}

/** Whole pages from 1; anything unreadable is the first page, only a page past the last is refused. */
function pageNumber(raw: string | undefined): number {
  const page = Math.max(1, Math.trunc(Number(raw)) || 1);
  if (page > LAST_PAGE)
    throw badLink(`Page ${raw} is past the last page that can be shown (${LAST_PAGE}).`, {
      page: raw,
      limit: LAST_PAGE,
    });
  return page;
}

/** Years since a skill was last practiced; 0 (any time) when unset or not a positive number. */
function withinYears(raw: string | undefined): number {
  const within = Number(raw) || 0;
  const most = POSITION_LIMITS.practicedWithinYears;
  if (within > most)
    throw badLink(`"Practiced within" is at most ${most} years; this link asks for ${raw}.`, {
      within: raw,
      limit: most,
    });
  return Math.max(within, 0);
}
