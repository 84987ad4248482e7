/**
 * Skills on the command line: `NAME[:LEVEL][!]` — LEVEL is 0–5 or a level name (awareness, working,
 * practitioner, advanced, expert); a trailing `!` marks the skill required. e.g. `python:advanced!`
 */
import { LerError } from "../domain/errors.ts";
import { LEVEL_NAMES, type RequirementInput } from "../domain/schemas.ts";

export function parseSkillArg(arg: string): RequirementInput {
  const required = arg.endsWith("!");
  const body = required ? arg.slice(0, -1) : arg;
  const colon = body.lastIndexOf(":");
  if (colon < 0) return { concept: body.trim(), required };
  const concept = body.slice(0, colon).trim();
  const levelText = body
    .slice(colon + 1)
    .trim()
    .toLowerCase();
  const named = LEVEL_NAMES.indexOf(levelText as (typeof LEVEL_NAMES)[number]);
  const level = named >= 0 ? named : Number(levelText);
  if (!concept || !Number.isFinite(level) || level < 0 || level > 5)
    throw new LerError(
      "invalid_input",
      `"${arg}": write skills as NAME[:LEVEL][!], LEVEL 0–5 or ${LEVEL_NAMES.slice(1).join("/")}`,
    );
  return { concept, minLevel: level, required };
}
