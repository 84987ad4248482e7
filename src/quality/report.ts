/**
 * The quality report as one self-contained HTML page (inline CSS and SVG, no scripts, no network):
 * a metrics table, per-metric bars with bootstrap CIs, a per-position scatter of two systems, and
 * metric@k curves; plus the printed table and metrics.json.
 */
import type { QualityReport, SystemResult } from "./runner.ts";

const COLOURS = [
  "#1f77b4",
  "#d62728",
  "#2ca02c",
  "#9467bd",
  "#ff7f0e",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#17becf",
  "#bcbd22",
];
const HEADLINE = ["ndcg@10", "map", "mrr", "p@10", "r@10", "ndcg@5"];

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const f3 = (x: number) => x.toFixed(3);
const colour = (i: number) => COLOURS[i % COLOURS.length] as string;

export function headlineMetrics(report: QualityReport): string[] {
  return HEADLINE.filter((m) => report.metrics.includes(m));
}

/** Plain-text table: one row per system, one column per headline metric. */
export function formatTable(report: QualityReport): string {
  const metrics = headlineMetrics(report);
  const width = Math.max(8, ...report.systems.map((s) => s.name.length)) + 2;
  const header = `${"system".padEnd(width)}${metrics.map((m) => m.padStart(9)).join("")}`;
  const rows = report.systems.map(
    (s) => `${s.name.padEnd(width)}${metrics.map((m) => f3(s.mean[m] ?? 0).padStart(9)).join("")}`,
  );
  const roles = report.roles
    ? [
        "",
        `roles for ${report.roles.people} people (true occupation): model MRR ${f3(report.roles.model.mrr)} acc@1 ${f3(report.roles.model.acc1)}` +
          ` · skill overlap MRR ${f3(report.roles.overlap.mrr)} acc@1 ${f3(report.roles.overlap.acc1)}` +
          ` · Δ MRR ${f3(report.roles.vsOverlap.mean)} p ${f3(report.roles.vsOverlap.p)}`,
      ]
    : [];
  return [header, "-".repeat(header.length), ...rows, ...roles].join("\n");
}

/** metrics.json: per system, mean and per-position value of every metric, and the comparisons. */
export function metricsJson(report: QualityReport): unknown {
  return {
    dataset: report.dataset,
    positions: report.positions,
    candidates: report.candidates,
    ingest: report.ingest,
    systems: Object.fromEntries(
      report.systems.map((s) => [
        s.name,
        { kind: s.kind, description: s.description, mean: s.mean, ci: s.ci, perPosition: s.perPosition },
      ]),
    ),
    comparisons: report.comparisons,
    ...(report.roles ? { roles: report.roles } : {}),
  };
}

function barChart(metric: string, systems: readonly SystemResult[]): string {
  const rowH = 22;
  const left = 170;
  const width = 560;
  const plotW = width - left - 60;
  const height = systems.length * rowH + 30;
  const x = (v: number) => left + Math.max(0, Math.min(1, v)) * plotW;
  const bars = systems
    .map((s, i) => {
      const y = 20 + i * rowH;
      const ci = s.ci[metric];
      const m = s.mean[metric] ?? 0;
      const whisker = ci
        ? `<line x1="${x(ci.low)}" x2="${x(ci.high)}" y1="${y + 8}" y2="${y + 8}" stroke="#000" stroke-width="1.5"/>`
        : "";
      return `<text x="${left - 6}" y="${y + 12}" text-anchor="end">${esc(s.name)}</text>
<rect x="${left}" y="${y + 2}" width="${x(m) - left}" height="${rowH - 8}" fill="${colour(i)}" opacity="0.8"><title>${esc(s.name)} ${metric} ${f3(m)}${ci ? ` [${f3(ci.low)}, ${f3(ci.high)}]` : ""}</title></rect>${whisker}
<text x="${x(ci?.high ?? m) + 4}" y="${y + 12}">${f3(m)}</text>`;
    })
    .join("\n");
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (t) =>
        `<line x1="${x(t)}" x2="${x(t)}" y1="14" y2="${height - 8}" stroke="#ddd"/><text x="${x(t)}" y="10" text-anchor="middle" fill="#666">${t}</text>`,
    )
    .join("");
  return `<figure><figcaption>${esc(metric)} (mean, 95% bootstrap CI)</figcaption><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-size="11" font-family="sans-serif">${ticks}${bars}</svg></figure>`;
}

function scatter(metric: string, a: SystemResult, b: SystemResult): string {
  const size = 320;
  const pad = 40;
  const p = (v: number) => pad + v * (size - 2 * pad);
  const points = Object.keys(a.perPosition)
    .map((q) => {
      const va = a.perPosition[q]?.[metric] ?? 0;
      const vb = b.perPosition[q]?.[metric] ?? 0;
      return `<circle cx="${p(va)}" cy="${size - p(vb)}" r="4" fill="${vb > va ? "#2ca02c" : vb < va ? "#d62728" : "#777"}" opacity="0.75"><title>${esc(q)}: ${f3(va)} vs ${f3(vb)}</title></circle>`;
    })
    .join("");
  return `<figure><figcaption>${esc(metric)} per position: ${esc(a.name)} (x) vs ${esc(b.name)} (y)</figcaption><svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" font-size="11" font-family="sans-serif">
<rect x="${pad}" y="${pad}" width="${size - 2 * pad}" height="${size - 2 * pad}" fill="none" stroke="#999"/>
<line x1="${p(0)}" y1="${size - p(0)}" x2="${p(1)}" y2="${size - p(1)}" stroke="#bbb" stroke-dasharray="4"/>
<text x="${size / 2}" y="${size - 8}" text-anchor="middle">${esc(a.name)}</text>
<text x="12" y="${size / 2}" transform="rotate(-90 12 ${size / 2})" text-anchor="middle">${esc(b.name)}</text>
<text x="${pad}" y="${size - pad + 14}" text-anchor="middle">0</text><text x="${size - pad}" y="${size - pad + 14}" text-anchor="middle">1</text>
${points}</svg></figure>`;
}

