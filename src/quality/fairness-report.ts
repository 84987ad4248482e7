/**
 * The bias audit as text and as a self-contained HTML page: per category and group, the people
 * assessed, selected, the selection rate and the impact ratio, four-fifths flags, and a warning
 * where a group is too small to judge.
 */
import {
  type FairnessAudit,
  type FairnessScope,
  FOUR_FIFTHS,
  type GroupRate,
  SMALL_GROUP,
} from "./fairness.ts";

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const ratio = (r: GroupRate) => (r.impactRatio === null ? "—" : r.impactRatio.toFixed(3));
const verdict = (r: GroupRate) =>
  r.small ? "too small to judge" : r.flagged ? `below ${FOUR_FIFTHS} (four-fifths)` : "";

/** people in the group: assessments ÷ positions pooled in the scope */
const peopleIn = (r: GroupRate, positions: number) => Math.round(r.assessed / positions);

export function formatFairnessTable(audit: FairnessAudit, scope: FairnessScope = audit.overall): string {
  const positions = scope.scope === "overall" ? audit.positions : 1;
  const header = ["category", "group", "people", "selected", "rate", "impact ratio", ""];
  const rows = scope.rates.map((r) => [
    r.category,
    r.group,
    String(peopleIn(r, positions)),
    String(r.selected),
    pct(r.rate),
    ratio(r),
    verdict(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

function scopeTable(audit: FairnessAudit, scope: FairnessScope): string {
  const positions = scope.scope === "overall" ? audit.positions : 1;
  const rows = scope.rates
    .map(
      (r) =>
        `<tr${r.flagged ? ' class="flag"' : ""}><td>${esc(r.category)}</td><td>${esc(r.group)}</td><td>${peopleIn(r, positions)}</td><td>${r.assessed}</td><td>${r.selected}</td><td>${pct(r.rate)}</td><td>${ratio(r)}</td><td>${esc(verdict(r))}</td></tr>`,
    )
    .join("");
  return `<table><thead><tr><th>category</th><th>group</th><th>people</th><th>assessed</th><th>selected</th><th>selection rate</th><th>impact ratio</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function renderFairnessHtml(audit: FairnessAudit, dataset: string): string {
  const flagged = audit.perPosition.filter((s) => s.rates.some((r) => r.flagged));
  const small = audit.overall.rates.filter((r) => r.small);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ler-match bias audit — ${esc(dataset)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:1100px}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}
td:nth-child(-n+2),th:nth-child(-n+2),td:last-child{text-align:left}
tr.flag td{background:#fff1f0}.warn{border-left:4px solid #9a6700;background:#fff8e5;padding:.5rem 1rem}
</style></head><body>
<h1>Bias audit: ${esc(dataset)}</h1>
<p>${audit.positions} positions; ${audit.people} people with group labels, each assessed for every position; the top ${audit.k} of each ranking are <em>selected</em>.
Selection rate = selected ÷ assessed in the group; impact ratio = the group's rate ÷ the highest rate in its category (NYC Local Law 144, 6 RCNY §5-301).
Ratios under ${FOUR_FIFTHS} are flagged (the four-fifths rule). Group labels are the employer's; ler-match never infers them.</p>
${small.length ? `<p class="warn">Too small to judge: ${small.map((r) => `${esc(r.category)} ${esc(r.group)} (${peopleIn(r, audit.positions)} people)`).join(", ")} — a group under ${SMALL_GROUP.minPeople} people or ${SMALL_GROUP.minShare * 100}% of those labelled has no impact ratio; its rate is shown.</p>` : ""}
<h2>Overall (every position pooled)</h2>${scopeTable(audit, audit.overall)}
<h2>Positions with a flag (${flagged.length} of ${audit.positions})</h2>
<p>One position selects only ${audit.k}; its ratios swing by chance, so read them beside the pooled figure.</p>
${flagged.map((s) => `<h3>${esc(s.scope)}</h3>${scopeTable(audit, s)}`).join("")}
</body></html>
`;
}
