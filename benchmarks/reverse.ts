/**
 * The other direction, timed (npm run bench:reverse -- --people 100000 --persons 200 --team 10000).
 *
 * Taxonomy: the starter concepts merged with ESCO v1.1.1 (../shared/data), co-occurrence from every
 * occupation profile, exactly as the engine loads them; targets: every occupation (≈3,080) plus
 * saved positions. People: a seeded population whose evidence is drawn from an occupation's skills
 * (plus a stray skill or two), held in memory.
 *
 *   roles:  one person's roles, top 10 with explanations and 5 gaps each (src/engine/roles.ts
 *           rolesFor, what POST /v1/people/{id}/roles runs after reading the person's rows), beside
 *           the naive loop: scoreCandidate over every target, then the same top 10 explained.
 *           Both return the same ranking; the run checks it on every person timed.
 *   gap:    a team of N people against an ESCO occupation and a saved position (src/match/team-gap.ts),
 *           beside the naive loop: scoreCandidate over every person, counting outcomes.
 *
 * Each figure is wall time and, beside it, this process's CPU time for the same call
 * (process.cpuUsage): on a shared machine the wall time includes waiting for a core, the CPU time
 * does not. The load average is printed with the figures.
 *
 * The first call for a person builds the scoring model's neighbourhood cache (relations.ts) for
 * every concept their roles ask that no earlier call asked, and the role index's reach for every
 * concept they hold that no earlier person held; "caches warm" repeats the call, the steady state
 * of a server that has answered for a while.
 *
 *   index:  building the role index (what the first roles request waits for), beside weighing every
 *           asked concept's neighbourhood pair by pair up front, as the index was first built.
 *
 * Per-person roles read only that person's evidence, so the population size does not enter their
 * cost; the population is built anyway so the process holds what a server at that size would.
 */
import { availableParallelism, loadavg } from "node:os";
import { YEAR_MS } from "../src/domain/dates.ts";
import { type EvidenceRow, NO_FILTERS } from "../src/domain/evidence.ts";
import type { Requirement, SourceKind } from "../src/domain/schemas.ts";
import { rolesFor } from "../src/engine/roles.ts";
import { conceptsBearingOn } from "../src/match/bearing.ts";
import { gapsFor } from "../src/match/gap.ts";
import {
  buildRoleIndex,
  type RoleContext,
  rankRoles,
  rankRolesExhaustive,
  scoreRole,
} from "../src/match/roles.ts";
import { occupationTarget, type RoleTarget } from "../src/match/targets.ts";
import { teamGap } from "../src/match/team-gap.ts";
import { DEFAULT_SCORING } from "../src/scoring/config.ts";
import { relatedness } from "../src/scoring/factors.ts";
import { liveEvidence, scoreCandidate } from "../src/scoring/score.ts";
import { cooccurrenceFromOccupations } from "../taxonomy/cooccurrence.ts";
import { buildTaxonomy } from "../taxonomy/graph.ts";
import { importEsco } from "../taxonomy/import/esco.ts";
import { mergeTaxonomies } from "../taxonomy/merge.ts";
import { loadStarterConcepts, loadStarterOccupations } from "../taxonomy/starter.ts";
import { benchArgs } from "./lib/args.ts";
import { intBetween, pick, seeded } from "./lib/rng.ts";
import { fmtMs, heldBytes, percentile, timed } from "./lib/stats.ts";
import { storeOf } from "./lib/team-store.ts";

const values = benchArgs(
  { people: 100_000, persons: 200, team: 10_000, positions: 50 },
  { esco: `${import.meta.dirname}/../../shared/data/esco-v1.1.1` },
);
const { people: PEOPLE, persons: PERSONS, team: TEAM } = values;
const NOW = Date.UTC(2026, 0, 1);
const cfg = DEFAULT_SCORING;
const SOURCES: SourceKind[] = [
  "verified-credential",
  "issued-credential",
  "employer-record",
  "assessment",
  "self-asserted",
];

