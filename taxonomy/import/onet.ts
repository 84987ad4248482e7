/**
 * O*NET (text edition, tab-separated) → concepts and occupation profiles.
 * - Skills.txt / Knowledge.txt elements become skill / knowledge concepts keyed by element id
 *   ("onet:2.a.1.a", onetCode "2.A.1.a"), under their content-model groups ("Basic Skills" …).
 * - Technology Skills.txt: each UNSPSC commodity and each product example becomes a tool concept,
 *   the example narrower than its commodity.
 * - Occupations carry their rated elements: importance (IM) ≥ 3 essential, else optional, with the
 *   IM and LV ratings kept; technology examples flagged "In Demand" are essential, others optional.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { LerError } from "../../src/domain/errors.ts";
import type { ConceptInput, ConceptType } from "../model.ts";
import { readTsvRows } from "./csv.ts";
import { distinctAliases, type ImportResult, type OccupationProfile, type OnetRating } from "./types.ts";

export const ONET_SOURCE = "onet";
export const ESSENTIAL_IMPORTANCE = 3.0;

const FILES = {
  occupations: "Occupation Data.txt",
  alternateTitles: "Alternate Titles.txt",
  contentModel: "Content Model Reference.txt",
  technology: "Technology Skills.txt",
} as const;

/** Rated element files and the concept type of their elements. */
const RATED_FILES: readonly { file: string; type: ConceptType }[] = [
  { file: "Skills.txt", type: "skill" },
  { file: "Knowledge.txt", type: "knowledge" },
];

const ROW_CODE = "O*NET-SOC Code";

