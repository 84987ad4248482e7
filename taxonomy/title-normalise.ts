/**
 * A vacancy title as the occupation it names: "Sr. Java Dev (m/w/d) – remote" → head "java
 * developer", nothing else. Gender markers, seniority, contract and place words go; abbreviations
 * are spelled out; what follows a separator (" - ", " | ", ", ", " at ", " in ") or sits in
 * brackets is a qualifier, which still counts, but less. Tables, not branches.
 */
import { type Bracket, bracketedSpans } from "../src/text/bracketed.ts";
import { normaliseText } from "./resolver/concept-index.ts";

/** "(m/w/d)", "(f/m/x)", "(h/f)", "m/f/d": the legally required gender note, never the occupation. */
const GENDER_MARKER = /\(?\b[mwfdhx]\s*\/\s*[mwfdhx](?:\s*\/\s*[mwfdhx])?\b\)?/gi;

/** Abbreviations written in titles → the word occupation names use. */
export const TITLE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    dev: "developer",
    devs: "developers",
    eng: "engineer",
    engr: "engineer",
    mgr: "manager",
    mngr: "manager",
    asst: "assistant",
    assoc: "associate",
    admin: "administrative",
    exec: "executive",
    acct: "accountant",
    coord: "coordinator",
    rep: "representative",
    reps: "representatives",
    spec: "specialist",
    tech: "technician",
    techs: "technicians",
    sup: "supervisor",
    supv: "supervisor",
    dir: "director",
    hr: "human resources",
    qa: "quality assurance",
    qc: "quality control",
    ops: "operations",
    sw: "software",
    swe: "software engineer",
    sde: "software developer",
    pm: "project manager",
    ba: "business analyst",
    csr: "customer service representative",
    rn: "registered nurse",
    hgv: "heavy goods vehicle driver",
    it: "ict",
  }),
);

/** Seniority, contract and place words: how the job is offered, not what it is. */
export const TITLE_NOISE: ReadonlySet<string> = new Set([
  "senior",
  "sr",
  "junior",
  "jr",
  "lead",
  "principal",
  "staff",
  "trainee",
  "intern",
  "internship",
  "apprentice",
  "urgent",
  "urgently",
  "hiring",
  "vacancy",
  "wanted",
  "needed",
  "immediate",
  "experienced",
  "fresh",
  "graduate",
  "graduates",
  "entry",
  "level",
  "mid",
  "full",
  "part",
  "time",
  "fulltime",
  "parttime",
  "contract",
  "temporary",
  "temp",
  "permanent",
  "freelance",
  "remote",
  "hybrid",
  "onsite",
  "wfh",
  "home",
  "based",
  "ii",
  "iii",
  "iv",
]);

const BRACKETS: readonly Bracket[] = [
  ["(", ")"],
  ["[", "]"],
];

/** Where the occupation ends and its qualifiers (specialty, employer, place) begin. */
const SEPARATOR = / [-–—|@] |[|@,;:]| (?:at|in|for|with|di|en|bei|chez) /i;

export interface NormalisedTitle {
  /** the occupation as written, cleaned, in words */
  head: string[];
  /** words after a separator or in brackets */
  qualifiers: string[];
}

const words = (text: string): string[] =>
  normaliseText(text.replace(GENDER_MARKER, " "))
    .split(" ")
    .flatMap((t) => (TITLE_ABBREVIATIONS.get(t) ?? t).split(" "))
    .filter((t) => t && !TITLE_NOISE.has(t) && !/^\d+$/.test(t));

/** The title's head and qualifiers; a title that is all qualifier keeps its first part as head. */
export function normaliseTitle(title: string): NormalisedTitle {
  const spans = bracketedSpans(title, BRACKETS);
  let outside = "";
  let from = 0;
  for (const s of spans) {
    outside += `${title.slice(from, s.start)} `;
    from = s.end;
  }
  outside += title.slice(from);
  const bracketed = spans.map((s) => title.slice(s.start, s.end)).join(" ");
  const parts = outside.replace(GENDER_MARKER, " ").split(SEPARATOR);
  const nonEmpty = parts.map(words).filter((p) => p.length > 0);
  const [head = [], ...rest] = nonEmpty;
  return { head, qualifiers: [...rest.flat(), ...words(bracketed)] };
}
