/**
 * A seeded, reproducible population of people with LER documents. Each person has a LATENT true
 * proficiency per skill (drawn from an occupation profile and their seniority); documents observe
 * it the way real records do: self-assessments inflated and noisy, issuers closer to the truth,
 * levels missing, skills written as aliases or with typos, many scales, expired credentials and
 * old evidence for skills that have since faded. The latent truth is what relevance is graded on.
 */
import type { Concept } from "../../taxonomy/model.ts";
import {
  loadStarterConcepts,
  loadStarterOccupations,
  type OccupationProfile,
} from "../../taxonomy/starter.ts";
import {
  ASSESSMENT_PROVIDERS,
  CREDENTIAL_ISSUERS,
  EMPLOYERS,
  FIRST_NAMES,
  LAST_NAMES,
  LOCATIONS,
  WORKPLACES,
} from "./names.ts";
import { type GeneratedSourceKind, observeLevel, type SourceProfile, writeSkill } from "./observe.ts";
import { createRng, type Rng } from "./random.ts";
import { profileIn, WORLDS, type World } from "./worlds.ts";

export interface PopulationOptions {
  people: number;
  seed: number;
  occupations: readonly OccupationProfile[];
  concepts: readonly Concept[];
  /** The date documents are generated "as of" (fixed, so output never depends on the clock). */
  asOf?: string;
  /** Share of self-asserted skill texts with a typo. */
  typoRate?: number;
  /** Share of people whose own profile is a JSON Resume (their candidate id is then their e-mail). */
  jsonResumeShare?: number;
  /** The noise model (worlds.ts); the generator's first world by default. */
  world?: World;
  /** concept → the concepts most often asked for with it, for skills recorded as a neighbour */
  neighbours?: ReadonlyMap<string, readonly string[]>;
}

export type Truth = Map<string, Map<string, number>>;

/** A JSON Resume (jsonresume.org) as people export it: skills with level words, languages, work. */
export interface JsonResumeDocument {
  $schema: string;
  basics: { name: string; email: string; location: { city: string; countryCode?: string } };
  skills: { name: string; level?: string }[];
  languages: { language: string; fluency?: string }[];
  meta: { lastModified: string };
}

export type GeneratedDocument = NativeDocument | JsonResumeDocument;

export interface Population {
  documents: GeneratedDocument[];
  truth: Truth;
  /** person id → occupation id (the main one) */
  occupationOf: Map<string, string>;
}

export interface NativeAssertion {
  skill: string;
  conceptId?: string;
  level?: string | number;
  scale?: string;
  min?: number;
  max?: number;
  levels?: string[];
  lastPracticedAt?: string;
  wherePracticed?: string;
}

export interface NativeDocument {
  format: "ler-match/v1";
  id: string;
  person: { id: string; name: string; email: string; location: string };
  title: string;
  issuer?: string;
  issuedAt: string;
  validUntil?: string;
  verification: "verified" | "unverified";
  sourceKind: GeneratedSourceKind;
  assertions: NativeAssertion[];
}

export const DEFAULT_AS_OF = "2026-11-01";
const YEAR_MS = 365.25 * 24 * 3600 * 1000;

interface LatentSkill {
  conceptId: string;
  /** the best the person ever was */
  peak: number;
  /** years since last practised, as of `asOf` */
  yearsAgo: number;
  /** the latent truth: peak faded by disuse */
  current: number;
  /** a neighbouring concept the records name instead of this one (see World.neighbourOnly) */
  recordedAs?: string;
}

interface Person {
  id: string;
  /** their own profile is a JSON Resume */
  resume: boolean;
  name: string;
  email: string;
  location: string;
  occupationId: string;
  skills: LatentSkill[];
}