// --- taxonomy and targets, as the engine loads them -------------------------------------------
const load = timed(() => {
  const esco = importEsco(values.esco);
  const merged = mergeTaxonomies([
    { concepts: loadStarterConcepts(), occupations: loadStarterOccupations() },
    { concepts: esco.concepts, occupations: esco.occupations },
  ]);
  const taxonomy = buildTaxonomy(merged.concepts, {
    cooccurrence: cooccurrenceFromOccupations(merged.occupationSkills),
  });
  return { taxonomy, occupations: merged.occupations };
});
const { taxonomy, occupations } = load.value;
const occupationTargets = occupations.flatMap((o) => occupationTarget(o, taxonomy) ?? []);
const rng = seeded(16);
const skillPool = occupationTargets.flatMap((t) => t.requirements.map((r) => r.conceptId));
const positionTargets: RoleTarget[] = Array.from({ length: values.positions }, (_, i) => {
  const base = pick(rng, occupationTargets);
  const requirements: Requirement[] = base.requirements.slice(0, intBetween(rng, 4, 12)).map((r, k) => ({
    ...r,
    minLevel: intBetween(rng, 2, 4),
    required: k < 2,
  }));
  return { kind: "position", id: `pos-${i}`, label: `${base.label} (saved)`, source: "saved", requirements };
});
const index = timed(() => ({
  occupations: buildRoleIndex(occupationTargets, taxonomy, cfg),
  positions: buildRoleIndex(positionTargets, taxonomy, cfg),
}));

// --- people ------------------------------------------------------------------------------------
let nextRow = 0;
function person(id: string): EvidenceRow[] {
  const occupation = pick(rng, occupationTargets);
  const held = occupation.requirements.filter(() => rng() < 0.35).slice(0, 14);
  if (rng() < 0.5) held.push({ ...occupation.requirements[0]!, conceptId: pick(rng, skillPool) });
  return held.map((r) => {
    const sourceKind = pick(rng, SOURCES);
    return {
      id: `a${++nextRow}`,
      candidateId: id,
      documentId: `d-${id}`,
      conceptId: r.conceptId,
      skillText: r.label,
      resolution: { method: "exact", confidence: 1 },
      rawLevel: null,
      scale: null,
      level: rng() < 0.15 ? null : intBetween(rng, 1, 5),
      sourceKind,
      issuer: sourceKind === "self-asserted" ? null : `issuer-${intBetween(rng, 1, 40)}`,
      issuedAt: null,
      lastPracticedAt: new Date(NOW - Math.floor(rng() * 8 * YEAR_MS)).toISOString().slice(0, 10),
      validUntil: null,
      wherePracticed: null,
      sourcePath: "$",
      verified: sourceKind === "verified-credential",
      revoked: false,
      documentTitle: null,
      documentFormat: "ler-match/v1",
    };
  });
}
const population = timed(() => {
  const evidence = new Map<string, EvidenceRow[]>();
  for (let i = 0; i < PEOPLE; i++) evidence.set(`p${i}`, person(`p${i}`));
  return evidence;
});
const evidence = population.value;
const ctx: RoleContext = {
  taxonomy,
  config: cfg,
  nowMs: NOW,
  filters: NO_FILTERS,
  labelOf: (id) => taxonomy.get(id)?.label ?? id,
};

console.log(
  `taxonomy ${taxonomy.size} concepts, ${occupationTargets.length} occupations + ${positionTargets.length} saved positions · ` +
    `load ${fmtMs(load.ms)} ms · role index ${fmtMs(index.ms)} ms · ${PEOPLE} people (${fmtMs(population.ms)} ms) · ` +
    `held ${(heldBytes() / 2 ** 20).toFixed(0)} MiB`,
);

