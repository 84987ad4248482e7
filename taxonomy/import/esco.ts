/**
 * ESCO (v1.1 / v1.2 CSV download, English) → concepts and occupation profiles.
 * Skills and skill groups become concepts with ids derived from their URI ("esco:<uuid>"),
 * the skill pillar's broader relations become `broader`, skill↔skill relations become `related`,
 * and occupations carry their essential/optional skills from occupationSkillRelations.csv.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { LerError } from "../../src/domain/errors.ts";
import type { ConceptInput, ConceptType } from "../model.ts";
import { readCsvRows } from "./csv.ts";
import { readLabelledTitles } from "./labelled-titles.ts";
import { distinctAliases, type ImportResult, type OccupationProfile, splitLabels } from "./types.ts";

export const ESCO_SOURCE = "esco";

const FILES = {
  skills: "skills_en.csv",
  groups: "skillGroups_en.csv",
  languageSkills: "languageSkillsCollection_en.csv",
  broader: "broaderRelationsSkillPillar.csv",
  hierarchy: "skillsHierarchy_en.csv",
  related: "skillSkillRelations.csv",
  occupations: "occupations_en.csv",
  occupationSkills: "occupationSkillRelations.csv",
} as const;

const SKILL_TYPE: Record<string, ConceptType> = { "skill/competence": "skill", knowledge: "knowledge" };
/** Skill groups by the first letter of their ESCO code; ISCED-F fields of education have no code. */
const GROUP_TYPE: Record<string, ConceptType> = { S: "skill", T: "skill", K: "knowledge", L: "language" };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** "…/esco/skill/<uuid>" → "esco:<uuid>"; "…/esco/isced-f/0011" → "esco:isced-f:0011". Stable across releases. */
export function escoId(uri: string): string {
  const path = uri.trim().replace(/^https?:\/\/data\.europa\.eu\/esco\//, "");
  const last = path.split("/").pop() ?? "";
  const key = UUID.test(last.toLowerCase()) ? last : path.replace(/\//g, ":");
  return `esco:${key.toLowerCase().replace(/[^a-z0-9._:/-]+/g, "-")}`;
}

export interface EscoImportOptions {
  /** Called after each file with the rows read so far, for progress display. */
  onProgress?: (file: string, rows: number) => void;
  /**
   * CSV files of vacancy titles labelled with ESCO occupations (`vacancyTitle,conceptUri`, e.g. the
   * JobBERT evaluation titles): each occupation carries its labelled titles as `examples`, which
   * the title matcher learns from. Read here, stored with the occupation, never copied elsewhere.
   */
  labelledTitles?: readonly string[];
}

interface Draft {
  concept: ConceptInput & { broader: string[]; related: string[] };
}

export function importEsco(dir: string, options: EscoImportOptions = {}): ImportResult {
  const file = (name: string) => join(dir, name);
  if (!existsSync(file(FILES.skills)))
    throw new LerError("invalid_input", `no ${FILES.skills} in ${dir}: is this an ESCO CSV download?`);
  const counts: Record<string, number> = {};
  const progress = (name: string, rows: number) => {
    counts[name] = rows;
    options.onProgress?.(name, rows);
  };
  // Read first: a missing labelled-title file fails the import before the long part.
  const labelled = readLabelledTitles(options.labelledTitles ?? []);
  if (options.labelledTitles?.length)
    progress(
      "labelledTitles",
      [...labelled.values()].reduce((n, l) => n + l.length, 0),
    );
  const drafts = new Map<string, Draft>();
  const languageUris = readUriSet(file(FILES.languageSkills));

  let rows = 0;
  for (const r of readCsvRows(file(FILES.skills))) {
    rows++;
    const uri = r.conceptUri ?? "";
    const type = languageUris.has(uri) ? "language" : (SKILL_TYPE[r.skillType ?? ""] ?? "skill");
    drafts.set(uri, { concept: conceptFrom(r, type) });
  }
  progress("skills", rows);

  rows = 0;
  for (const r of readOptional(file(FILES.groups))) {
    rows++;
    const type = GROUP_TYPE[(r.code ?? "").charAt(0)] ?? "knowledge";
    drafts.set(r.conceptUri ?? "", { concept: conceptFrom(r, type) });
  }
  progress("skillGroups", rows);

  const link = (childUri: string, parentUri: string, key: "broader" | "related") => {
    const child = drafts.get(childUri);
    if (!child || !drafts.has(parentUri) || childUri === parentUri) return false;
    const id = escoId(parentUri);
    if (child.concept[key].includes(id)) return false;
    child.concept[key].push(id);
    return true;
  };
  rows = 0;
  for (const r of readOptional(file(FILES.broader)))
    if (link(r.conceptUri ?? "", r.broaderUri ?? "", "broader")) rows++;
  for (const [child, parent] of hierarchyEdges(file(FILES.hierarchy)))
    if (link(child, parent, "broader")) rows++;
  progress("broaderEdges", rows);

  rows = 0;
  for (const r of readOptional(file(FILES.related)))
    if (link(r.originalSkillUri ?? "", r.relatedSkillUri ?? "", "related")) rows++;
  progress("relatedEdges", rows);

  const occupations = readOccupations(dir, drafts, progress, labelled);
  return { concepts: [...drafts.values()].map((d) => d.concept), occupations, counts };
}

function conceptFrom(r: Record<string, string>, type: ConceptType): Draft["concept"] {
  const uri = r.conceptUri ?? "";
  const label = (r.preferredLabel ?? "").trim();
  if (!uri || !label) throw new LerError("parse_failed", `ESCO row without URI or label: ${uri || label}`);
  const description = (r.description || r.definition || "").trim();
  return {
    id: escoId(uri),
    label,
    aliases: distinctAliases(label, [...splitLabels(r.altLabels), ...splitLabels(r.hiddenLabels)]),
    type,
    broader: [],
    related: [],
    ...(description ? { description } : {}),
    escoUri: uri,
    source: ESCO_SOURCE,
  };
}

function readOccupations(
  dir: string,
  drafts: Map<string, Draft>,
  progress: (name: string, rows: number) => void,
  labelled: ReadonlyMap<string, string[]>,
): OccupationProfile[] {
  const byUri = new Map<string, OccupationProfile>();
  for (const r of readOptional(join(dir, FILES.occupations))) {
    const uri = r.conceptUri ?? "";
    const label = (r.preferredLabel ?? "").trim();
    if (!uri || !label) continue;
    const description = (r.description ?? "").trim();
    byUri.set(uri, {
      id: escoId(uri),
      label,
      aliases: distinctAliases(label, [...splitLabels(r.altLabels), ...splitLabels(r.hiddenLabels)]),
      escoUri: uri,
      ...(description ? { description } : {}),
      essential: [],
      optional: [],
      source: ESCO_SOURCE,
    });
  }
  progress("occupations", byUri.size);
  let rows = 0;
  for (const r of readOptional(join(dir, FILES.occupationSkills))) {
    const occupation = byUri.get(r.occupationUri ?? "");
    const skillUri = r.skillUri ?? "";
    if (!occupation || !drafts.has(skillUri)) continue;
    const list = r.relationType === "essential" ? occupation.essential : occupation.optional;
    list.push(escoId(skillUri));
    rows++;
  }
  progress("occupationSkillRelations", rows);
  for (const [uri, examples] of labelled) {
    const occupation = byUri.get(uri);
    if (occupation) occupation.examples = examples;
  }
  return [...byUri.values()];
}

function* readOptional(path: string): Generator<Record<string, string>> {
  if (existsSync(path)) yield* readCsvRows(path);
}

function readUriSet(path: string): Set<string> {
  const out = new Set<string>();
  for (const r of readOptional(path)) if (r.conceptUri) out.add(r.conceptUri);
  return out;
}

/** skillsHierarchy_en.csv: each row is a path Level 0 → Level 3; consecutive levels are child → parent. */
function* hierarchyEdges(path: string): Generator<[string, string]> {
  for (const r of readOptional(path)) {
    const levels = [0, 1, 2, 3].map((l) => r[`Level ${l} URI`] ?? "").filter(Boolean);
    for (let i = 1; i < levels.length; i++) yield [levels[i]!, levels[i - 1]!];
  }
}