interface Context {
  concepts: Map<string, Concept>;
  narrower: Map<string, string[]>;
  languages: string[];
  occupations: readonly OccupationProfile[];
  asOfMs: number;
  typoRate: number;
  jsonResumeShare: number;
  world: World;
  neighbours: ReadonlyMap<string, readonly string[]>;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round2 = (x: number) => Math.round(x * 100) / 100;

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function buildContext(options: PopulationOptions): Context {
  const concepts = new Map(options.concepts.map((c) => [c.id, c]));
  const narrower = new Map<string, string[]>();
  for (const c of options.concepts)
    for (const b of c.broader) narrower.set(b, [...(narrower.get(b) ?? []), c.id]);
  const languages = options.concepts.filter((c) => c.type === "language").map((c) => c.id);
  if (options.occupations.length === 0)
    throw new RangeError("generatePopulation needs at least one occupation");
  return {
    concepts,
    narrower,
    languages,
    occupations: options.occupations,
    asOfMs: Date.parse(options.asOf ?? DEFAULT_AS_OF),
    typoRate: options.typoRate ?? 0.06,
    jsonResumeShare: options.jsonResumeShare ?? 0.1,
    world: options.world ?? WORLDS.baseline,
    neighbours: options.neighbours ?? new Map(),
  };
}

/** Years since a skill was last practised: mostly current, some years back, a few long ago. */
function drawYearsAgo(rng: Rng): number {
  const band = rng.weighted([
    [[0, 2], 70],
    [[2, 6], 20],
    [[6, 14], 10],
  ] as const);
  return band[0] + rng.next() * (band[1] - band[0]);
}

/** Skills fade with disuse: no loss for two years, then half-life of eight. */
const faded = (peak: number, yearsAgo: number) => peak * 0.5 ** (Math.max(0, yearsAgo - 2) / 8);

function latentSkills(ctx: Context, occupation: OccupationProfile, rng: Rng): LatentSkill[] {
  const years = Math.floor(rng.next() ** 1.5 * 25);
  const base = 1.4 + 2.8 * (1 - Math.exp(-years / 6));
  const drawn = new Map<string, number>();
  const add = (conceptId: string, mean: number, sd: number) => {
    if (!ctx.concepts.has(conceptId) || drawn.has(conceptId)) return;
    // some people hold a narrower skill than the profile names (PostgreSQL for SQL)
    const children = ctx.narrower.get(conceptId) ?? [];
    const held = children.length > 0 && rng.chance(0.3) ? rng.pick(children) : conceptId;
    drawn.set(held, clamp(rng.normal(mean, sd), 0.5, 5));
  };
  for (const id of occupation.essential) if (rng.chance(0.9)) add(id, base, 0.7);
  for (const id of occupation.optional) if (rng.chance(0.4)) add(id, base - 0.6, 0.8);
  if (rng.chance(0.2)) {
    const second = rng.pick(ctx.occupations);
    for (const id of second.essential) if (rng.chance(0.5)) add(id, base - 1.2, 0.8);
  }
  for (const id of rng.sample(ctx.languages, rng.int(0, 2))) add(id, 3.5, 1);
  const before = new Set(drawn.keys());
  // drawn only in a world with career changers, so every other world's draws stay as they were
  const others = ctx.occupations.filter((o) => o.id !== occupation.id);
  if (ctx.world.careerChange > 0 && others.length > 0 && rng.chance(ctx.world.careerChange))
    for (const id of rng.pick(others).essential) if (rng.chance(0.9)) add(id, base, 0.7);
  return [...drawn].map(([conceptId, peak]) => {
    const yearsAgo = before.has(conceptId) ? drawYearsAgo(rng) : 6 + rng.next() * 8;
    const near = ctx.neighbours.get(conceptId) ?? [];
    const hidden = near.length > 0 && rng.chance(ctx.world.neighbourOnly);
    return {
      conceptId,
      peak,
      yearsAgo,
      current: faded(peak, yearsAgo),
      ...(hidden ? { recordedAs: rng.pick(near) } : {}),
    };
  });
}

function drawPerson(ctx: Context, index: number, rng: Rng): Person {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const number = `p${String(index + 1).padStart(6, "0")}`;
  const occupation = rng.pick(ctx.occupations);
  const handle = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "");
  const email = `${handle}.${number}@example.org`;
  const resume = rng.chance(ctx.jsonResumeShare);
  return {
    // a JSON Resume names its person by e-mail only, so such people are known by it everywhere
    id: resume ? email : number,
    resume,
    name: `${first} ${last}`,
    email,
    location: rng.pick(LOCATIONS),
    occupationId: occupation.id,
    skills: latentSkills(ctx, occupation, rng),
  };
}

function assertion(ctx: Context, skill: LatentSkill, kind: GeneratedSourceKind, rng: Rng): NativeAssertion {
  const concept = ctx.concepts.get(recordedAs(skill));
  if (!concept) throw new RangeError(`unknown concept ${skill.conceptId}`);
  const typo = kind === "self-asserted" ? ctx.typoRate : ctx.typoRate / 4;
  const out: NativeAssertion = {
    skill: writeSkill(concept.label, concept.aliases, rng, typo),
    ...observeLevel(skill.peak, profileIn(ctx.world, kind), concept.type === "language", rng),
  };
  // issuers that align to a framework name the concept; people never do
  if (kind === "verified-credential" && rng.chance(0.4)) out.conceptId = concept.id;
  return out;
}

/**
 * The concept a record names for a skill: in some worlds a share of skills only ever show up as a
 * neighbouring skill (the same for every record of that person's skill, as records echo each other).
 */
function recordedAs(skill: LatentSkill): string {
  return skill.recordedAs ?? skill.conceptId;
}

