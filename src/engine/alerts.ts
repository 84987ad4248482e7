/**
 * The credentials-under-watch use case: the positions to watch (given in the call, else the
 * organisation's saved positions through a PositionSource), their required licences and certifications,
 * and every holder's credentials judged against the engine's clock.
 */
import { z } from "zod";
import type { Taxonomy } from "../../taxonomy/model.ts";
import type { AlertsReport } from "../domain/alerts.ts";
import type { Clock } from "../domain/clock.ts";
import { fromZod } from "../domain/errors.ts";
import { POSITION_LIMITS, type PositionInput, RequirementInput } from "../domain/schemas.ts";
import type { PositionStore } from "../store/positions.ts";
import type { Store } from "../store/types.ts";
import {
  credentialAlerts,
  directConcepts,
  type WatchedPosition,
  watchedRequirements,
} from "../watch/alerts.ts";
import { resolvePosition } from "./requirements.ts";

/** Where watched positions come from when a call names none. */
export interface PositionSource {
  list(): Promise<{ id: string; title?: string; position: PositionInput }[]>;
}

/** The positions saved through /v1/positions, their requirements already resolved to concept ids. */
export const savedPositionSource = (positions: Pick<PositionStore, "list">): PositionSource => ({
  list: async () =>
    positions.list().map((p) => ({
      id: p.id,
      title: p.name,
      position: {
        requirements: p.requirements.map((r) => ({
          concept: r.conceptId,
          minLevel: r.minLevel,
          weight: r.weight,
          required: r.required,
        })),
      },
    })),
});

export const AlertsQuery = z.object({
  withinDays: z.number().int().min(0).max(3650).default(30),
  positions: z
    .array(
      z.object({
        id: z.string().min(1).max(200).optional(),
        title: z.string().max(300).optional(),
        requirements: z.array(RequirementInput).min(1).max(POSITION_LIMITS.requirements),
      }),
    )
    .max(100)
    .optional(),
});
export type AlertsQuery = z.input<typeof AlertsQuery>;

export function createAlerts(deps: { store: Store; taxonomy: Taxonomy; now: Clock }, saved: PositionSource) {
  return async function alerts(input: AlertsQuery = {}): Promise<AlertsReport> {
    const parsed = AlertsQuery.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error, "alerts");
    const { withinDays } = parsed.data;
    const given = parsed.data.positions?.map((p, i) => ({
      id: p.id ?? `position-${i + 1}`,
      title: p.title,
      position: p,
    }));
    const watched: WatchedPosition[] = (given ?? (await saved.list())).map(({ id, title, position }) => {
      const resolved = resolvePosition(position, deps.taxonomy);
      return { id, title: title ?? resolved.title, requirements: resolved.requirements };
    });
    const concepts = new Set(
      watched.flatMap((p) =>
        watchedRequirements(p, deps.taxonomy).flatMap((r) => directConcepts(deps.taxonomy, r.conceptId)),
      ),
    );
    const rows = concepts.size ? deps.store.evidenceOfConcepts([...concepts]) : [];
    const nowMs = deps.now();
    return {
      asOf: new Date(nowMs).toISOString(),
      withinDays,
      positions: watched.length,
      alerts: credentialAlerts(watched, rows, {
        taxonomy: deps.taxonomy,
        nowMs,
        withinDays,
        nameOf: (id) => deps.store.getCandidate(id)?.name ?? null,
      }),
    };
  };
}
