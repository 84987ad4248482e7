/**
 * Something for a bias audit to find: group labels for a generated population (the employer's
 * records, emitted as groups.csv), and optionally a planted proxy — a skill held mostly by one
 * group that every position over-weights, so a ranking that follows it selects that group more.
 * Drawn from streams of their own: the population itself is unchanged.
 */
import { type DatasetContent, documentCandidateId } from "../domain/bench-dataset.ts";
import { createRng } from "./random.ts";

export const GROUP_CATEGORY = "group";
export const GROUP_LABELS = ["group-a", "group-b"] as const;

export interface ProxyOptions {
  /** the proxy skill's concept id and label */
  conceptId: string;
  label: string;
  /** P(holds the proxy) for group-a and for group-b */
  heldByFavoured: number;
  heldByOthers: number;
  /** the weight every position gives it */
  weight: number;
}

export const DEFAULT_PROXY: ProxyOptions = {
  conceptId: "lang.latin",
  label: "Latin",
  heldByFavoured: 0.8,
  heldByOthers: 0.1,
  weight: 4,
};

/** Each person in the corpus → one label, half and half, by seed. */
export function drawGroups(content: DatasetContent, seed: number): Map<string, string> {
  const people = new Set(
    content.documents.map(documentCandidateId).filter((id): id is string => id !== null),
  );
  const root = createRng(seed).fork("groups");
  return new Map([...people].sort().map((id) => [id, root.fork(id).pick(GROUP_LABELS)]));
}

export const groupsCsv = (groups: ReadonlyMap<string, string>): string =>
  `person,${GROUP_CATEGORY}\n${[...groups].map(([id, g]) => `${csvCell(id)},${g}`).join("\n")}\n`;

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The corpus with the proxy skill attested for most of group-a, and every position asking for it. */
export function plantProxy(
  content: DatasetContent,
  groups: ReadonlyMap<string, string>,
  seed: number,
  proxy: ProxyOptions = DEFAULT_PROXY,
): DatasetContent {
  const root = createRng(seed).fork("proxy");
  const asOf = content.manifest.asOf ?? "2026-01-01";
  const planted = [...groups].flatMap(([id, group]) => {
    const p = group === GROUP_LABELS[0] ? proxy.heldByFavoured : proxy.heldByOthers;
    if (!root.fork(id).chance(p)) return [];
    return [
      {
        format: "ler-match/v1",
        id: `${id}-proxy`,
        person: { id },
        title: "Club membership record",
        issuer: "Heritage Club",
        issuedAt: asOf,
        sourceKind: "employer-record",
        assertions: [{ skill: proxy.label, conceptId: proxy.conceptId, level: 4, lastPracticedAt: asOf }],
      },
    ];
  });
  return {
    ...content,
    manifest: { ...content.manifest, name: `${content.manifest.name ?? "dataset"}-proxy` },
    documents: [...content.documents, ...planted],
    positions: content.positions.map((p) => ({
      ...p,
      requirements: [
        ...p.requirements,
        { concept: proxy.conceptId, minLevel: 3, weight: proxy.weight, required: false },
      ],
    })),
  };
}
