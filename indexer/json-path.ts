/**
 * Small readers for untrusted JSON: every parser walks documents whose fields may be missing or of
 * the wrong type, so each reader returns a typed value or null instead of throwing.
 */
import { createHash } from "node:crypto";
import { LerError } from "../src/domain/errors.ts";

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** A field that JSON-LD lets be one value or an array of them, as an array. */
export const asArray = (v: unknown): unknown[] =>
  v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];

export const objects = (v: unknown): Json[] => asArray(v).filter(isObject);

/** Non-empty trimmed text; numbers become text; localized objects pick English, else the first. */
export function text(v: unknown): string | null {
  if (typeof v === "string") return v.trim() === "" ? null : v.trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (isObject(v)) return localized(v);
  return null;
}

/** Velocity's `{ localized: { en: … } }` and JSON-LD's `{ "@value": … }`. */
function localized(v: Json): string | null {
  if (isObject(v.localized)) {
    const map = v.localized;
    return (
      text(map.en) ??
      Object.values(map)
        .map(text)
        .find((t) => t !== null) ??
      null
    );
  }
  return typeof v["@value"] === "string" ? text(v["@value"]) : null;
}

/** A raw level as written: a number stays a number (its scale may be numeric), anything else is text. */
export const levelOf = (v: unknown): string | number | null =>
  typeof v === "number" && Number.isFinite(v) ? v : text(v);

/** The JSON-LD `type`/`@type` of a node as a list of strings. */
export const types = (v: unknown): string[] =>
  isObject(v) ? asArray(v.type ?? v["@type"]).filter((t): t is string => typeof t === "string") : [];

export const hasType = (v: unknown, ...wanted: string[]): boolean => types(v).some((t) => wanted.includes(t));

export const contexts = (v: unknown): string[] =>
  isObject(v) ? asArray(v["@context"]).filter((c): c is string => typeof c === "string") : [];

/** Name of an issuer/organisation given as a string (URL or name) or a profile object. */
export function nameOf(v: unknown): string | null {
  if (typeof v === "string") return text(v);
  if (!isObject(v)) return null;
  return text(v.name) ?? text(v.tradeName) ?? text(v.legalName) ?? text(v.id);
}

/** The object elements of `node[field]` (one object or an array of them) with their JSON paths. */
export function indexedObjects(node: Json, field: string, path: string): { item: Json; at: string }[] {
  const base = childPath(path, field);
  const value = node[field];
  if (!Array.isArray(value)) return isObject(value) ? [{ item: value, at: base }] : [];
  return value.flatMap((item, i) => (isObject(item) ? [{ item, at: childPath(base, i) }] : []));
}

export const childPath = (path: string, key: string | number): string =>
  typeof key === "number"
    ? `${path}[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(key)
      ? `${path}.${key}`
      : `${path}["${key}"]`;

const ISO = /^\d{4}(-\d{2}(-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/**
 * A date as the domain stores it (ISO 8601, partial allowed). Accepts ISO text, Velocity's
 * `{year, month, day}` and epoch seconds (JWT claims); anything else is null.
 */
export function isoDate(v: unknown): string | null {
  if (typeof v === "string") {
    const t = v.trim();
    if (ISO.test(t)) return t;
    // Other spellings ("May 1, 2019", RFC 2822) as a date-time, when they name a four-digit year.
    const ms = /\d{4}/.test(t) ? Date.parse(t) : Number.NaN;
    const iso = Number.isNaN(ms) ? null : new Date(ms).toISOString();
    return iso && ISO.test(iso) ? iso : null;
  }
  if (isObject(v)) return partialDate(v);
  return null;
}

function partialDate(v: Json): string | null {
  const { year, month, day } = v;
  if (!isInt(year, 1, 9999)) return null;
  const y = String(year).padStart(4, "0");
  if (!isInt(month, 1, 12)) return y;
  const m = `${y}-${String(month).padStart(2, "0")}`;
  return isInt(day, 1, 31) ? `${m}-${String(day).padStart(2, "0")}` : m;
}

const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;

/** Epoch seconds (a JWT NumericDate) → ISO date-time. */
export function epochSeconds(v: unknown): string | null {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 253402300799) return null;
  return new Date(v * 1000).toISOString();
}

/** Stable short id from content, for people and documents that carry none. */
export function contentHash(v: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(v) ?? "undefined")
    .digest("hex")
    .slice(0, 24);
}

/** The longest address SMTP carries (RFC 5321); also keeps the pattern's backtracking bounded. */
const MAX_EMAIL_LENGTH = 254;

export const looksLikeEmail = (v: string | null): v is string =>
  v !== null && v.length <= MAX_EMAIL_LENGTH && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);

/** Requires a JSON object at the document root, naming what was seen otherwise. */
export function requireObject(doc: unknown, what: string, path = "$"): Json {
  if (isObject(doc)) return doc;
  const seen = doc === null ? "null" : Array.isArray(doc) ? "an array" : typeof doc;
  throw new LerError("parse_failed", `${what}: expected a JSON object at ${path}, saw ${seen}`, {
    details: { path },
  });
}
