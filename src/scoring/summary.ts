/**
 * The one-line summary a recruiter reads in five seconds:
 * "meets 5 of 6 · 4 of 5 verified · gap: Kubernetes needs advanced, has practitioner".
 */
import type { ExcludedEvidence, RequirementExplanation } from "../domain/match.ts";
import { LEVEL_NAMES } from "../domain/schemas.ts";

const SHOWN_NAMES = 3;

/** The canonical anchor a level has reached: a 3.7 is "practitioner", not "advanced". */
export function anchorName(level: number): string {
  const index = Math.max(0, Math.min(LEVEL_NAMES.length - 1, Math.floor(level)));
  return LEVEL_NAMES[index] ?? "none";
}

export function summarise(
  requirements: readonly RequirementExplanation[],
  disqualifiedBy: readonly string[],
  excluded: readonly ExcludedEvidence[],
): string {
  const withEvidence = requirements.filter((r) => r.basis === "direct");
  const parts: string[] = [];
  if (withEvidence.length === 0)
    parts.push(
      requirements.some((r) => r.basis === "neighbours")
        ? "only related skills, none of those asked for"
        : "no usable evidence for this position",
    );
  else {
    const met = requirements.filter((r) => r.outcome === "met").length;
    const verified = withEvidence.filter((r) => r.evidence.some((e) => e.verified)).length;
    parts.push(`meets ${met} of ${requirements.length}`, `${verified} of ${withEvidence.length} verified`);
  }
  if (disqualifiedBy.length) parts.push(`fails required: ${listed(disqualifiedBy)}`);
  const gaps = requirements.filter((r) => r.outcome === "partial");
  const firstGap = gaps[0];
  if (firstGap)
    parts.push(`gap: ${describeGap(firstGap)}${gaps.length > 1 ? ` (+${gaps.length - 1} more)` : ""}`);
  const missing = requirements.filter((r) => r.outcome === "missing").map((r) => r.label);
  if (missing.length && withEvidence.length) parts.push(`missing: ${listed(missing)}`);
  if (excluded.length)
    parts.push(`${excluded.length} excluded (${[...new Set(excluded.map((e) => e.reason))].join(", ")})`);
  return parts.join(" · ");
}

function listed(names: readonly string[]): string {
  const shown = names.slice(0, SHOWN_NAMES).join(", ");
  return names.length > SHOWN_NAMES ? `${shown} +${names.length - SHOWN_NAMES}` : shown;
}

/** Why a requirement with evidence is not met, most concrete reason first. */
function describeGap(r: RequirementExplanation): string {
  const best = r.best;
  if (!best) return r.label;
  if (r.basis === "neighbours") return `${r.label} only via related ${best.conceptLabel}`;
  if (r.minLevel !== null && r.estimatedLevel !== null && r.estimatedLevel < r.minLevel)
    return best.level === null
      ? `${r.label} needs ${anchorName(r.minLevel)}, level not stated`
      : `${r.label} needs ${anchorName(r.minLevel)}, has ${anchorName(r.estimatedLevel)}`;
  return `${r.label} weak evidence`;
}
