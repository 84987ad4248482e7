/** Canonical JSON and content hashes: the same content gives the same id whatever its key order. */
import { createHash } from "node:crypto";

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** JSON.stringify with object keys sorted at every depth (undefined dropped, as JSON does). */
export function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      isPlainObject(v)
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, v[k]]),
          )
        : v,
    ) ?? "null"
  );
}

export const sha256Hex = (text: string): string => createHash("sha256").update(text).digest("hex");

export const contentId = (value: unknown): string => `sha256:${sha256Hex(canonicalJson(value))}`;

/** Assertion ids follow the order the document lists its skills, so a re-ingest gives the same ids. */
export const assertionId = (documentId: string, index: number): string => `${documentId}#${index}`;
