/** @jsxImportSource hono/jsx */
/** The team page: /team?position=ID or /team?occupation=ID (optionally &people=id,id), else a picker. */
import type { Hono } from "hono";
import { isLerError } from "../../src/domain/errors.ts";
import type { TeamGapRequest } from "../../src/engine/gaps.ts";
import type { AppDeps } from "../context.ts";
import { TeamPicker, TeamView } from "./team-page.tsx";

/** People listed as closest per requirement on the page. */
const CLOSEST = 5;

export function registerTeamPage(app: Hono, _deps: AppDeps): void {
  app.get("/team", async (c) => {
    const position = c.req.query("position");
    const occupation = c.req.query("occupation");
    const people = c.req.query("people");
    const choice = async () => ({
      positions: await c.var.engine.listPositions(),
      occupations: c.var.engine.listOccupations().sort((a, b) => a.label.localeCompare(b.label)),
    });
    if (!position && !occupation) return c.html(<TeamPicker choice={await choice()} />);
    const request: TeamGapRequest = {
      people: people ? { ids: people.split(",").filter(Boolean) } : { all: true },
      target: position ? { positionId: position } : { occupationId: occupation as string },
      closest: CLOSEST,
    };
    try {
      return c.html(<TeamView gap={await c.var.engine.teamGap(request)} />);
    } catch (e) {
      if (!isLerError(e)) throw e;
      return c.html(<TeamPicker choice={await choice()} error={e.message} />, e.status as 400 | 404 | 422);
    }
  });
}
