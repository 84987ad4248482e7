/**
 * Degrees a document records, read apart from its skills: OB3 / CLR achievements whose
 * achievementType is a degree, JSON Resume `education[]`, LER-RS `educationDegrees[]`. A table of
 * readers by format; a format without one records no degrees.
 */
import type { DegreeLevel, DegreeRecord } from "../src/domain/education.ts";
import type { LerFormat } from "../src/domain/schemas.ts";
import {
  degreeLevelOf,
  degreeLevelOfIsced,
  normaliseField,
  OB3_DEGREE_TYPES,
} from "../taxonomy/education.ts";
import { childPath, isObject, isoDate, type Json, nameOf, objects, text } from "./json-path.ts";

type Reader = (doc: unknown) => DegreeRecord[];

const READERS: Partial<Record<LerFormat, Reader>> = {
  ob3: (doc) => ob3Degrees(doc, "$", null),
  clr2: (doc) => ob3Degrees(doc, "$", null),
  jsonresume: jsonResumeDegrees,
  "ler-rs": lerRsDegrees,
};

export const readDegrees = (format: LerFormat, raw: unknown): DegreeRecord[] => READERS[format]?.(raw) ?? [];

/** A degree achievement's level: its achievementType, else (a generic "Degree") its name. */
function achievementLevel(a: Json): DegreeLevel | null {
  const type = text(a.achievementType);
  if (!type) return null;
  const known = OB3_DEGREE_TYPES[type.replace(/^ext:/, "")];
  if (known) return known;
  return /degree/i.test(type) ? degreeLevelOf(text(a.name)) : null;
}

interface Issued {
  issuer: string | null;
  awardedAt: string | null;
}

/** Walks a credential (or a CLR of them), carrying the nearest credential's issuer and date down. */
function ob3Degrees(node: unknown, path: string, issued: Issued | null): DegreeRecord[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => ob3Degrees(item, childPath(path, i), issued));
  if (!isObject(node)) return [];
  const here: Issued | null =
    node.issuer !== undefined
      ? {
          issuer: nameOf(node.issuer),
          awardedAt: isoDate(node.validFrom ?? node.issuanceDate ?? node.awardedDate),
        }
      : issued;
  const out: DegreeRecord[] = [];
  const level = achievementLevel(node);
  const title = text(node.name);
  if (level && title)
    out.push({
      title,
      level,
      field: normaliseField(text(node.fieldOfStudy) ?? text(node.specialization)),
      issuer: here?.issuer ?? null,
      awardedAt: here?.awardedAt ?? null,
      sourcePath: path,
    });
  for (const [key, value] of Object.entries(node))
    if (typeof value === "object" && value !== null)
      out.push(...ob3Degrees(value, childPath(path, key), here));
  return out;
}

function jsonResumeDegrees(doc: unknown): DegreeRecord[] {
  if (!isObject(doc)) return [];
  return objects(doc.education).flatMap((e, i) => {
    const studyType = text(e.studyType);
    const level = degreeLevelOf(studyType);
    const area = text(e.area);
    if (!level || !studyType) return [];
    return [
      {
        title: area ? `${studyType}, ${area}` : studyType,
        level,
        field: normaliseField(area),
        issuer: text(e.institution),
        awardedAt: isoDate(e.endDate),
        sourcePath: `$.education[${i}]`,
      },
    ];
  });
}

const NOT_GRANTED = /progress|pending|not|incomplete|withdrawn/i;

function lerRsDegrees(doc: unknown): DegreeRecord[] {
  if (!isObject(doc)) return [];
  const subject = objects(doc.credentialSubject)[0];
  if (!subject) return [];
  return objects(subject.educationAndLearnings).flatMap((item, i) =>
    objects(item.educationDegrees).flatMap((d, j) => {
      const name = text(d.name);
      const level = degreeLevelOfIsced(d.iscedEducationLevelCode) ?? degreeLevelOf(name);
      const status = text(d.degreeGrantedStatus);
      if (!name || !level || (status && NOT_GRANTED.test(status))) return [];
      const major = objects(d.specializations).find((s) => text(s.type) !== "minor") ?? null;
      return [
        {
          title: name,
          level,
          field: normaliseField(major ? text(major.name) : null),
          issuer: nameOf(item.institution),
          awardedAt: isoDate(item.end),
          sourcePath: `$.credentialSubject.educationAndLearnings[${i}].educationDegrees[${j}]`,
        },
      ];
    }),
  );
}