// --- roles for one person ------------------------------------------------------------------------
const OPTIONS = { limit: 10, gaps: 5 };
const ROUNDS = 3;
const indexes = [index.value.occupations, index.value.positions];
const allTargets = [...occupationTargets, ...positionTargets];
function naiveRoles(rows: EvidenceRow[]) {
  const ranked = rankRolesExhaustive(allTargets, rows, ctx);
  const live = liveEvidence(rows, ctx);
  return ranked.slice(0, OPTIONS.limit).map((r) => ({
    ...scoreRole(r.target, rows, ctx),
    gaps: gapsFor(r.target.requirements, live, ctx).slice(0, OPTIONS.gaps),
  }));
}
const ids = Array.from({ length: PERSONS }, () => `p${intBetween(rng, 0, PEOPLE - 1)}`);
/** Wall and CPU milliseconds of one call. */
function measured<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const cpu = process.cpuUsage();
  const { ms, value } = timed(fn);
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}
const engineMs: number[] = [];
const naiveMs: number[] = [];
const engineCpu: number[] = [];
const naiveCpu: number[] = [];
const rankMs: number[] = [];
const rankCpu: number[] = [];
const warmMs: number[] = [];
const warmCpu: number[] = [];
let reachable = 0;
for (const [i, id] of ids.entries()) {
  const rows = evidence.get(id) ?? [];
  const ranking = measured(() => indexes.map((ix) => rankRoles(ix, rows, ctx)));
  const fast = measured(() => rolesFor(rows, indexes, ctx, OPTIONS));
  // the same person again: every neighbourhood their evidence and roles touch is now cached
  const warm = measured(() => rolesFor(rows, indexes, ctx, OPTIONS));
  const slow = measured(() => naiveRoles(rows));
  if (i >= 5) {
    engineMs.push(fast.ms);
    naiveMs.push(slow.ms);
    engineCpu.push(fast.cpuMs);
    naiveCpu.push(slow.cpuMs);
    rankMs.push(ranking.ms);
    rankCpu.push(ranking.cpuMs);
    warmMs.push(warm.ms);
    warmCpu.push(warm.cpuMs);
  }
  reachable += fast.value.total;
  const same =
    fast.value.roles.length === slow.value.length &&
    fast.value.roles.every(
      (r, k) => r.score === slow.value[k]!.score && `${r.kind}:${r.id}` === slow.value[k]!.candidateId,
    );
  if (!same) throw new Error(`roles for ${id} differ from the naive loop`);
}
const row = (name: string, ms: number[], cpu: number[]) =>
  `${name.padEnd(28)} p50 ${fmtMs(percentile(ms, 50)).padStart(8)} ms   p95 ${fmtMs(percentile(ms, 95)).padStart(8)} ms   cpu p50 ${fmtMs(percentile(cpu, 50)).padStart(8)} ms`;
console.log(
  `\nroles for one person (${engineMs.length} people timed, ${(reachable / ids.length).toFixed(0)} roles reached on average; top ${OPTIONS.limit}, ${OPTIONS.gaps} gaps each; same results checked)`,
);
console.log(row("engine (sparse, exact)", engineMs, engineCpu));
console.log(row("  of which ranking alone", rankMs, rankCpu));
console.log(row("engine, caches warm", warmMs, warmCpu));
console.log(row("naive (every target)", naiveMs, naiveCpu));
console.log(
  `speed-up p50 ×${(percentile(naiveMs, 50) / percentile(engineMs, 50)).toFixed(1)} · target ≤ 50 ms p50: ${percentile(engineMs, 50) <= 50 ? "met" : "NOT met"}`,
);

