/**
 * Open Badges 3.0 results: credentialSubject.result[] → the achievement's resultDescription[] →
 * a rubric level (ordered rubric → ScaleHint.levels), an allowed value (allowedValue[] → levels) or
 * a number in valueMin–valueMax. The skill is the result's alignment, else its description's, else
 * the achievement's name. A stated requirement (requiredLevel / requiredValue) is kept as a warning.
 */
import type { ScaleHint } from "../../taxonomy/scales/types.ts";
import { childPath, type Json, objects, text } from "../json-path.ts";
import type { RawAssertion } from "../types.ts";
import { alignments, assertion } from "./common.ts";

interface Level {
  rawLevel: string | number | null;
  scale: ScaleHint | null;
  /** The resultDescription the level was read against. */
  from: Json | null;
}

export function resultAssertions(
  subject: Json,
  subjectPath: string,
  achievement: Json,
  warnings: string[],
): RawAssertion[] {
  const descriptions = objects(achievement.resultDescription);
  const resultPath = childPath(subjectPath, "result");
  return objects(subject.result).flatMap((result, i) => {
    const at = Array.isArray(subject.result) ? childPath(resultPath, i) : resultPath;
    const rdId = text(result.resultDescription);
    const rd = descriptions.find((d) => rdId !== null && text(d.id) === rdId) ?? null;
    if (rdId && !rd) warnings.push(`${at}: resultDescription ${rdId} is not in the achievement`);
    const { from, ...level } = resultLevel(result, rd, descriptions, at, warnings);
    if (level.rawLevel === null) return [];
    const requirement = from ? requiredOf(from, descriptions) : null;
    if (requirement)
      warnings.push(`${at}: requires ${requirement}, achieved ${JSON.stringify(level.rawLevel)}`);
    const skill = resultSkill(result, rd, achievement, at, warnings);
    if (!skill) warnings.push(`${at}: result names no skill, skipped`);
    return skill ? [assertion({ ...skill, ...level })] : [];
  });
}

function resultSkill(
  result: Json,
  rd: Json | null,
  achievement: Json,
  at: string,
  warnings: string[],
): Pick<RawAssertion, "skillText" | "conceptHint" | "sourcePath"> | null {
  const own = alignments(result, at, warnings)[0];
  if (own) return { ...own, sourcePath: at };
  const described = rd ? alignments(rd, at, [])[0] : undefined;
  if (described) return { ...described, sourcePath: at };
  const skillText = text(achievement.name) ?? (rd ? text(rd.name) : null);
  return skillText ? { skillText, sourcePath: at } : null;
}

function resultLevel(result: Json, rd: Json | null, all: Json[], at: string, warnings: string[]): Level {
  const achieved = text(result.achievedLevel);
  if (achieved) {
    const owner =
      rd && rubric(rd).some((l) => text(l.id) === achieved) ? rd : all.find((d) => rubricHas(d, achieved));
    const level = owner ? rubric(owner).find((l) => text(l.id) === achieved) : undefined;
    if (!owner || !level) {
      warnings.push(`${at}: achievedLevel ${achieved} is not a rubric level of the achievement`);
      return { rawLevel: null, scale: null, from: null };
    }
    return { rawLevel: rubricLevelText(level), scale: rubricScale(owner, at, warnings), from: owner };
  }
  const value = typeof result.value === "number" ? result.value : text(result.value);
  if (value === null) return { rawLevel: null, scale: null, from: null };
  return { rawLevel: value, scale: rd ? valueScale(rd) : null, from: rd };
}

const rubric = (rd: Json): Json[] => objects(rd.rubricCriterionLevel);
const rubricHas = (rd: Json, id: string): boolean => rubric(rd).some((l) => text(l.id) === id);
const rubricLevelText = (l: Json): string | null => text(l.level) ?? text(l.name);

/**
 * Rubric levels ordered lowest first: by points when they differ, else as written. Tied points
 * make the order unknowable, so no order is claimed and the level's words decide.
 */
function rubricScale(rd: Json, at: string, warnings: string[]): ScaleHint | null {
  const levels = rubric(rd).filter((l) => rubricLevelText(l) !== null);
  const points = levels.map((l) => Number(text(l.points) ?? Number.NaN));
  const hasPoints = points.some((p) => !Number.isNaN(p));
  const distinct = new Set(points).size === points.length && points.every((p) => !Number.isNaN(p));
  if (hasPoints && !distinct) {
    warnings.push(`${at}: rubric levels share points, their order is unknown`);
    return null;
  }
  const ordered = hasPoints
    ? levels
        .map((l, i) => ({ l, p: points[i] ?? 0 }))
        .sort((a, b) => a.p - b.p)
        .map((x) => x.l)
    : levels;
  return { levels: ordered.map((l) => rubricLevelText(l) ?? "") };
}

function valueScale(rd: Json): ScaleHint | null {
  const allowed = (Array.isArray(rd.allowedValue) ? rd.allowedValue : []).map(text).filter((v) => v !== null);
  if (allowed.length > 0) return { levels: allowed };
  const min = Number(text(rd.valueMin) ?? Number.NaN);
  const max = Number(text(rd.valueMax) ?? Number.NaN);
  if (Number.isFinite(min) && Number.isFinite(max) && max > min) return { min, max };
  return null;
}

function requiredOf(rd: Json, all: Json[]): string | null {
  const value = text(rd.requiredValue);
  if (value) return `value ${JSON.stringify(value)}`;
  const levelId = text(rd.requiredLevel);
  if (!levelId) return null;
  const level = [rd, ...all].flatMap(rubric).find((l) => text(l.id) === levelId);
  return `level ${JSON.stringify(level ? rubricLevelText(level) : levelId)}`;
}
