/**
 * Dates as every layer reads them (parsers, ingestion, scoring). Partial ISO dates mean the start of their period
 * ("2019" = 2019-01-01); a date-time without a zone is read as UTC so a score never depends on
 * the machine's time zone.
 */
export const DAY_MS = 86_400_000;
/** A Julian year: recency half-lives and "practiced within N years" are measured in these. */
export const YEAR_MS = 365.25 * DAY_MS;

/**
 * What a current position's lastPracticedAt says until ingestion resolves it to the ingestion day:
 * still practiced.
 */
export const PRESENT = "present";

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/;

/** ISO date (possibly partial) → epoch ms; null for null or text that is not a date. */
export function parseIsoDateMs(text: string | null | undefined): number | null {
  if (!text) return null;
  const partial = PARTIAL.exec(text);
  if (partial) {
    const [, y, m, d] = partial;
    return Date.UTC(Number(y), m ? Number(m) - 1 : 0, d ? Number(d) : 1);
  }
  const iso = text.replace(" ", "T");
  const ms = Date.parse(HAS_ZONE.test(iso) ? iso : `${iso}Z`);
  return Number.isNaN(ms) ? null : ms;
}

/** The date recency is measured from: when the skill was last practiced, else when it was issued. */
export function evidenceDate(row: {
  lastPracticedAt: string | null;
  issuedAt: string | null;
}): string | null {
  return row.lastPracticedAt ?? row.issuedAt;
}
