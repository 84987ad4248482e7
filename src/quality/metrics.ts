/**
 * Ranking metrics over graded relevance judgements, defined as trec_eval defines them so our
 * figures can be compared with published ones (and are, in test/quality/trec.test.ts).
 *
 * Inputs: qrels — position → candidate → grade (0…3; grade ≥ 1 is "relevant"); a run — position →
 * candidate → score. A run is ordered as trec_eval orders it: score descending, ties broken by
 * candidate id descending (byte order). Candidates the qrels do not mention are non-relevant.
 *
 * Per position, with R = number of judged candidates of grade ≥ 1 and rel(i) = 1 when the
 * candidate at rank i (1-based) is relevant:
 * - P@k      = Σ_{i≤k} rel(i) / k            (k fixed even when fewer than k were retrieved)
 * - R@k      = Σ_{i≤k} rel(i) / R            (0 when R = 0)
 * - MRR      = 1 / (rank of the first relevant candidate), 0 when none retrieved (recip_rank)
 * - MAP      = Σ_{i: rel(i)=1} P@i / R       (average precision; 0 when R = 0)
 * - nDCG@k   = DCG@k / IDCG@k, DCG@k = Σ_{i≤k} grade(i) / log2(i + 1); IDCG@k is the DCG@k of
 *              the judged grades sorted descending (trec_eval ndcg_cut: gain = grade); 0 when
 *              IDCG = 0.
 * Means are over every position in the qrels; a position with no run counts as 0 on every metric.
 */
import type { Qrels } from "../domain/bench-dataset.ts";
export type Run = Map<string, Map<string, number>>;

export const DEFAULT_CUTOFFS = [1, 3, 5, 10, 20] as const;

/** metric name ("ndcg@10", "map", "mrr", "p@10", "r@10") → value */
export type MetricValues = Record<string, number>;

export interface Evaluation {
  /** position id → metric values */
  perPosition: Map<string, MetricValues>;
  mean: MetricValues;
}

/** trec_eval order: score descending, then document id descending. */
export function rankRun(scores: Map<string, number>): string[] {
  return [...scores.entries()].sort((a, b) => b[1] - a[1] || compareDesc(a[0], b[0])).map(([id]) => id);
}

function compareDesc(a: string, b: string): number {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return Buffer.compare(bb, ba);
}

export function metricNames(cutoffs: readonly number[] = DEFAULT_CUTOFFS): string[] {
  const names = ["map", "mrr"];
  for (const k of cutoffs) names.push(`ndcg@${k}`, `p@${k}`, `r@${k}`);
  return names;
}

const log2 = (x: number) => Math.log(x) / Math.LN2;

function dcg(grades: readonly number[], k: number): number {
  let sum = 0;
  for (let i = 0; i < Math.min(k, grades.length); i++) {
    const g = grades[i] ?? 0;
    if (g > 0) sum += g / log2(i + 2);
  }
  return sum;
}

/** Every metric for one position, from its ranked candidate ids and its judgements. */
export function evaluateRanking(
  ranked: readonly string[],
  judged: Map<string, number>,
  cutoffs: readonly number[] = DEFAULT_CUTOFFS,
): MetricValues {
  const grades = ranked.map((id) => judged.get(id) ?? 0);
  const relevant: number[] = grades.map((g) => (g >= 1 ? 1 : 0));
  const totalRelevant = [...judged.values()].filter((g) => g >= 1).length;
  const ideal = [...judged.values()].filter((g) => g > 0).sort((a, b) => b - a);

  let hits = 0;
  let precisionSum = 0;
  let firstHit = 0;
  relevant.forEach((r, i) => {
    if (!r) return;
    hits++;
    precisionSum += hits / (i + 1);
    if (firstHit === 0) firstHit = i + 1;
  });

  const out: MetricValues = {
    map: totalRelevant === 0 ? 0 : precisionSum / totalRelevant,
    mrr: firstHit === 0 ? 0 : 1 / firstHit,
  };
  for (const k of cutoffs) {
    const hitsAtK = relevant.slice(0, k).reduce((s, r) => s + r, 0);
    const idcg = dcg(ideal, k);
    out[`ndcg@${k}`] = idcg === 0 ? 0 : dcg(grades, k) / idcg;
    out[`p@${k}`] = hitsAtK / k;
    out[`r@${k}`] = totalRelevant === 0 ? 0 : hitsAtK / totalRelevant;
  }
  return out;
}

export function evaluateRun(
  qrels: Qrels,
  run: Run,
  cutoffs: readonly number[] = DEFAULT_CUTOFFS,
): Evaluation {
  const perPosition = new Map<string, MetricValues>();
  for (const [positionId, judged] of qrels) {
    const scores = run.get(positionId) ?? new Map<string, number>();
    perPosition.set(positionId, evaluateRanking(rankRun(scores), judged, cutoffs));
  }
  return { perPosition, mean: meanOf([...perPosition.values()], metricNames(cutoffs)) };
}

export function meanOf(rows: readonly MetricValues[], names: readonly string[]): MetricValues {
  const mean: MetricValues = {};
  for (const name of names) {
    mean[name] = rows.length === 0 ? 0 : rows.reduce((s, r) => s + (r[name] ?? 0), 0) / rows.length;
  }
  return mean;
}

/** TREC qrels lines: `position 0 candidate grade`. */
export function formatQrels(qrels: Qrels): string {
  const lines: string[] = [];
  for (const [q, judged] of qrels) for (const [d, g] of judged) lines.push(`${q} 0 ${d} ${g}`);
  return `${lines.join("\n")}\n`;
}

/** TREC run lines (six columns): `position Q0 candidate rank score tag`, in trec_eval order. */
export function formatRun(run: Run, tag: string): string {
  const lines: string[] = [];
  for (const [q, scores] of run) {
    rankRun(scores).forEach((d, i) => {
      lines.push(`${q} Q0 ${d} ${i + 1} ${scores.get(d)} ${tag}`);
    });
  }
  return `${lines.join("\n")}\n`;
}
