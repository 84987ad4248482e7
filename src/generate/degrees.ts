/**
 * Degrees for a generated population, as Open Badges 3.0 degree credentials: who holds one depends
 * on the occupation (most nurses and accountants, some developers, few welders), drawn from a
 * stream of its own so the rest of the population is the same with or without them.
 */
import type { DegreeLevel } from "../domain/education.ts";
import { createRng, type Rng } from "./random.ts";

interface DegreeHabit {
  occupation: RegExp;
  field: string;
  /** P(bachelor or higher), P(master | bachelor) */
  bachelor: number;
  master: number;
  /** below a bachelor's, P(associate) */
  associate: number;
}

const HABITS: DegreeHabit[] = [
  {
    occupation: /registered nurse|intensive care nurse|physical therapist/i,
    field: "Nursing",
    bachelor: 0.7,
    master: 0.15,
    associate: 0.8,
  },
  {
    occupation: /nurse|medical|pharmacy|paramedic|radiologic|respiratory|dental/i,
    field: "Health Sciences",
    bachelor: 0.2,
    master: 0.05,
    associate: 0.6,
  },
  {
    occupation: /accountant|auditor|bookkeeper|payroll/i,
    field: "Accounting",
    bachelor: 0.65,
    master: 0.15,
    associate: 0.4,
  },
  { occupation: /financial/i, field: "Finance", bachelor: 0.75, master: 0.25, associate: 0.3 },
  {
    occupation:
      /developer|software|engineer|data|devops|cloud|cyber|network|database|machine learning|tester/i,
    field: "Computer Science",
    bachelor: 0.6,
    master: 0.2,
    associate: 0.3,
  },
  {
    occupation: /manager|analyst|hr|recruiter|procurement|sales|account|assistant|designer/i,
    field: "Business Administration",
    bachelor: 0.5,
    master: 0.1,
    associate: 0.3,
  },
  { occupation: /./, field: "Applied Technology", bachelor: 0.05, master: 0, associate: 0.15 },
];

const TITLES: Record<DegreeLevel, string> = {
  secondary: "Secondary School Diploma",
  associate: "Associate of Applied Science in",
  bachelor: "Bachelor of Science in",
  master: "Master of Science in",
  doctorate: "Doctor of Philosophy in",
};
const TYPES: Record<DegreeLevel, string> = {
  secondary: "SecondarySchoolDiploma",
  associate: "AssociateDegree",
  bachelor: "BachelorDegree",
  master: "MasterDegree",
  doctorate: "DoctoralDegree",
};
const UNIVERSITIES = [
  "Northfield University",
  "Lakeside State University",
  "Riverton College",
  "Harbour Institute of Technology",
];

export interface DegreeHolder {
  id: string;
  name: string;
  occupationLabel: string;
}

function drawDegree(habit: DegreeHabit, rng: Rng): DegreeLevel | null {
  if (rng.chance(habit.bachelor)) return rng.chance(habit.master) ? "master" : "bachelor";
  return rng.chance(habit.associate) ? "associate" : null;
}

/** An OB3 AchievementCredential for the degree a person holds, or null when they hold none. */
export function degreeCredential(person: DegreeHolder, seed: number, asOfYear: number): object | null {
  const rng = createRng(seed).fork(`degree:${person.id}`);
  const habit = HABITS.find((h) => h.occupation.test(person.occupationLabel)) as DegreeHabit;
  const level = drawDegree(habit, rng);
  if (!level) return null;
  const university = rng.pick(UNIVERSITIES);
  const year = asOfYear - rng.int(2, 25);
  const name = `${TITLES[level]} ${habit.field}`;
  return {
    "@context": [
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ],
    id: `urn:ler-match:demo:degree:${person.id}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: {
      id: `urn:ler-match:demo:issuer:${university.toLowerCase().replace(/\W+/g, "-")}`,
      type: ["Profile"],
      name: university,
    },
    validFrom: `${year}-06-30T00:00:00Z`,
    name,
    credentialSubject: {
      id: person.id,
      type: ["AchievementSubject"],
      name: person.name,
      achievement: {
        id: `urn:ler-match:demo:achievement:${TYPES[level]}:${habit.field.toLowerCase().replace(/\W+/g, "-")}`,
        type: ["Achievement"],
        achievementType: TYPES[level],
        name,
        fieldOfStudy: habit.field,
        criteria: { narrative: `Completed the ${name} programme.` },
      },
    },
  };
}
