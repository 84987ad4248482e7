/**
 * A bias audit of the ranking, as New York City Local Law 144's rules (6 RCNY §5-300) define one
 * for a tool that selects: per category of people, the selection rate (selected ÷ assessed in
 * that category) and the impact ratio (a category's rate ÷ the highest category's rate). Group
 * labels are the employer's own (groups.csv); ler-match never infers them. Ratios under 0.8 are
 * flagged (the EEOC's four-fifths rule of thumb). See docs/skills-first.md.
 */
import { csvRecords } from "../../indexer/formats/csv-split.ts";
import { LerError } from "../domain/errors.ts";

/** person id → category (a groups.csv column, "sex") → label ("female") */
export type Groups = Map<string, Map<string, string>>;

/** Below either, a group is reported but not judged: its rate is too noisy to compare. */
export const SMALL_GROUP = { minShare: 0.02, minPeople: 30 } as const;
export const FOUR_FIFTHS = 0.8;
/** The intersectional category LL144 asks for: every column's label joined. */
export const INTERSECTION = "intersectional";

export interface GroupRate {
  category: string;
  group: string;
  /** people assessed (every labelled person, once per position) */
  assessed: number;
  selected: number;
  rate: number;
  /** rate ÷ the highest rate among judged groups of the category; null when not judged */
  impactRatio: number | null;
  /** too small to judge (SMALL_GROUP) */
  small: boolean;
  /** judged and under four-fifths */
  flagged: boolean;
}

export interface FairnessScope {
  /** a position id, or "overall" (every position pooled) */
  scope: string;
  rates: GroupRate[];
}

export interface FairnessAudit {
  k: number;
  positions: number;
  people: number;
  categories: string[];
  overall: FairnessScope;
  perPosition: FairnessScope[];
}

/** groups.csv: a header `person,<category>,…`, one row per person; blank labels are left out. */
export function parseGroups(text: string): Groups {
  const rows = csvRecords(text).map((r) => r.cells);
  const [header, ...body] = rows;
  if (!header || header.length < 2 || header[0]?.trim().toLowerCase() !== "person")
    throw new LerError("invalid_input", 'groups.csv needs a header "person,<category>[,<category>…]"');
  const categories = header.slice(1).map((c) => c.trim());
  const groups: Groups = new Map();
  for (const row of body) {
    const person = row[0]?.trim();
    if (!person) continue;
    const labels = new Map<string, string>();
    categories.forEach((c, i) => {
      const label = row[i + 1]?.trim();
      if (label) labels.set(c, label);
    });
    if (categories.length > 1 && labels.size === categories.length)
      labels.set(INTERSECTION, categories.map((c) => labels.get(c)).join(" × "));
    groups.set(person, labels);
  }
  return groups;
}

/**
 * Selection rates and impact ratios. `selections` is each position's top k (candidate ids);
 * everyone labelled in `groups` and in `population` was assessed for every position.
 */
export function auditFairness(
  selections: ReadonlyMap<string, readonly string[]>,
  groups: Groups,
  population: ReadonlySet<string>,
  k: number,
): FairnessAudit {
  const people = [...groups.keys()].filter((p) => population.has(p));
  const categories = [...new Set(people.flatMap((p) => [...(groups.get(p)?.keys() ?? [])]))];
  const perPosition = [...selections].map(([scope, top]) =>
    rates(scope, [new Set(top)], people, groups, categories),
  );
  const overall = rates(
    "overall",
    [...selections.values()].map((top) => new Set(top)),
    people,
    groups,
    categories,
  );
  return { k, positions: selections.size, people: people.length, categories, overall, perPosition };
}

function rates(
  scope: string,
  selectedPerPosition: readonly Set<string>[],
  people: readonly string[],
  groups: Groups,
  categories: readonly string[],
): FairnessScope {
  const out: GroupRate[] = [];
  for (const category of categories) {
    const tally = new Map<string, { assessed: number; selected: number }>();
    let labelled = 0;
    for (const person of people) {
      const group = groups.get(person)?.get(category);
      if (group === undefined) continue;
      labelled++;
      const t = tally.get(group) ?? { assessed: 0, selected: 0 };
      for (const selected of selectedPerPosition) {
        t.assessed++;
        if (selected.has(person)) t.selected++;
      }
      tally.set(group, t);
    }
    const groupsOf = [...tally].map(([group, t]) => {
      const size = t.assessed / Math.max(1, selectedPerPosition.length);
      const small = size < SMALL_GROUP.minPeople || size < SMALL_GROUP.minShare * labelled;
      return { group, ...t, rate: t.assessed ? t.selected / t.assessed : 0, small };
    });
    const best = Math.max(0, ...groupsOf.filter((g) => !g.small).map((g) => g.rate));
    for (const g of groupsOf.sort((a, b) => b.rate - a.rate || a.group.localeCompare(b.group))) {
      const impactRatio = g.small || best === 0 ? null : g.rate / best;
      out.push({ category, ...g, impactRatio, flagged: impactRatio !== null && impactRatio < FOUR_FIFTHS });
    }
  }
  return { scope, rates: out };
}