function curves(family: string, cutoffs: readonly number[], systems: readonly SystemResult[]): string {
  const width = 420;
  const height = 260;
  const pad = 40;
  const x = (i: number) =>
    pad + (cutoffs.length <= 1 ? 0 : (i / (cutoffs.length - 1)) * (width - 2 * pad - 110));
  const y = (v: number) => height - pad - v * (height - 2 * pad);
  const lines = systems
    .map((s, i) => {
      const pts = cutoffs.map((k, j) => `${x(j)},${y(s.mean[`${family}@${k}`] ?? 0)}`).join(" ");
      return `<polyline points="${pts}" fill="none" stroke="${colour(i)}" stroke-width="2"/><text x="${width - 145}" y="${pad + i * 14}" fill="${colour(i)}">${esc(s.name)}</text>`;
    })
    .join("");
  const axis = cutoffs
    .map((k, j) => `<text x="${x(j)}" y="${height - pad + 16}" text-anchor="middle">${k}</text>`)
    .join("");
  const grid = [0, 0.5, 1]
    .map(
      (v) =>
        `<line x1="${pad}" x2="${x(cutoffs.length - 1)}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${pad - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`,
    )
    .join("");
  return `<figure><figcaption>${esc(family)}@k</figcaption><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-size="11" font-family="sans-serif">${grid}${axis}${lines}</svg></figure>`;
}

function metricsTable(report: QualityReport): string {
  const metrics = headlineMetrics(report);
  const head = metrics.map((m) => `<th>${esc(m)}</th>`).join("");
  const rows = report.systems
    .map((s) => {
      const cells = metrics.map((m) => {
        const ci = s.ci[m];
        return `<td>${f3(s.mean[m] ?? 0)}${ci ? `<small> [${f3(ci.low)}, ${f3(ci.high)}]</small>` : ""}</td>`;
      });
      return `<tr><th>${esc(s.name)}</th><td>${esc(s.kind)}</td>${cells.join("")}</tr>`;
    })
    .join("");
  return `<table><thead><tr><th>system</th><th>kind</th>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function comparisonTable(report: QualityReport): string {
  const metrics = new Set(headlineMetrics(report).slice(0, 3));
  const rows = report.comparisons
    .filter((c) => metrics.has(c.metric))
    .map(
      (c) =>
        `<tr><td>${esc(c.system)} − ${esc(c.baseline)}</td><td>${esc(c.metric)}</td><td>${f3(c.result.mean)}</td><td>[${f3(c.result.low)}, ${f3(c.result.high)}]</td><td${c.result.p < 0.05 ? ' class="sig"' : ""}>${c.result.p.toFixed(4)}</td></tr>`,
    )
    .join("");
  return `<table><thead><tr><th>difference</th><th>metric</th><th>mean</th><th>95% CI</th><th>p (randomisation)</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function cutoffsOf(report: QualityReport): number[] {
  return report.metrics.filter((m) => m.startsWith("ndcg@")).map((m) => Number(m.slice(5)));
}

export function renderHtml(report: QualityReport): string {
  const [a] = report.systems;
  const b =
    report.systems.find((s) => s.kind === "config" && s !== a) ??
    report.systems.find((s) => s.name === "bm25");
  const cutoffs = cutoffsOf(report);
  const bars = headlineMetrics(report)
    .map((m) => barChart(m, report.systems))
    .join("");
  const scatters =
    a && b
      ? ["ndcg@10", "map"]
          .filter((m) => report.metrics.includes(m))
          .map((m) => scatter(m, a, b))
          .join("")
      : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ler-match quality — ${esc(report.dataset)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:1200px}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}
th:first-child,td:first-child{text-align:left}small{color:#666}.sig{font-weight:bold;color:#2a7a2a}
figure{display:inline-block;margin:0.5rem 1rem 1rem 0;vertical-align:top}figcaption{font-weight:600;margin-bottom:4px}
</style></head><body>
<h1>Match quality: ${esc(report.dataset)}</h1>
<p>${report.positions} positions, ${report.candidates} candidates; ingested ${report.ingest.documents} documents (${report.ingest.failed} failed, ${report.ingest.assertions} assertions). Metrics as trec_eval defines them (graded nDCG with gain = grade); means over positions with 95% percentile-bootstrap CIs.</p>
<h2>Summary</h2>${metricsTable(report)}
<h2>Against ${esc(a?.name ?? "")}</h2>${comparisonTable(report)}
<h2>Per metric</h2>${bars}
<h2>Per position</h2>${scatters}
<h2>Metric@k</h2>${["ndcg", "p", "r"].map((f) => curves(f, cutoffs, report.systems)).join("")}
</body></html>
`;
}
