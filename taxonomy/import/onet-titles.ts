/**
 * O*NET's titles for ESCO occupations. O*NET lists, per SOC occupation, the titles employers and
 * workers use (Alternate Titles, Sample of Reported Titles); ESCO has no crosswalk to SOC in its
 * download, so a SOC occupation is linked to the ESCO occupations that carry its title as a label or
 * alternative label (after title normalisation and stemming), else to the one ESCO occupation that
 * carries most of its alternate titles. Those ESCO occupations then also answer to its titles.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { contentStems } from "../resolver/concept-index.ts";
import { normaliseTitle } from "../title-normalise.ts";
import { readTsvRows } from "./csv.ts";

const ROW_CODE = "O*NET-SOC Code";
const FILES = {
  occupations: "Occupation Data.txt",
  alternate: "Alternate Titles.txt",
  reported: "Sample of Reported Titles.txt",
} as const;

/** A title's identity: its normalised head, stemmed, words sorted ("developers, software" = "software developer"). */
export const titleKey = (title: string): string => keyOfTitle(title);

const keyOfTitle = (title: string): string =>
  [...new Set(contentStems(normaliseTitle(title).head.join(" ")))].sort().join(" ");

/** A SOC occupation whose title names more ESCO occupations than this is too broad to link by name. */
const MAX_LINKS = 3;
/** Alternate titles that must name the same ESCO occupation before an untitled SOC links to it. */
const MIN_SHARED_TITLES = 2;

export interface Named {
  id: string;
  label: string;
  aliases?: readonly string[];
}

/** An O*NET occupation as linking needs it: its title and the other titles it goes by. */
export interface SocTitles {
  label: string;
  aliases?: readonly string[];
}

/**
 * ESCO occupation id → the titles of the O*NET occupations linked to it (distinct, not already its
 * own names). Pure: the import reads the files (onetTitlesByOccupation), the merge of an ESCO and
 * an O*NET import passes the imported profiles.
 */
export function linkOnetTitles(esco: readonly Named[], soc: readonly SocTitles[]): Map<string, string[]> {
  const keys = new Map<string, string>();
  // A title is keyed once: linking and the final filter both ask, and O*NET repeats titles across occupations.
  const titleKey = (title: string): string => {
    let key = keys.get(title);
    if (key === undefined) {
      key = keyOfTitle(title);
      keys.set(title, key);
    }
    return key;
  };
  const byKey = new Map<string, Set<string>>();
  for (const o of esco)
    for (const name of [o.label, ...(o.aliases ?? [])]) {
      const key = titleKey(name);
      if (key) byKey.set(key, (byKey.get(key) ?? new Set()).add(o.id));
    }
  const out = new Map<string, string[]>();
  for (const { label, aliases = [] } of soc)
    for (const id of linkSoc(label, aliases, byKey, titleKey))
      out.set(id, [...(out.get(id) ?? []), label, ...aliases]);
  const own = new Map(esco.map((o) => [o.id, new Set([o.label, ...(o.aliases ?? [])].map(titleKey))]));
  for (const [id, list] of out) {
    const seen = new Set(own.get(id));
    out.set(
      id,
      list.filter((t) => {
        const key = titleKey(t);
        if (!key || seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
    );
  }
  return out;
}

/** ESCO occupation id → O*NET titles read from an O*NET text download; empty without its files. */
export function onetTitlesByOccupation(esco: readonly Named[], onetDir: string): Map<string, string[]> {
  if (!existsSync(join(onetDir, FILES.occupations))) return new Map();
  const titles = new Map<string, string[]>();
  const addTitle = (soc: string, t: string | undefined) => {
    if (!soc || !t || t === "n/a") return;
    titles.set(soc, [...(titles.get(soc) ?? []), t.trim()]);
  };
  const socTitles = new Map<string, string>();
  for (const r of readTsvRows(join(onetDir, FILES.occupations)))
    socTitles.set(r[ROW_CODE] ?? "", r.Title ?? "");
  for (const file of [FILES.alternate, FILES.reported]) {
    const path = join(onetDir, file);
    if (!existsSync(path)) continue;
    for (const r of readTsvRows(path)) {
      const soc = r[ROW_CODE] ?? "";
      addTitle(soc, r["Alternate Title"] ?? r["Reported Job Title"]);
      addTitle(soc, r["Short Title"]);
    }
  }
  return linkOnetTitles(
    esco,
    [...socTitles].map(([soc, label]) => ({ label, aliases: titles.get(soc) ?? [] })),
  );
}

function linkSoc(
  title: string,
  alternates: readonly string[],
  byKey: ReadonlyMap<string, Set<string>>,
  titleKey: (title: string) => string,
): string[] {
  const direct = byKey.get(titleKey(title));
  if (direct && direct.size <= MAX_LINKS) return [...direct];
  const votes = new Map<string, number>();
  for (const t of alternates) {
    const ids = byKey.get(titleKey(t));
    if (ids?.size === 1) for (const id of ids) votes.set(id, (votes.get(id) ?? 0) + 1);
  }
  const [best] = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return best && best[1] >= MIN_SHARED_TITLES ? [best[0]] : [];
}
