/**
 * Credentials under watch: people whose licences and certifications a position requires expire
 * within N days, have expired, or were revoked by a status list the operator loaded. Pure: the
 * engine hands it the evidence rows of the watched concepts and its clock.
 */
import { CREDENTIAL_TYPES, type Taxonomy } from "../../taxonomy/model.ts";
import type { AlertStatus, CredentialAlert } from "../domain/alerts.ts";
import { DAY_MS, parseIsoDateMs } from "../domain/dates.ts";
import type { EvidenceRow } from "../domain/evidence.ts";
import type { Requirement } from "../domain/schemas.ts";
import { isDirect } from "../scoring/factors.ts";
import { neighbourhoodOf } from "../scoring/relations.ts";

const SEVERITY: Record<AlertStatus, number> = { revoked: 0, expired: 1, expiring: 2 };

export interface WatchedPosition {
  id: string;
  title: string | null;
  requirements: Requirement[];
}

/** The required requirements to watch: licences and certifications. */
export const watchedRequirements = (position: WatchedPosition, taxonomy: Taxonomy): Requirement[] =>
  position.requirements.filter(
    (r) => r.required && CREDENTIAL_TYPES.has(taxonomy.get(r.conceptId)?.type ?? ""),
  );

/** Every concept whose evidence counts as holding `conceptId` itself (it, or a narrower form). */
export function directConcepts(taxonomy: Taxonomy, conceptId: string): string[] {
  return [...neighbourhoodOf(taxonomy, conceptId)]
    .filter(([, rel]) => isDirect(rel.relation))
    .map(([id]) => id);
}

function statusOf(row: EvidenceRow, nowMs: number, horizonMs: number): AlertStatus | null {
  if (row.revoked) return "revoked";
  const until = parseIsoDateMs(row.validUntil);
  if (until === null) return null;
  if (until < nowMs) return "expired";
  return until <= horizonMs ? "expiring" : null;
}

/**
 * One alert per position, person and watched credential — only when nothing they hold for it is
 * good beyond the window: a renewed licence silences the lapsed one it replaced.
 */
export function credentialAlerts(
  positions: readonly WatchedPosition[],
  rows: readonly EvidenceRow[],
  options: {
    taxonomy: Taxonomy;
    nowMs: number;
    withinDays: number;
    nameOf: (candidateId: string) => string | null;
  },
): CredentialAlert[] {
  const { taxonomy, nowMs } = options;
  const horizonMs = nowMs + options.withinDays * DAY_MS;
  const alerts: CredentialAlert[] = [];
  for (const position of positions)
    for (const req of watchedRequirements(position, taxonomy)) {
      const counts = new Set(directConcepts(taxonomy, req.conceptId));
      const byPerson = new Map<string, EvidenceRow[]>();
      for (const row of rows)
        if (row.conceptId !== null && counts.has(row.conceptId))
          byPerson.set(row.candidateId, [...(byPerson.get(row.candidateId) ?? []), row]);
      for (const [candidateId, held] of byPerson) {
        const judged = held.map((row) => ({ row, status: statusOf(row, nowMs, horizonMs) }));
        if (judged.some((j) => j.status === null)) continue;
        const worst = judged.sort(
          (a, b) =>
            (parseIsoDateMs(b.row.validUntil) ?? 0) - (parseIsoDateMs(a.row.validUntil) ?? 0) ||
            SEVERITY[b.status as AlertStatus] - SEVERITY[a.status as AlertStatus],
        )[0]!;
        const until = parseIsoDateMs(worst.row.validUntil);
        alerts.push({
          positionId: position.id,
          positionTitle: position.title,
          candidateId,
          name: options.nameOf(candidateId),
          status: worst.status as AlertStatus,
          credential: {
            conceptId: req.conceptId,
            label: req.label,
            skillText: worst.row.skillText,
            documentId: worst.row.documentId,
            title: worst.row.documentTitle,
          },
          issuer: worst.row.issuer,
          date: worst.row.validUntil,
          daysLeft: until === null ? null : Math.floor((until - nowMs) / DAY_MS),
        });
      }
    }
  return alerts.sort(
    (a, b) =>
      SEVERITY[a.status] - SEVERITY[b.status] ||
      (a.daysLeft ?? Number.NEGATIVE_INFINITY) - (b.daysLeft ?? Number.NEGATIVE_INFINITY) ||
      a.candidateId.localeCompare(b.candidateId),
  );
}
