/**
 * The other direction on the command line: `roles` (what fits one person, and the gap to each),
 * `gaps` (a team against one target, as a table or CSV) and `positions` (the saved positions both
 * read).
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { LerError } from "../../domain/errors.ts";
import type { NewPosition } from "../../domain/positions.ts";
import type { TeamGapPage, TeamGapRequest } from "../../engine/gaps.ts";
import type { RolesPage } from "../../engine/roles.ts";
import { LEVEL_BANDS } from "../../match/team-gap.ts";
import { formatScore } from "../../scoring/display.ts";
import { anchorName } from "../../scoring/summary.ts";
import { toCsv } from "../csv.ts";
import { reportError } from "../exit.ts";
import { type CommonOptions, withCommon, withEngine } from "../options.ts";
import { parseSkillArg } from "../skill-args.ts";
import { table } from "../table.ts";

const list = (text: string): string[] =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** Runs a command body and prints its result as JSON (--json) or as text. */
async function run<T>(o: CommonOptions, body: Parameters<typeof withEngine<T>>[1], render: (r: T) => string) {
  try {
    const result = await withEngine(o, body);
    process.stdout.write(o.json ? `${JSON.stringify(result)}\n` : `${render(result)}\n`);
  } catch (e) {
    reportError(e, !!o.json);
  }
}

interface RolesCliOptions extends CommonOptions {
  person: string;
  limit: string;
  gaps: string;
  positionsOnly?: boolean;
}

interface GapsCliOptions extends CommonOptions {
  people?: string;
  search?: string;
  position?: string;
  occupation?: string;
  closest: string;
  csv?: string;
}

interface PositionCliOptions extends CommonOptions {
  id?: string;
  name?: string;
  jd?: string;
}

export function registerRoleCommands(program: Command): void {
  withCommon(
    program
      .command("roles")
      .description("occupations and saved positions that fit one person, with the gap to each"),
  )
    .requiredOption("--person <id>", "the person's candidate id")
    .option("--limit <n>", "roles to list", "10")
    .option("--gaps <n>", "gaps listed per role", "3")
    .option("--positions-only", "rank the saved positions only, not the taxonomy's occupations")
    .action((o: RolesCliOptions) =>
      run(
        o,
        (engine) =>
          engine.roles(o.person, {
            limit: Number(o.limit),
            gaps: Number(o.gaps),
            ...(o.positionsOnly ? { kinds: ["position"] as const } : {}),
          }),
        renderRoles,
      ),
    );

  withCommon(
    program
      .command("gaps")
      .description("a team's skills gap against a saved position, an occupation or skills")
      .argument("[skills...]", "target skills as NAME[:LEVEL][!], when no --position or --occupation"),
  )
    .option("--people <ids>", "comma-separated candidate ids (default: everyone)")
    .option(
      "--search <skills>",
      "everyone a recruiter search finds, skills comma-separated as NAME[:LEVEL][!]",
    )
    .option("--position <id>", "a saved position's id")
    .option("--occupation <id>", "an occupation's id (e.g. occ.software-developer)")
    .option("--closest <n>", "people listed as closest per requirement", "3")
    .option("--csv <file>", "also write the table as CSV")
    .action((skills: string[], o: GapsCliOptions) =>
      run(
        o,
        async (engine) => {
          const gap = await engine.teamGap(gapRequest(skills, o));
          if (o.csv) writeFileSync(o.csv, gapCsv(gap));
          return gap;
        },
        renderGap,
      ),
    );

  const positions = program.command("positions").description("saved positions: save, list, show, delete");
  withCommon(
    positions
      .command("save")
      .description("save a position from skills or a job description file")
      .argument("[skills...]", "skills as NAME[:LEVEL][!]"),
  )
    .option("--id <id>", "the position's id (default: generated)")
    .option("--name <name>", "its name (default: the job description's title)")
    .option("--jd <file>", "a job description text file")
    .action((skills: string[], o: PositionCliOptions) => {
      const input: NewPosition = {
        ...(o.id ? { id: o.id } : {}),
        ...(o.name ? { name: o.name } : {}),
        ...(o.jd
          ? { jobDescription: readFileSync(o.jd, "utf8") }
          : { requirements: skills.map(parseSkillArg) }),
      };
      return run(
        o,
        (engine) => engine.createPosition(input),
        (p) => `saved ${p.id}: ${p.name} (${p.requirements.map((r) => r.label).join(", ")})`,
      );
    });
  withCommon(positions.command("list").description("every saved position")).action((o: CommonOptions) =>
    run(
      o,
      (engine) => engine.listPositions(),
      (all) =>
        table(
          ["id", "name", "requirements", "saved"],
          all.map((p) => [p.id, p.name, p.requirements.length, p.createdAt.slice(0, 10)]),
        ),
    ),
  );
  withCommon(positions.command("delete").description("delete a saved position").argument("<id>")).action(
    (id: string, o: CommonOptions) =>
      run(
        o,
        (engine) => engine.deletePosition(id).then(() => ({ deleted: id })),
        (r) => `deleted ${r.deleted}`,
      ),
  );
}