// --- a team's gap ----------------------------------------------------------------------------------
const team = [...evidence.keys()].slice(0, TEAM).map((candidateId) => ({ candidateId, name: null }));
const largeOccupation = [...occupationTargets].sort((a, b) => b.requirements.length - a.requirements.length)[
  Math.floor(occupationTargets.length / 10)
]!;
console.log(`\nteam gap over ${team.length} people (median of ${ROUNDS} rounds each)`);
for (const target of [positionTargets[0]!, largeOccupation]) {
  const engine = () => teamGap(target.requirements, team, evidence, ctx, { closest: 5 });
  const naive = () => {
    const counts = target.requirements.map(() => ({ met: 0, partial: 0, missing: 0 }));
    for (const m of team) {
      const s = scoreCandidate(target.requirements, evidence.get(m.candidateId) ?? [], {
        ...ctx,
        hardRequired: false,
      });
      s.explanation.requirements.forEach((r, i) => {
        counts[i]![r.outcome]++;
      });
    }
    return counts;
  };
  // alternate the two, so neither is always the one paying for the other's garbage
  const engineMs: number[] = [];
  const naiveMs: number[] = [];
  const engineCpu: number[] = [];
  const naiveCpu: number[] = [];
  let fast = engine();
  let slow = naive();
  for (let round = 0; round < ROUNDS; round++) {
    const f = measured(engine);
    const n = measured(naive);
    engineMs.push(f.ms);
    naiveMs.push(n.ms);
    engineCpu.push(f.cpuMs);
    naiveCpu.push(n.cpuMs);
    [fast, slow] = [f.value, n.value];
  }
  const same = fast.requirements.every(
    (r, i) => r.meet === slow[i]!.met && r.partial === slow[i]!.partial && r.lack === slow[i]!.missing,
  );
  if (!same) throw new Error("team gap counts differ from the naive loop");
  const p50 = percentile(engineMs, 50);
  console.log(
    `${`${target.label} (${target.requirements.length} req)`.slice(0, 56).padEnd(56)} engine ${fmtMs(p50).padStart(7)} ms (cpu ${fmtMs(percentile(engineCpu, 50))})   naive ${fmtMs(percentile(naiveMs, 50)).padStart(7)} ms (cpu ${fmtMs(percentile(naiveCpu, 50))})   ≤ 1 s: ${p50 <= 1000 ? "met" : "NOT met"}`,
  );
}
// --- a team's gap with its rows read from SQLite, as POST /v1/gaps does -----------------------------
// The engine reads only the rows on concepts the target bears on (conceptsBearingOn); the baseline
// reads every row of every member, as the route did first. Both then run the same teamGap.
const teamStore = timed(() =>
  storeOf(new Map(team.map((m) => [m.candidateId, evidence.get(m.candidateId)!]))),
);
console.log(
  `\nteam gap over ${team.length} people, rows read from a SQLite file (written in ${fmtMs(teamStore.ms)} ms; median of ${ROUNDS} rounds)`,
);
const teamIds = team.map((m) => m.candidateId);
for (const target of [positionTargets[0]!, largeOccupation]) {
  const { store } = teamStore.value;
  const bearing = conceptsBearingOn(target.requirements, taxonomy, cfg);
  const engine = () =>
    teamGap(target.requirements, team, store.evidenceFor(teamIds, bearing), ctx, { closest: 5 });
  const everyRow = () => teamGap(target.requirements, team, store.evidenceFor(teamIds), ctx, { closest: 5 });
  const runs = {
    engine: [] as { ms: number; cpuMs: number }[],
    everyRow: [] as { ms: number; cpuMs: number }[],
  };
  let a = engine();
  let b = everyRow();
  for (let round = 0; round < ROUNDS; round++) {
    const f = measured(engine);
    const n = measured(everyRow);
    runs.engine.push(f);
    runs.everyRow.push(n);
    [a, b] = [f.value, n.value];
  }
  if (JSON.stringify(a) !== JSON.stringify(b))
    throw new Error("reading only bearing rows changed the team gap");
  const p = (xs: { ms: number; cpuMs: number }[], key: "ms" | "cpuMs") =>
    fmtMs(
      percentile(
        xs.map((x) => x[key]),
        50,
      ),
    );
  const p50 = percentile(
    runs.engine.map((x) => x.ms),
    50,
  );
  console.log(
    `${`${target.label} (${target.requirements.length} req)`.slice(0, 56).padEnd(56)} engine ${p(runs.engine, "ms").padStart(7)} ms (cpu ${p(runs.engine, "cpuMs")})   every row ${p(runs.everyRow, "ms").padStart(7)} ms (cpu ${p(runs.everyRow, "cpuMs")})   ≤ 1 s: ${p50 <= 1000 ? "met" : "NOT met"}`,
  );
}
teamStore.value.dispose();

// --- building the role index ----------------------------------------------------------------------
// Last, so the neighbourhoods it walks warm nothing timed above. The baseline is the index as first
// built: every asked concept's whole neighbourhood weighed pair by pair (taxonomy.relation) up front.
const eager = timed(() => {
  const asked = new Set(
    [...occupationTargets, ...positionTargets].flatMap((t) => t.requirements.map((r) => r.conceptId)),
  );
  let pairs = 0;
  for (const a of asked)
    for (const held of new Set([a, ...taxonomy.neighbourhood(a)])) {
      const sim = taxonomy.relation(a, held);
      if (relatedness(sim.relation, sim.strength, cfg) > 0) pairs++;
    }
  return { asked: asked.size, pairs };
});
console.log(
  `\nrole index over ${occupationTargets.length + positionTargets.length} targets (${eager.value.asked} concepts asked)\n` +
    `engine (reach worked out per held concept, on first use)  ${fmtMs(index.ms).padStart(8)} ms\n` +
    `eager (every asked concept's neighbourhood, pair by pair) ${fmtMs(eager.ms).padStart(8)} ms  (${eager.value.pairs} pairs that count)`,
);

console.log(
  `\nload average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} on ${availableParallelism()} cores`,
);
