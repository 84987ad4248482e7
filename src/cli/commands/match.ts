import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { LerError } from "../../domain/errors.ts";
import { PositionInput } from "../../domain/schemas.ts";
import type { MatchPage } from "../../engine/types.ts";
import { apportionPoints, candidatesWithEvidence, formatScore } from "../../scoring/display.ts";
import { anchorName } from "../../scoring/summary.ts";
import { reportError } from "../exit.ts";
import { type CommonOptions, withCommon, withEngine } from "../options.ts";
import { parseSkillArg } from "../skill-args.ts";
import { table } from "../table.ts";

export interface MatchCliOptions extends CommonOptions {
  position?: string;
  jd?: string;
  limit: string;
  offset: string;
  verifiedOnly?: boolean;
  within?: string;
  partial?: boolean;
  explain?: boolean;
}

export const SKILLS_HELP =
  "skills as NAME[:LEVEL][!] — LEVEL 0–5 or awareness/working/practitioner/advanced/expert; ! = required";

export function registerMatchCommands(program: Command): void {
  for (const mode of ["match", "search"] as const) {
    withEvidenceFilters(
      withCommon(
        program
          .command(mode)
          .description(
            mode === "match"
              ? "rank candidates against a position (skills, a position file, or a job description file)"
              : "recruiter search: required skills with a level are exact filters",
          )
          .argument("[skills...]", SKILLS_HELP),
      )
        .option(
          "--position <file>",
          "a position JSON file: { title?, requirements: [{ concept, minLevel?, weight?, required? }] }",
        )
        .option("--jd <file>", "a job description text file (match only)")
        .option("--limit <n>", "results per page", "10")
        .option("--offset <n>", "skip this many results", "0"),
    )
      .option("--partial", "include candidates who miss a required skill, after the qualified ones")
      .option("--explain", "print each requirement's winning evidence")
      .action(async (skills: string[], o: MatchCliOptions) => {
        try {
          const options = {
            limit: Number(o.limit),
            offset: Number(o.offset),
            includePartial: !!o.partial,
            ...evidenceFilters(o),
          };
          const page = await withEngine(o, async (engine): Promise<MatchPage> => {
            if (!o.jd || o.position) return engine[mode](readPosition(skills, o), options);
            const text = readFileSync(o.jd, "utf8");
            if (mode === "match") {
              const { jobDescription: _understood, ...matched } = await engine.matchJobDescription(
                text,
                options,
              );
              return matched;
            }
            return engine.search((await engine.positionFromJobDescription(text)).position, options);
          });
          process.stdout.write(o.json ? `${JSON.stringify(page)}\n` : `${render(page, !!o.explain)}\n`);
        } catch (e) {
          reportError(e, !!o.json);
        }
      });
  }
}

/** Adds the evidence filters match, search and analyse take, read back by evidenceFilters. */
export const withEvidenceFilters = (command: Command): Command =>
  command
    .option("--verified-only", "count only verified evidence")
    .option("--within <years>", "count only evidence practiced within N years");

/** The evidence filters match, search and analyse take: --verified-only and --within <years>. */
export const evidenceFilters = (o: { verifiedOnly?: boolean; within?: string }) => ({
  verifiedOnly: !!o.verifiedOnly,
  ...(o.within ? { practicedWithinYears: Number(o.within) } : {}),
});

/** The position given as skill arguments or a position file (a job description is the engine's to read). */
export function readPosition(skills: string[], o: { position?: string }): PositionInput {
  if (o.position) return PositionInput.parse(JSON.parse(readFileSync(o.position, "utf8")));
  if (!skills.length)
    throw new LerError("invalid_input", `give skills, --position FILE or --jd FILE (${SKILLS_HELP})`);
  return { requirements: skills.map(parseSkillArg) };
}

const levelText = (l: number | null) => (l === null ? "–" : anchorName(l));

function render(page: MatchPage, explain: boolean): string {
  const head = `requirements: ${page.requirements.map((r) => `${r.label}${r.minLevel !== null ? ` ≥ ${levelText(r.minLevel)}` : ""}${r.required ? " (required)" : ""}`).join(", ")}`;
  const lines = [head];
  if (page.unresolved.length) lines.push(`not understood: ${page.unresolved.join(", ")}`);
  lines.push(candidatesWithEvidence(page), "");
  lines.push(
    table(
      ["#", "score", "candidate", "summary"],
      page.results.map((r) => [r.rank, formatScore(r.score), r.name ?? r.candidateId, r.explanation.summary]),
    ),
  );
  if (explain)
    for (const r of page.results) {
      lines.push("", `#${r.rank} ${r.name ?? r.candidateId} — ${formatScore(r.score)}`);
      const points = apportionPoints(
        r.explanation.requirements.map((q) => q.contribution),
        r.score,
      );
      for (const [i, q] of r.explanation.requirements.entries()) {
        const b = q.best;
        lines.push(
          `  ${q.outcome.padEnd(7)} ${q.label}: ${b ? `${b.skillText} (${b.rawLevel ?? "no level"} → ${levelText(b.level)}, ${b.sourceKind}${b.issuer ? `, ${b.issuer}` : ""}${b.verifiedBy ? `, ${b.verifiedBy.startsWith("attested") ? b.verifiedBy : `verified by ${b.verifiedBy}`}` : ""})` : "no evidence"} · +${points[i]}`,
        );
      }
    }
  return lines.join("\n");
}
