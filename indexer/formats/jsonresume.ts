/**
 * JSON Resume (jsonresume.org). Everything in a résumé is the person's own claim: "self-asserted".
 * A skill group's level applies to each of its keywords; a group without keywords is itself the
 * skill. Languages carry their fluency; work positions carry where and until when; certificates
 * carry their issuer and date.
 */

import { PRESENT } from "../../src/domain/dates.ts";
import type { ScaleHint } from "../../taxonomy/scales/types.ts";
import {
  asArray,
  childPath,
  indexedObjects,
  isObject,
  isoDate,
  type Json,
  levelOf,
  looksLikeEmail,
  requireObject,
  text,
} from "../json-path.ts";
import type { FormatParser, ParsedDocument, ParsedPerson, RawAssertion } from "../types.ts";
import { anonymousPerson, assertion, newDocument } from "./common.ts";

const CEFR = /^[ABC][12]$/i;
/** A highlight short enough to be a skill name ("React", "Node.js"), not a sentence about an achievement. */
const SKILL_LIKE = /^[^\s!?;:]+(?:\s[^\s!?;:]+){0,2}$/;

type Section = (resume: Json, warnings: string[]) => RawAssertion[];

const each = (resume: Json, field: string) => indexedObjects(resume, field, "$");

const skills: Section = (resume) =>
  each(resume, "skills").flatMap(({ item, at }) => {
    const rawLevel = levelOf(item.level);
    const keywords = Array.isArray(item.keywords) ? item.keywords : [];
    const named = keywords.flatMap((k, j) => {
      const skillText = text(k);
      return skillText
        ? [assertion({ skillText, rawLevel, sourcePath: childPath(childPath(at, "keywords"), j) })]
        : [];
    });
    if (named.length > 0) return named;
    const group = text(item.name);
    return group ? [assertion({ skillText: group, rawLevel, sourcePath: at })] : [];
  });

const languages: Section = (resume) =>
  each(resume, "languages").flatMap(({ item, at }) => {
    const skillText = text(item.language) ?? text(item.name);
    if (!skillText) return [];
    const rawLevel = text(item.fluency);
    const scale: ScaleHint | null = rawLevel && CEFR.test(rawLevel) ? { scale: "cefr" } : null;
    return [assertion({ skillText, rawLevel, scale, sourcePath: at })];
  });

const work: Section = (resume) =>
  each(resume, "work").flatMap(({ item, at }) => {
    const wherePracticed = text(item.name) ?? text(item.company);
    const lastPracticedAt = isoDate(item.endDate) ?? (isoDate(item.startDate) ? PRESENT : null);
    const shared = { wherePracticed, lastPracticedAt };
    const position = text(item.position);
    const found = position ? [assertion({ skillText: position, sourcePath: at, ...shared })] : [];
    for (const field of ["highlights", "technologies"]) {
      asArray(item[field]).forEach((h, j) => {
        const skillText = text(h);
        if (skillText && SKILL_LIKE.test(skillText))
          found.push(assertion({ skillText, sourcePath: childPath(childPath(at, field), j), ...shared }));
      });
    }
    return found;
  });

const certificates: Section = (resume) =>
  each(resume, "certificates").flatMap(({ item, at }) => {
    const skillText = text(item.name);
    if (!skillText) return [];
    return [
      assertion({ skillText, issuer: text(item.issuer), issuedAt: isoDate(item.date), sourcePath: at }),
    ];
  });

const SECTIONS: Section[] = [skills, languages, work, certificates];

function location(basics: Json): string | null {
  const loc = isObject(basics.location) ? basics.location : {};
  const parts = [loc.city, loc.region, loc.countryCode].map(text).filter((p) => p !== null);
  return parts.length > 0 ? parts.join(", ") : null;
}

function person(resume: Json): ParsedPerson {
  const basics = isObject(resume.basics) ? resume.basics : {};
  const name = text(basics.name);
  const email = text(basics.email);
  const where = location(basics);
  if (looksLikeEmail(email)) return { id: email.toLowerCase(), name, email, location: where };
  // A name alone is a weak key, but it keeps re-ingests of one person's résumé on one candidate.
  if (name)
    return { id: `name:${name.toLowerCase().replace(/\s+/g, " ")}`, name, email: null, location: where };
  return { ...anonymousPerson(resume), location: where };
}

export function isJsonResume(doc: unknown): boolean {
  if (!isObject(doc)) return false;
  if (
    typeof doc.$schema === "string" &&
    /jsonresume|resume-schema/i.test(doc.$schema) &&
    isObject(doc.basics)
  )
    return true;
  return (
    isObject(doc.basics) && ["skills", "work", "languages", "education"].some((k) => Array.isArray(doc[k]))
  );
}

export const jsonResumeParser: FormatParser = {
  format: "jsonresume",
  detect(doc) {
    return isJsonResume(doc) ? 9 : isObject(doc) && isObject(doc.basics) ? 4 : 0;
  },
  parse(doc): ParsedDocument[] {
    const resume = requireObject(doc, "JSON Resume");
    const warnings: string[] = [];
    const assertions = SECTIONS.flatMap((section) => section(resume, warnings));
    const basics = isObject(resume.basics) ? resume.basics : {};
    const meta = isObject(resume.meta) ? resume.meta : {};
    for (const field of ["skills", "work", "languages", "certificates"])
      if (field in resume && !Array.isArray(resume[field]) && !isObject(resume[field]))
        warnings.push(`$.${field}: not a list, skipped`);
    return [
      newDocument("jsonresume", "self-asserted", person(resume), {
        title: text(basics.label) ?? text(basics.name),
        issuedAt: isoDate(meta.lastModified),
        assertions,
        warnings,
      }),
    ];
  },
};