/** A skill the person claims but does not have (a stretch on a self-made profile). */
function falseClaim(ctx: Context, person: Person, rng: Rng): LatentSkill | null {
  const held = new Set(person.skills.map((s) => s.conceptId));
  const other = rng.pick(ctx.occupations);
  const candidates = [...other.essential, ...other.optional].filter(
    (id) => !held.has(id) && ctx.concepts.has(id),
  );
  if (candidates.length === 0) return null;
  return { conceptId: rng.pick(candidates), peak: rng.int(2, 3), yearsAgo: 1, current: 0 };
}

/**
 * k skills drawn with probability growing with level (weighted sampling without replacement,
 * Efraimidis–Spirakis): people get certified, and employers record, what they are good at.
 */
function strongest(skills: readonly LatentSkill[], k: number, rng: Rng): LatentSkill[] {
  return skills
    .map((s) => ({ s, key: rng.next() ** (1 / s.peak ** 2) }))
    .sort((a, b) => b.key - a.key)
    .slice(0, k)
    .map(({ s }) => s);
}

type DocumentDraft = Omit<NativeDocument, "format" | "id" | "person">;

function selfProfile(ctx: Context, person: Person, rng: Rng): DocumentDraft {
  const shown = person.skills.filter(() => rng.chance(0.8));
  const claim = rng.chance(0.15) ? falseClaim(ctx, person, rng) : null;
  const issuedMs = ctx.asOfMs - rng.next() * 3 * YEAR_MS;
  return {
    title: "Skills profile",
    issuedAt: isoDate(issuedMs),
    verification: "unverified",
    sourceKind: "self-asserted",
    assertions: [...shown, ...(claim ? [claim] : [])].map((s) => {
      const a = assertion(ctx, s, "self-asserted", rng);
      if (rng.chance(0.5)) a.lastPracticedAt = isoDate(ctx.asOfMs - s.yearsAgo * YEAR_MS);
      return a;
    }),
  };
}

function employerRecord(ctx: Context, person: Person, rng: Rng): DocumentDraft {
  const employer = rng.pick(EMPLOYERS);
  const skills = strongest(person.skills, rng.int(2, 5), rng);
  const lastMs = ctx.asOfMs - Math.min(...skills.map((s) => s.yearsAgo)) * YEAR_MS;
  return {
    title: `Employment record — ${employer}`,
    issuer: employer,
    issuedAt: isoDate(lastMs),
    verification: "unverified",
    sourceKind: "employer-record",
    assertions: skills.map((s) => ({
      ...assertion(ctx, s, "employer-record", rng),
      lastPracticedAt: isoDate(ctx.asOfMs - s.yearsAgo * YEAR_MS),
      wherePracticed: rng.chance(0.8) ? employer : rng.pick(WORKPLACES),
    })),
  };
}

/**
 * Who vouches for the generator's "verified" credentials when they are ingested: synthetic
 * documents carry no proofs, so the generator itself is their upstream verifier.
 */
export const GENERATOR_ATTESTATION = "ler-match generator";

function credential(ctx: Context, person: Person, rng: Rng): DocumentDraft {
  const kind = rng.chance(0.4) ? "verified-credential" : "issued-credential";
  const skills = strongest(person.skills, rng.int(1, 3), rng);
  const oldest = Math.max(...skills.map((s) => s.yearsAgo));
  const issuedMs = ctx.asOfMs - Math.min(15, oldest + rng.next() * 3) * YEAR_MS;
  const expires = rng.chance(0.45);
  const title = skills.map((s) => ctx.concepts.get(s.conceptId)?.label ?? s.conceptId).join(", ");
  return {
    title: `Certificate: ${title}`,
    issuer: rng.pick(CREDENTIAL_ISSUERS),
    issuedAt: isoDate(issuedMs),
    ...(expires ? { validUntil: isoDate(issuedMs + rng.int(2, 5) * YEAR_MS) } : {}),
    verification: kind === "verified-credential" ? "verified" : "unverified",
    sourceKind: kind,
    assertions: skills.map((s) => assertion(ctx, s, kind, rng)),
  };
}

function assessment(ctx: Context, person: Person, rng: Rng): DocumentDraft {
  const skills = rng.sample(person.skills, rng.int(1, 4));
  return {
    title: "Skills assessment results",
    issuer: rng.pick(ASSESSMENT_PROVIDERS),
    issuedAt: isoDate(ctx.asOfMs - rng.next() * 3 * YEAR_MS),
    verification: "verified",
    sourceKind: "assessment",
    // an assessment measures the skill as it is now
    assertions: skills.map((s) => assertion(ctx, { ...s, peak: s.current }, "assessment", rng)),
  };
}

