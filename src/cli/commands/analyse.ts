import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { fromZod } from "../../domain/errors.ts";
import { EducationList, type PositionAnalysis } from "../../engine/analyse.ts";
import { anchorName } from "../../scoring/summary.ts";
import { reportError } from "../exit.ts";
import { withCommon, withEngine } from "../options.ts";
import { table } from "../table.ts";
import {
  evidenceFilters,
  type MatchCliOptions,
  readPosition,
  SKILLS_HELP,
  withEvidenceFilters,
} from "./match.ts";

interface AnalyseCliOptions extends MatchCliOptions {
  requirements?: string;
}

export function registerAnalyseCommand(program: Command): void {
  withEvidenceFilters(
    withCommon(
      program
        .command("analyse")
        .description("what each required requirement costs in qualified people, over everyone indexed")
        .argument("[skills...]", SKILLS_HELP),
    )
      .option("--requirements <file>", "a position JSON file: { title?, requirements: [...] }")
      .option("--jd <file>", "a job description text file"),
  ).action(async (skills: string[], o: AnalyseCliOptions) => {
    try {
      const options = evidenceFilters(o);
      const analysis = await withEngine(o, (engine) => {
        if (o.jd) return engine.analyseJobDescription(readFileSync(o.jd, "utf8"), options);
        // a position file may carry `education` beside `requirements`
        const file = o.requirements ?? o.position;
        const position = {
          ...readPosition(skills, { position: file }),
          ...(file ? educationOf(JSON.parse(readFileSync(file, "utf8"))) : {}),
        };
        return engine.analyse(position, options);
      });
      process.stdout.write(o.json ? `${JSON.stringify(analysis)}\n` : `${render(analysis)}\n`);
    } catch (e) {
      reportError(e, !!o.json);
    }
  });
}

function educationOf(file: unknown) {
  if (typeof file !== "object" || file === null || !("education" in file)) return {};
  const parsed = EducationList.safeParse(file.education);
  if (!parsed.success) throw fromZod(parsed.error, "education");
  return { education: parsed.data };
}

const level = (l: number | null) => (l === null ? "any" : anchorName(l));

export function render(a: PositionAnalysis): string {
  const lines = [
    `${a.qualified} of ${a.population} people qualify (every required requirement met)`,
    a.bottleneck ? `bottleneck: ${a.bottleneck}` : "no required requirement shuts anyone out",
    "",
    table(
      ["required", "minimum", "meet it", "removes", "if dropped or preferred", "if one level lower"],
      a.costs.map((c) => [
        c.label,
        level(c.minLevel),
        c.meets,
        `${c.removes} of ${c.otherwiseQualified}`,
        c.ifDropped,
        c.ifLowered ? `${c.ifLowered.qualified} (≥ ${level(c.ifLowered.minLevel)})` : "–",
      ]),
    ),
  ];
  for (const e of a.education) lines.push("", `degree: ${e.sentence}`);
  if (a.preferred.length) lines.push("", `preferred (rank, never disqualify): ${a.preferred.join(", ")}`);
  if (a.unresolved.length) lines.push(`not understood: ${a.unresolved.join(", ")}`);
  return lines.join("\n");
}
