/**
 * Degrees weighed against skills: of the people who meet every skill requirement, how many hold
 * the degree a position asks for, and how many a degree requirement would shut out — the
 * skills-first alternative, counted exactly over the same population.
 */

import { degreeMeets, normaliseField } from "../../taxonomy/education.ts";
import type { DegreeEvidence, EducationRequirement } from "../domain/education.ts";
import { Bitset } from "./bitset.ts";

export interface EducationCost extends EducationRequirement {
  /** People with a matching degree on record. */
  holders: number;
  /** People who meet every required skill requirement. */
  skillsQualified: number;
  /** Of those, the people who also hold the degree. */
  withDegree: number;
  /** Of those, the people who do not: whom a hard degree requirement would shut out. */
  skillsFirst: number;
  sentence: string;
}

export function describeDegree(req: EducationRequirement): string {
  const level = {
    secondary: "a secondary diploma",
    associate: "an associate degree",
    bachelor: "a bachelor's",
    master: "a master's",
    doctorate: "a doctorate",
  }[req.level];
  return req.field && !req.relatedFields
    ? `${level} in ${req.field}`
    : req.field
      ? `${level} in ${req.field} or a related field`
      : level;
}

export function educationCosts(
  population: Bitset,
  skillsQualified: Bitset,
  requirements: readonly EducationRequirement[],
  degrees: readonly DegreeEvidence[],
  ordinalOf: (candidateId: string) => number | undefined,
): EducationCost[] {
  const qualified = skillsQualified.countAnd(population);
  return requirements.map((asked) => {
    const req = { ...asked, field: normaliseField(asked.field) };
    const holding = new Bitset(population.size);
    for (const d of degrees) {
      const ord = ordinalOf(d.candidateId);
      if (ord !== undefined && degreeMeets(req, d)) holding.add(ord);
    }
    const holders = holding.countAnd(population);
    const withDegree = skillsQualified.clone().and(population).countAnd(holding);
    const skillsFirst = qualified - withDegree;
    const degree = describeDegree(req);
    return {
      ...req,
      holders,
      skillsQualified: qualified,
      withDegree,
      skillsFirst,
      sentence:
        `${skillsFirst} of ${qualified} people who meet every skill requirement hold no ${degree.replace(/^an? /, "")} on record` +
        (req.orEquivalent
          ? "; the position accepts equivalent experience, so they stay in"
          : `; requiring it would leave ${withDegree}`),
    };
  });
}