function gapRequest(skills: string[], o: GapsCliOptions): TeamGapRequest {
  const targets = [o.position, o.occupation, skills.length ? "skills" : undefined].filter(Boolean);
  if (targets.length !== 1)
    throw new LerError(
      "invalid_input",
      "give one target: --position ID, --occupation ID or skills as NAME[:LEVEL][!]",
    );
  const target = o.position
    ? { positionId: o.position }
    : o.occupation
      ? { occupationId: o.occupation }
      : { requirements: skills.map(parseSkillArg) };
  const people = o.people
    ? { ids: list(o.people) }
    : o.search
      ? { search: { requirements: list(o.search).map(parseSkillArg) } }
      : { all: true as const };
  return { people, target, closest: Number(o.closest) };
}

const levelOf = (l: number | null) => (l === null ? "–" : anchorName(l));

function renderRoles(page: RolesPage): string {
  const lines = [`${page.name ?? page.candidateId}: ${page.total} roles their evidence bears on`, ""];
  lines.push(
    table(
      ["#", "score", "role", "kind", "summary"],
      page.roles.map((r) => [
        r.rank,
        formatScore(r.score),
        r.label,
        r.kind === "position" ? "saved" : r.source,
        r.explanation.summary,
      ]),
    ),
  );
  for (const r of page.roles) {
    if (!r.gaps.length) continue;
    lines.push("", `#${r.rank} ${r.label} — closing the gap:`);
    for (const g of r.gaps) lines.push(`  +${formatScore(g.gain).padStart(2)}  ${g.note}`);
  }
  return lines.join("\n");
}

const GAP_HEADERS = ["requirement", "min", "meet", "partly", "lack", ...LEVEL_BANDS, "closest to meeting it"];

function gapRows(gap: TeamGapPage): (string | number)[][] {
  return gap.requirements.map((r) => [
    `${r.label}${r.required ? " (required)" : ""}`,
    levelOf(r.minLevel),
    r.meet,
    r.partial,
    r.lack,
    ...LEVEL_BANDS.map((b) => r.bands[b]),
    r.closest.map((p) => `${p.name ?? p.candidateId} (${p.band})`).join("; "),
  ]);
}

function renderGap(gap: TeamGapPage): string {
  const lines = [`${gap.target.label}: ${gap.people} people`];
  if (gap.unresolved.length) lines.push(`not understood: ${gap.unresolved.join(", ")}`);
  lines.push("", table(GAP_HEADERS, gapRows(gap)));
  if (gap.closest.length) {
    lines.push("", "closest to the whole target:");
    lines.push(
      table(
        ["score", "person", "meets", "lacking"],
        gap.closest.map((p) => [
          formatScore(p.score),
          p.name ?? p.candidateId,
          `${p.met}/${gap.requirements.length}`,
          p.lacking.join(", "),
        ]),
      ),
    );
  }
  return lines.join("\n");
}

export const gapCsv = (gap: TeamGapPage): string => toCsv(GAP_HEADERS, gapRows(gap));
