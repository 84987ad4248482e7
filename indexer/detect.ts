/** Format detection from content (type, @context, shape), with an explicit override. */
import { LerError } from "../src/domain/errors.ts";
import type { LerFormat } from "../src/domain/schemas.ts";
import { PARSERS } from "./formats/index.ts";
import type { FormatParser } from "./types.ts";

export function parserFor(format: LerFormat): FormatParser {
  const parser = PARSERS.find((p) => p.format === format);
  if (!parser) throw new LerError("unknown_format", `no parser for format "${format}"`);
  return parser;
}

export function detectFormat(doc: unknown): LerFormat {
  let best: { format: LerFormat; score: number } | null = null;
  for (const p of PARSERS) {
    const score = p.detect(doc);
    if (score > 0 && (!best || score > best.score)) best = { format: p.format, score };
  }
  if (!best) throw new LerError("unknown_format", `could not tell the format: ${describeShape(doc)}`);
  return best.format;
}

function describeShape(doc: unknown): string {
  if (doc === null || typeof doc !== "object") return `saw a ${doc === null ? "null" : typeof doc}, not a JSON object`;
  if (Array.isArray(doc)) return `saw an array of ${doc.length}`;
  const o = doc as Record<string, unknown>;
  const keys = Object.keys(o).slice(0, 8).join(", ");
  const type = o.type ?? o["@type"];
  return `saw an object with keys [${keys}]${type ? ` and type ${JSON.stringify(type)}` : ""}`;
}
