/**
 * 1EdTech CASE 1.0 framework package (CFDocument + CFItems + CFAssociations) → concepts.
 * Items become skill concepts (label: the abbreviated statement when there is one, else the full
 * statement; the human coding scheme is an alias); `isChildOf` becomes `broader`; every other
 * association between two items of the framework becomes `related`. Associations that point outside
 * the framework (exact matches in other frameworks, exemplar links) are counted and left out.
 */
import { z } from "zod";
import { LerError } from "../../src/domain/errors.ts";
import type { ConceptInput } from "../model.ts";
import { distinctAliases, type ImportResult } from "./types.ts";

const LinkUri = z.union([
  z.string(),
  z.object({ uri: z.string(), identifier: z.string().optional(), title: z.string().optional() }),
]);
const CfItem = z.object({
  identifier: z.string().min(1),
  uri: z.string().optional(),
  fullStatement: z.string().min(1),
  abbreviatedStatement: z.string().optional(),
  humanCodingScheme: z.string().optional(),
  notes: z.string().optional(),
});
const CfAssociation = z.object({
  associationType: z.string(),
  originNodeURI: LinkUri,
  destinationNodeURI: LinkUri,
});
export const CasePackage = z.object({
  CFDocument: z.object({ identifier: z.string(), title: z.string(), uri: z.string().optional() }),
  CFItems: z.array(CfItem).default([]),
  CFAssociations: z.array(CfAssociation).default([]),
});
export type CasePackage = z.infer<typeof CasePackage>;

/** Long statements make poor labels; above this length the full statement is kept as description only. */
const MAX_ALIAS_LENGTH = 120;

export const caseSlug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "") || "framework";

export const caseSource = (sourceName: string) => `case:${caseSlug(sourceName)}`;

/** Both the identifier and the URI of a node find it: packages link either way. */
const nodeKeys = (link: z.infer<typeof LinkUri>): string[] =>
  typeof link === "string"
    ? [link, link.split("/").pop() ?? link]
    : [link.uri, link.identifier ?? link.uri.split("/").pop() ?? link.uri];

export function importCase(json: unknown, sourceName: string): ImportResult {
  const parsed = CasePackage.safeParse(json);
  if (!parsed.success)
    throw new LerError("parse_failed", `not a CASE framework package: ${sourceName}`, {
      details: parsed.error.issues.map((i) => ({ path: i.path, message: i.message })),
      cause: parsed.error,
    });
  const pkg = parsed.data;
  const source = caseSource(sourceName);
  const idOf = new Map<string, string>();
  const concepts = new Map<string, ConceptInput & { broader: string[]; related: string[] }>();
  for (const item of pkg.CFItems) {
    const id = `${source}:${item.identifier.toLowerCase().replace(/[^a-z0-9._-]+/g, "-")}`;
    const label = (item.abbreviatedStatement || item.fullStatement).trim();
    const names = [item.humanCodingScheme, item.fullStatement.trim()].filter(
      (n): n is string => !!n && n.length <= MAX_ALIAS_LENGTH,
    );
    concepts.set(id, {
      id,
      label,
      aliases: distinctAliases(label, names),
      type: "skill",
      broader: [],
      related: [],
      description: item.fullStatement.trim(),
      caseUri: item.uri ?? item.identifier,
      source,
    });
    idOf.set(item.identifier, id);
    if (item.uri) idOf.set(item.uri, id);
  }
  const find = (link: z.infer<typeof LinkUri>) =>
    nodeKeys(link)
      .map((k) => idOf.get(k))
      .find(Boolean);
  const counts = { items: concepts.size, broaderEdges: 0, relatedEdges: 0, topLevel: 0, external: 0 };
  for (const a of pkg.CFAssociations) {
    const origin = find(a.originNodeURI);
    const destination = find(a.destinationNodeURI);
    const isChild = a.associationType === "isChildOf";
    if (origin && isChild && nodeKeys(a.destinationNodeURI).includes(pkg.CFDocument.identifier)) {
      counts.topLevel++;
      continue;
    }
    if (!origin || !destination || origin === destination) {
      counts.external++;
      continue;
    }
    const list = concepts.get(origin)![isChild ? "broader" : "related"];
    if (list.includes(destination)) continue;
    list.push(destination);
    counts[isChild ? "broaderEdges" : "relatedEdges"]++;
  }
  return { concepts: [...concepts.values()], occupations: [], counts };
}
