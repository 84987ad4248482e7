/**
 * Saved positions as engine methods: a position is saved from requirements or a pasted job
 * description (understood by the same path /v1/match uses), resolved once, and kept with the
 * engine clock's time so both directions — matching people to it, ranking it for a person — read
 * the same requirements.
 */
import { randomUUID } from "node:crypto";
import type { JobDescriptionParse } from "../../taxonomy/jd/types.ts";
import type { Taxonomy } from "../../taxonomy/model.ts";
import type { Clock } from "../domain/clock.ts";
import { fromZod, LerError } from "../domain/errors.ts";
import { NewPosition, type SavedPosition } from "../domain/positions.ts";
import type { PositionInput } from "../domain/schemas.ts";
import type { Store } from "../store/types.ts";
import { positionFromJd, resolvePosition } from "./requirements.ts";

export interface PositionMethods {
  /** Saves a position; 422 unknown_concept when no requirement resolves, 409 conflict on a taken id. */
  createPosition(input: NewPosition): Promise<SavedPosition>;
  /** Every saved position, oldest first: their resolved requirements are what other features read. */
  listPositions(): Promise<SavedPosition[]>;
  /** One saved position; LerError("not_found") when unknown. */
  getPosition(id: string): Promise<SavedPosition>;
  deletePosition(id: string): Promise<void>;
}

interface PositionDeps {
  store: Store;
  taxonomy: Taxonomy;
  now: Clock;
  parseJobDescription(text: string): Promise<JobDescriptionParse>;
}

const UNTITLED_LABELS = 3;

export function positionMethods(deps: PositionDeps): PositionMethods {
  const { store, taxonomy, now } = deps;
  const getPosition = async (id: string) => {
    const position = store.positions.get(id);
    if (!position)
      throw new LerError("not_found", `no saved position with id "${id}"`, { details: { positionId: id } });
    return position;
  };
  return {
    async createPosition(input) {
      const parsed = NewPosition.safeParse(input);
      if (!parsed.success) throw fromZod(parsed.error, "position");
      const body = parsed.data;
      const fromText = body.requirements
        ? undefined
        : positionFromJd(await deps.parseJobDescription(body.jobDescription as string));
      const position: PositionInput = fromText ?? { requirements: body.requirements ?? [] };
      const resolved = resolvePosition(position, taxonomy);
      if (resolved.requirements.length === 0)
        throw new LerError(
          "unknown_concept",
          `no requirement resolved to a known skill: ${resolved.unresolved.join(", ")}`,
          { details: { unresolved: resolved.unresolved } },
        );
      const saved: SavedPosition = {
        id: body.id ?? `pos-${randomUUID().slice(0, 8)}`,
        name:
          body.name ??
          resolved.title ??
          resolved.requirements
            .slice(0, UNTITLED_LABELS)
            .map((r) => r.label)
            .join(", "),
        requirements: resolved.requirements,
        jobDescription: fromText ? (body.jobDescription ?? null) : null,
        unresolved: resolved.unresolved,
        createdAt: new Date(now()).toISOString(),
      };
      store.positions.insert(saved);
      return saved;
    },
    listPositions: async () => store.positions.list(),
    getPosition,
    async deletePosition(id) {
      if (!store.positions.delete(id))
        throw new LerError("not_found", `no saved position with id "${id}"`, { details: { positionId: id } });
    },
  };
}
