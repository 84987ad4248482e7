/**
 * Structural checks over a concept list (and optionally occupation profiles): the invariants the
 * graph and the resolver rely on but that a JSON file cannot enforce by itself.
 */
import type { OccupationProfile } from "./import/types.ts";
import type { Concept } from "./model.ts";
import { normaliseText } from "./resolver/index.ts";

/** What validation reads of an occupation, starter or imported: its id and the concepts it names. */
type OccupationRefs = Pick<OccupationProfile, "id" | "essential" | "optional">;

type Path = (string | number)[];

export type TaxonomyIssue =
  | { code: "duplicate_id"; path: Path; id: string; message: string }
  | { code: "empty_label"; path: Path; id: string; message: string }
  | { code: "dangling_reference"; path: Path; from: string; to: string; message: string }
  | { code: "broader_cycle"; path: Path; cycle: string[]; message: string }
  | { code: "duplicate_name"; path: Path; name: string; conceptIds: string[]; message: string };

export type TaxonomyIssueCode = TaxonomyIssue["code"];

export function validateTaxonomy(
  concepts: readonly Concept[],
  occupations: readonly OccupationRefs[] = [],
): TaxonomyIssue[] {
  const ids = new Set(concepts.map((c) => c.id));
  return [
    ...duplicateIds(
      concepts.map((c) => c.id),
      "concepts",
    ),
    ...emptyLabels(concepts),
    ...danglingConceptRefs(concepts, ids),
    ...broaderCycles(concepts),
    ...duplicateNames(concepts),
    ...duplicateIds(
      occupations.map((o) => o.id),
      "occupations",
    ),
    ...danglingOccupationRefs(occupations, ids),
  ];
}

function duplicateIds(ids: readonly string[], collection: string): TaxonomyIssue[] {
  const seen = new Set<string>();
  const issues: TaxonomyIssue[] = [];
  ids.forEach((id, i) => {
    if (seen.has(id))
      issues.push({ code: "duplicate_id", path: [collection, i, "id"], id, message: `duplicate id ${id}` });
    seen.add(id);
  });
  return issues;
}

function emptyLabels(concepts: readonly Concept[]): TaxonomyIssue[] {
  return concepts.flatMap((c, i) =>
    c.label.trim() === ""
      ? [
          {
            code: "empty_label" as const,
            path: ["concepts", i, "label"],
            id: c.id,
            message: `${c.id} has no label`,
          },
        ]
      : [],
  );
}

const REFERENCE_FIELDS = ["broader", "related"] as const;

function danglingConceptRefs(concepts: readonly Concept[], ids: ReadonlySet<string>): TaxonomyIssue[] {
  return concepts.flatMap((c, i) =>
    REFERENCE_FIELDS.flatMap((field) => dangling(c.id, c[field], ids, ["concepts", i, field])),
  );
}

const OCCUPATION_FIELDS = ["essential", "optional"] as const;

function danglingOccupationRefs(
  occupations: readonly OccupationRefs[],
  ids: ReadonlySet<string>,
): TaxonomyIssue[] {
  return occupations.flatMap((o, i) =>
    OCCUPATION_FIELDS.flatMap((field) => dangling(o.id, o[field], ids, ["occupations", i, field])),
  );
}

function dangling(
  from: string,
  refs: readonly string[],
  ids: ReadonlySet<string>,
  at: Path,
): TaxonomyIssue[] {
  return refs.flatMap((to, j) =>
    ids.has(to)
      ? []
      : [
          {
            code: "dangling_reference" as const,
            path: [...at, j],
            from,
            to,
            message: `${from} refers to unknown concept ${to}`,
          },
        ],
  );
}

/** Depth-first search with colours; each cycle is reported once, from the concept that closes it. */
function broaderCycles(concepts: readonly Concept[]): TaxonomyIssue[] {
  const byId = new Map(concepts.map((c, i) => [c.id, { c, i }]));
  const state = new Map<string, "open" | "done">();
  const issues: TaxonomyIssue[] = [];
  const stack: string[] = [];
  const visit = (id: string): void => {
    state.set(id, "open");
    stack.push(id);
    const entry = byId.get(id);
    entry?.c.broader.forEach((b, j) => {
      if (!byId.has(b)) return;
      if (state.get(b) === "open") {
        const cycle = [...stack.slice(stack.indexOf(b)), b];
        issues.push({
          code: "broader_cycle",
          path: ["concepts", entry.i, "broader", j],
          cycle,
          message: `broader cycle ${cycle.join(" → ")}`,
        });
      } else if (!state.has(b)) visit(b);
    });
    stack.pop();
    state.set(id, "done");
  };
  for (const c of concepts) if (!state.has(c.id)) visit(c.id);
  return issues;
}

/**
 * A name (label or alias, after the resolver's normalisation) may name several concepts only when
 * every one of them lists it as ambiguous; otherwise the resolver would silently pick one.
 */
function duplicateNames(concepts: readonly Concept[]): TaxonomyIssue[] {
  const users = new Map<string, { id: string; index: number; ambiguous: boolean }[]>();
  concepts.forEach((c, index) => {
    const ambiguous = new Set(c.ambiguousAliases.map(normaliseText));
    const names = new Set([c.label, ...c.aliases, ...c.ambiguousAliases].map(normaliseText));
    for (const name of names) {
      if (!name) continue;
      const list = users.get(name) ?? [];
      list.push({ id: c.id, index, ambiguous: ambiguous.has(name) });
      users.set(name, list);
    }
  });
  const issues: TaxonomyIssue[] = [];
  for (const [name, list] of users) {
    const distinct = [...new Set(list.map((u) => u.id))];
    if (distinct.length < 2 || list.every((u) => u.ambiguous)) continue;
    const first = list.find((u) => !u.ambiguous) ?? list[0]!;
    issues.push({
      code: "duplicate_name",
      path: ["concepts", first.index],
      name,
      conceptIds: distinct,
      message: `"${name}" names ${distinct.join(", ")} but is not listed as ambiguous on all of them`,
    });
  }
  return issues;
}
