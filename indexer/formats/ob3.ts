/**
 * Open Badges 3.0 (OpenBadgeCredential / AchievementCredential, VC data model 1.1 and 2.0).
 * Skills come from the achievement's alignments, from a "Competency" achievement's own name, and
 * from results whose levels resolve through the achievement's resultDescription (rubric levels,
 * allowed values, a numeric range). With nothing aligned, the achievement's name is the skill.
 */

import { isLerError } from "../../src/domain/errors.ts";
import { OB3_DEGREE_TYPES } from "../../taxonomy/education.ts";
import {
  childPath,
  contexts,
  hasType,
  isObject,
  isoDate,
  type Json,
  nameOf,
  objects,
  requireObject,
  text,
} from "../json-path.ts";
import type { FormatParser, ParsedDocument, ParsedPerson, RawAssertion } from "../types.ts";
import {
  alignments,
  anonymousPerson,
  assertion,
  credentialTerms,
  firstObject,
  newDocument,
  parseFailed,
  requireSubject,
} from "./common.ts";
import { resultAssertions } from "./ob3-results.ts";

const OB3_TYPES = ["OpenBadgeCredential", "AchievementCredential"];
const OB3_CONTEXT = /purl\.imsglobal\.org\/spec\/ob\/v3p0/;
/** Achievement types whose name is itself a skill, even when aligned elsewhere. */
const SKILL_ACHIEVEMENT_TYPES = new Set(["Competency", "ext:Skill", "Skill"]);
const isDegreeType = (type: string | null): boolean =>
  type !== null && (type.replace(/^ext:/, "") in OB3_DEGREE_TYPES || /degree/i.test(type));

export interface CredentialParts {
  documentId: string | null;
  title: string | null;
  issuer: string | null;
  issuedAt: string | null;
  validUntil: string | null;
  credentialStatus: unknown;
  subject: Json;
  assertions: RawAssertion[];
  warnings: string[];
}

/** Reads one OB3 credential found at `path` (the root, or inside a CLR / LER-RS / JWT). */
export function readOb3Credential(vc: Json, path: string): CredentialParts {
  const warnings: string[] = [];
  const subjectPath = Array.isArray(vc.credentialSubject)
    ? childPath(childPath(path, "credentialSubject"), 0)
    : childPath(path, "credentialSubject");
  const subject = requireSubject(vc, subjectPath);
  const achievementPath = childPath(subjectPath, "achievement");
  const achievement = firstObject(subject.achievement);
  if (!achievement) throw parseFailed(`credentialSubject has no achievement`, achievementPath);

  const terms = credentialTerms(vc);
  const shared = { ...terms, ...practice(vc, subject) };

  const aligned = alignments(achievement, achievementPath, warnings).map((a) =>
    assertion({ ...a, ...shared }),
  );
  const results = resultAssertions(subject, subjectPath, achievement, warnings).map((a) => ({
    ...a,
    ...shared,
  }));
  const named = nameAssertion(achievement, achievementPath, aligned, results);
  const assertions = [...aligned, ...(named ? [{ ...named, ...shared }] : []), ...results];
  return {
    documentId: text(vc.id),
    title: text(vc.name) ?? text(achievement.name),
    ...terms,
    credentialStatus: vc.credentialStatus ?? null,
    subject,
    assertions,
    warnings,
  };
}

function nameAssertion(
  achievement: Json,
  path: string,
  aligned: RawAssertion[],
  results: RawAssertion[],
): RawAssertion | null {
  const name = text(achievement.name);
  if (!name) return null;
  // a degree's name is not a skill: the degree is read as education evidence (../degrees.ts)
  if (isDegreeType(text(achievement.achievementType))) return null;
  const isSkill = SKILL_ACHIEVEMENT_TYPES.has(text(achievement.achievementType) ?? "");
  const said = (list: RawAssertion[]) => list.some((a) => a.skillText.toLowerCase() === name.toLowerCase());
  if (said(aligned) || said(results)) return null;
  if (!isSkill && aligned.length > 0) return null;
  return assertion({ skillText: name, sourcePath: path });
}

/** Where and when the skill was practiced: the subject's source/role, activity dates, evidence. */
function practice(vc: Json, subject: Json): Pick<RawAssertion, "wherePracticed" | "lastPracticedAt"> {
  const source = nameOf(subject.source);
  const role = text(subject.role);
  const evidence =
    objects(vc.evidence)
      .map((e) => text(e.name))
      .find((n) => n !== null) ?? null;
  const wherePracticed = role && source ? `${role}, ${source}` : (source ?? role ?? evidence);
  const lastPracticedAt = isoDate(subject.activityEndDate) ?? isoDate(subject.activityStartDate);
  return { wherePracticed, lastPracticedAt };
}

/**
 * credentialSubject.id, else an unhashed email identifier, else another unhashed identifier
 * (studentId: 123), else a hashed identity, else a hash of the document.
 */
export function ob3Person(subject: Json, doc: unknown): ParsedPerson {
  const ids = objects(subject.identifier).filter((i) => text(i.identityHash) !== null);
  const plain = (type: string) => ids.find((i) => text(i.identityType) === type && i.hashed !== true);
  const identity = (i: Json | undefined) => (i ? text(i.identityHash) : null);
  const name = text(subject.name) ?? identity(plain("name"));
  const email = identity(plain("emailAddress"));
  const id = text(subject.id);
  if (id) return { id, name, email, location: null };
  if (email) return { id: email.toLowerCase(), name, email, location: null };
  const other = ids.find((i) => i.hashed !== true && text(i.identityType) !== "name");
  if (other)
    return {
      id: `${text(other.identityType) ?? "identity"}:${identity(other)}`,
      name,
      email,
      location: null,
    };
  const hashed = ids.find((i) => i.hashed === true);
  if (hashed) return { id: `identity:${identity(hashed)}`, name, email: null, location: null };
  return anonymousPerson(doc, name);
}

/**
 * An OB3 credential embedded in another document (a CLR, an LER-RS verification): its assertions,
 * or none with a warning when it cannot be read — one bad credential must not sink the bundle.
 */
export function readEmbeddedOb3(vc: Json, path: string, warnings: string[]): RawAssertion[] {
  try {
    const parts = readOb3Credential(vc, path);
    warnings.push(...parts.warnings);
    return parts.assertions;
  } catch (e) {
    if (!isLerError(e)) throw e;
    warnings.push(`${path}: skipped, ${e.message}`);
    return [];
  }
}

export function isOb3(doc: unknown): boolean {
  return (
    hasType(doc, ...OB3_TYPES) ||
    (contexts(doc).some((c) => OB3_CONTEXT.test(c)) &&
      isObject(doc) &&
      isObject(firstObject(doc.credentialSubject)?.achievement))
  );
}

export const ob3Parser: FormatParser = {
  format: "ob3",
  detect(doc) {
    if (hasType(doc, ...OB3_TYPES)) return 10;
    return isOb3(doc) ? 6 : 0;
  },
  parse(doc): ParsedDocument[] {
    const vc = requireObject(doc, "Open Badges 3.0 credential");
    const parts = readOb3Credential(vc, "$");
    const { subject, assertions, warnings, ...fields } = parts;
    return [
      newDocument("ob3", "issued-credential", ob3Person(subject, doc), { ...fields, assertions, warnings }),
    ];
  },
};