const resumeHabits = (world: World): SourceProfile => ({
  ...profileIn(world, "self-asserted"),
  scales: [["words", 1]],
});

function jsonResume(ctx: Context, person: Person, rng: Rng): JsonResumeDocument {
  const [city, countryCode] = person.location.split(", ");
  const shown = person.skills.filter(() => rng.chance(0.8));
  const entry = (s: LatentSkill) => {
    const concept = ctx.concepts.get(recordedAs(s)) as Concept;
    const seen = observeLevel(s.peak, resumeHabits(ctx.world), concept.type === "language", rng);
    return {
      concept,
      text: writeSkill(concept.label, concept.aliases, rng, ctx.typoRate),
      level: seen.level,
    };
  };
  const entries = shown.map(entry);
  return {
    $schema: "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
    basics: {
      name: person.name,
      email: person.email,
      location: { city: city ?? "", ...(countryCode ? { countryCode } : {}) },
    },
    skills: entries
      .filter((e) => e.concept.type !== "language")
      .map((e) => ({ name: e.text, ...(e.level !== undefined ? { level: String(e.level) } : {}) })),
    languages: entries
      .filter((e) => e.concept.type === "language")
      .map((e) => ({
        language: e.concept.label,
        ...(e.level !== undefined ? { fluency: String(e.level) } : {}),
      })),
    meta: { lastModified: isoDate(ctx.asOfMs - rng.next() * 3 * YEAR_MS) },
  };
}

/** How many employer records and credentials a person has: [count, weight] */
const EMPLOYER_RECORDS = [
  [0, 3],
  [1, 5],
  [2, 2],
] as const;
const CREDENTIALS = [
  [0, 4],
  [1, 4],
  [2, 2],
  [3, 1],
] as const;

function documentsOf(ctx: Context, person: Person, rng: Rng): GeneratedDocument[] {
  if (person.skills.length === 0) return [];
  const resume = person.resume ? jsonResume(ctx, person, rng) : null;
  const drafts: DocumentDraft[] = resume ? [] : [selfProfile(ctx, person, rng)];
  const employers = rng.weighted(EMPLOYER_RECORDS);
  for (let i = 0; i < employers; i++) drafts.push(employerRecord(ctx, person, rng));
  const credentials = rng.weighted(CREDENTIALS);
  for (let i = 0; i < credentials; i++) drafts.push(credential(ctx, person, rng));
  if (rng.chance(0.25)) drafts.push(assessment(ctx, person, rng));
  const { id, name, email, location } = person;
  const native: NativeDocument[] = drafts
    .filter((d) => d.assertions.length > 0)
    .map((d) => (ctx.world.stale > 0 && rng.chance(ctx.world.stale) ? staled(d, rng.int(3, 8)) : d))
    .map((d, n) => ({
      format: "ler-match/v1",
      id: `${id}-d${n + 1}`,
      person: { id, name, email, location },
      ...d,
    }));
  return resume && resume.skills.length + resume.languages.length > 0 ? [resume, ...native] : native;
}

/** A record dated years before the practice it describes: its dates say older than the truth. */
function staled(d: DocumentDraft, years: number): DocumentDraft {
  const back = (iso: string) => isoDate(Date.parse(iso) - years * YEAR_MS);
  return {
    ...d,
    ...(d.issuedAt ? { issuedAt: back(d.issuedAt) } : {}),
    ...(d.validUntil ? { validUntil: back(d.validUntil) } : {}),
    assertions: d.assertions.map((a) =>
      a.lastPracticedAt ? { ...a, lastPracticedAt: back(a.lastPracticedAt) } : a,
    ),
  };
}

export function generatePopulation(options: PopulationOptions): Population {
  const ctx = buildContext(options);
  const root = createRng(options.seed);
  const documents: GeneratedDocument[] = [];
  const truth: Truth = new Map();
  const occupationOf = new Map<string, string>();
  for (let i = 0; i < options.people; i++) {
    // one stream per person: person i is the same whatever the population size
    const rng = root.fork(`person:${i}`);
    const person = drawPerson(ctx, i, rng);
    documents.push(...documentsOf(ctx, person, rng));
    truth.set(person.id, new Map(person.skills.map((s) => [s.conceptId, round2(s.current)])));
    occupationOf.set(person.id, person.occupationId);
  }
  return { documents, truth, occupationOf };
}

/** The starter taxonomy's occupations (software, data, healthcare, trades, business, customer-facing…). */
export function generateStarterPopulation(seed: number, people: number, asOf?: string): Population {
  return generatePopulation({
    people,
    seed,
    asOf,
    occupations: loadStarterOccupations(),
    concepts: loadStarterConcepts(),
  });
}