export const onetElementId = (elementId: string) => `onet:${elementId.toLowerCase()}`;
export const onetOccupationId = (socCode: string) => `onet:soc:${socCode.toLowerCase()}`;
export const onetCommodityId = (code: string) => `onet:unspsc:${code}`;

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/\+/g, "plus")
    .replace(/#/g, "sharp")
    .replace(/[^a-z0-9.]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");

export interface OnetImportOptions {
  onProgress?: (file: string, rows: number) => void;
}

export function importOnet(dir: string, options: OnetImportOptions = {}): ImportResult {
  const path = (name: string) => join(dir, name);
  if (!existsSync(path(FILES.occupations)))
    throw new LerError(
      "invalid_input",
      `no "${FILES.occupations}" in ${dir}: is this an O*NET text download?`,
    );
  const counts: Record<string, number> = {};
  const progress = (name: string, rows: number) => {
    counts[name] = rows;
    options.onProgress?.(name, rows);
  };
  const contentModel = readContentModel(path(FILES.contentModel));
  const concepts = new Map<string, ConceptInput & { broader: string[] }>();
  const occupations = readOccupations(dir);
  progress("occupations", occupations.size);

  for (const { file, type } of RATED_FILES) {
    const ratings = readRatings(path(file), (elementId, name) =>
      addElement(concepts, contentModel, elementId, name, type),
    );
    for (const [soc, byConcept] of ratings) {
      const occupation = occupations.get(soc);
      if (!occupation) continue;
      for (const [conceptId, rating] of byConcept) {
        (rating.importance >= ESSENTIAL_IMPORTANCE ? occupation.essential : occupation.optional).push(
          conceptId,
        );
        occupation.ratings = { ...occupation.ratings, [conceptId]: rating };
      }
    }
    progress(
      `${type}Ratings`,
      [...ratings.values()].reduce((n, m) => n + m.size, 0),
    );
  }
  progress("elements", concepts.size);

  const before = concepts.size;
  const techRows = readTechnology(path(FILES.technology), concepts, occupations);
  progress("technologyRows", techRows);
  progress("tools", concepts.size - before);
  return { concepts: [...concepts.values()], occupations: [...occupations.values()], counts };
}

function readContentModel(path: string): Map<string, { name: string; description: string }> {
  const out = new Map<string, { name: string; description: string }>();
  if (!existsSync(path)) return out;
  for (const r of readTsvRows(path))
    out.set(r["Element ID"] ?? "", { name: r["Element Name"] ?? "", description: r.Description ?? "" });
  return out;
}

/** Adds the element and its content-model ancestors below the domain root ("2.A.1.a" → "2.A.1" → "2.A"). */
function addElement(
  concepts: Map<string, ConceptInput & { broader: string[] }>,
  model: Map<string, { name: string; description: string }>,
  elementId: string,
  name: string,
  type: ConceptType,
): string {
  const id = onetElementId(elementId);
  if (concepts.has(id)) return id;
  const parts = elementId.split(".");
  const parent = parts.length > 2 ? parts.slice(0, -1).join(".") : undefined;
  const info = model.get(elementId);
  const parentName = parent ? model.get(parent)?.name : undefined;
  concepts.set(id, {
    id,
    label: name || info?.name || elementId,
    aliases: [],
    type,
    broader: parent && parentName ? [addElement(concepts, model, parent, parentName, type)] : [],
    ...(info?.description ? { description: info.description } : {}),
    onetCode: elementId,
    source: ONET_SOURCE,
  });
  return id;
}

/** SOC code → concept id → {IM, LV} from a Skills/Knowledge-style ratings file. */
function readRatings(
  path: string,
  element: (elementId: string, name: string) => string,
): Map<string, Map<string, OnetRating>> {
  const out = new Map<string, Map<string, OnetRating>>();
  if (!existsSync(path)) return out;
  for (const r of readTsvRows(path)) {
    const scale = r["Scale ID"];
    if (scale !== "IM" && scale !== "LV") continue;
    const value = Number(r["Data Value"]);
    if (!Number.isFinite(value)) continue;
    const conceptId = element(r["Element ID"] ?? "", r["Element Name"] ?? "");
    const soc = r[ROW_CODE] ?? "";
    const byConcept = out.get(soc) ?? new Map<string, OnetRating>();
    out.set(soc, byConcept);
    const rating = byConcept.get(conceptId) ?? { importance: 0, level: null };
    if (scale === "IM") rating.importance = value;
    else rating.level = r["Not Relevant"] === "Y" ? null : value;
    byConcept.set(conceptId, rating);
  }
  return out;
}

function readOccupations(dir: string): Map<string, OccupationProfile> {
  const out = new Map<string, OccupationProfile>();
  for (const r of readTsvRows(join(dir, FILES.occupations))) {
    const soc = r[ROW_CODE] ?? "";
    const label = (r.Title ?? "").trim();
    if (!soc || !label) continue;
    out.set(soc, {
      id: onetOccupationId(soc),
      label,
      aliases: [],
      onetCode: soc,
      ...(r.Description ? { description: r.Description.trim() } : {}),
      essential: [],
      optional: [],
      source: ONET_SOURCE,
    });
  }
  const titlesPath = join(dir, FILES.alternateTitles);
  if (existsSync(titlesPath)) {
    const titles = new Map<string, string[]>();
    for (const r of readTsvRows(titlesPath)) {
      const list = titles.get(r[ROW_CODE] ?? "") ?? [];
      for (const t of [r["Alternate Title"], r["Short Title"]]) if (t && t !== "n/a") list.push(t.trim());
      titles.set(r[ROW_CODE] ?? "", list);
    }
    for (const [soc, o] of out) o.aliases = distinctAliases(o.label, titles.get(soc) ?? []);
  }
  return out;
}

/** Commodities and product examples as tools; examples linked to the occupations that use them. */
function readTechnology(
  path: string,
  concepts: Map<string, ConceptInput & { broader: string[] }>,
  occupations: Map<string, OccupationProfile>,
): number {
  if (!existsSync(path)) return 0;
  const exampleIds = new Map<string, string>(); // example name (lower case) → id
  const usedIds = new Set<string>();
  let rows = 0;
  for (const r of readTsvRows(path)) {
    const example = (r.Example ?? "").trim();
    const code = (r["Commodity Code"] ?? "").trim();
    if (!example || !code) continue;
    rows++;
    const commodityId = onetCommodityId(code);
    if (!concepts.has(commodityId))
      concepts.set(commodityId, {
        id: commodityId,
        label: (r["Commodity Title"] ?? code).trim(),
        type: "tool",
        broader: [],
        source: ONET_SOURCE,
      });
    const key = example.toLowerCase();
    let id = exampleIds.get(key);
    if (!id) {
      id = `onet:tech:${slug(example) || "x"}`;
      // Different names can share a slug ("C" / "C."): the name's hash keeps their ids apart.
      if (usedIds.has(id)) id = `${id}-${createHash("sha1").update(example).digest("hex").slice(0, 8)}`;
      usedIds.add(id);
      exampleIds.set(key, id);
      concepts.set(id, { id, label: example, type: "tool", broader: [], source: ONET_SOURCE });
    }
    const concept = concepts.get(id)!;
    if (!concept.broader.includes(commodityId)) concept.broader.push(commodityId);
    const occupation = occupations.get(r[ROW_CODE] ?? "");
    if (!occupation) continue;
    const list = r["In Demand"] === "Y" ? occupation.essential : occupation.optional;
    if (!occupation.essential.includes(id) && !occupation.optional.includes(id)) list.push(id);
  }
  return rows;
}
