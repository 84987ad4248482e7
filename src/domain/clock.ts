/**
 * The engine's one "now". Scoring (recency), expiry, the demo and quality generators, the pages
 * and the API all read time from a Clock handed down by the engine, so a run can be pinned to a
 * date (LER_MATCH_NOW) and nothing a user sees drifts with the wall clock.
 *
 * This is the only module that reads the wall clock; a test greps the rest of the code for it.
 */
import { LerError } from "./errors.ts";

/** Milliseconds since the epoch, like Date.now(). */
export type Clock = () => number;

/** The wall clock, for operational timing only (queue back-off, index version stamps, rates). */
export const wallClock: Clock = () => Date.now();

const MINUTE_MS = 60_000;

/**
 * The real clock to the minute: the embedded index caches recency and expiry per posting list
 * for one instant, so queries within a minute share that work.
 */
export const minuteClock: Clock = () => Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;

export const fixedClock =
  (ms: number): Clock =>
  () =>
    ms;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** An ISO date or date-time as epoch ms; a date alone is midnight UTC. */
export function parseClockSetting(iso: string): number {
  const ms = ISO_DATE.test(iso) ? Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso) : Number.NaN;
  if (Number.isNaN(ms))
    throw new LerError("invalid_input", `"${iso}" is not an ISO date (LER_MATCH_NOW, e.g. 2026-11-30)`);
  return ms;
}

/** The clock a configuration asks for: pinned when `now` is set, else the real clock. */
export const clockFor = (now: string | undefined): Clock =>
  now === undefined ? minuteClock : fixedClock(parseClockSetting(now));

export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
