/**
 * Format detection from content (type, @context, shape), with an explicit override. Each parser
 * scores a document; the highest wins. A document no parser claims is checked against KNOWN_OTHERS
 * — frameworks, descriptions and definitions that are real LER-ecosystem files but not a person's
 * record — so the caller is told what it is and where it belongs, rather than "unknown".
 */
import { LerError } from "../src/domain/errors.ts";
import type { LerFormat } from "../src/domain/schemas.ts";
import { PARSERS } from "./formats/index.ts";
import { contexts, hasType, isObject, type Json, objects, types } from "./json-path.ts";
import type { DocumentParser, FormatContext, FormatParser, ParseContext } from "./types.ts";

function registered(format: LerFormat): FormatParser {
  const parser = PARSERS.find((p) => p.format === format);
  if (!parser) throw new LerError("unknown_format", `no parser for format "${format}"`);
  return parser;
}

function formatContext(ctx: ParseContext): FormatContext {
  const full: FormatContext = {
    ...ctx,
    formatOfNested: (doc) => detectFormat(doc),
    parseNested: (doc, format) => registered(format).parse(doc, full),
  };
  return full;
}

/** The parser for a format, handed the way back into detection for any document it wraps. */
export function parserFor(format: LerFormat): DocumentParser {
  const parser = registered(format);
  return { format: parser.format, parse: (doc, ctx) => parser.parse(doc, formatContext(ctx)) };
}

/** Documents that are recognisably not a person's record, and what to tell the caller. */
interface KnownOther {
  test: (doc: Json) => boolean;
  message: (doc: Json) => string;
}

const firstType = (doc: Json): string => types(doc)[0] ?? "document";
const keysStartWith = (doc: Json, prefix: string) => Object.keys(doc).some((k) => k.startsWith(prefix));

export const KNOWN_OTHERS: readonly KnownOther[] = [
  {
    test: (d) => isObject(d.CFDocument) || (Array.isArray(d.CFItems) && Array.isArray(d.CFAssociations)),
    message: () =>
      "a CASE framework (CFPackage), not a person's record: import it with `ler-match taxonomy import case`",
  },
  {
    test: (d) => contexts(d).some((c) => /credreg\.net\/ctdl/.test(c)) || keysStartWith(d, "ceterms:"),
    message: (d) =>
      `a Credential Engine CTDL description (${firstType(d)}) of a credential or course, not a person's record; ` +
      "credentials that align to it are read through their alignment",
  },
  {
    test: (d) => hasType(d, "EndorsementCredential"),
    message: () =>
      "an Open Badges EndorsementCredential: it endorses an issuer or achievement and holds no person's skills",
  },
  {
    test: (d) => hasType(d, "BadgeClass", "AlignmentObject", "Issuer", "Achievement", "Profile"),
    message: (d) =>
      `an Open Badges ${firstType(d)}: a definition, not an award to a person; ingest the assertion or credential that awards it`,
  },
  {
    test: (d) =>
      !isObject(d.basics) && typeof d.title === "string" && Array.isArray(d.skills) && "company" in d,
    message: () =>
      "a JSON Resume job description, not a person's record: match against it as a position (its skills are the requirements)",
  },
  {
    test: (d) => Array.isArray(d.competencyIds) && typeof d.name === "string" && !("competencyName" in d),
    message: () =>
      "an HR Open SpecifiedCompetency (a requirement), not a person's record: use it as a position requirement",
  },
  {
    test: (d) => {
      const values = Object.values(d);
      return (
        values.length > 0 && values.every((v) => isObject(v) && ("scoreCode" in v || "scoreTextCode" in v))
      );
    },
    message: () => "HR Open score type examples (GPA, percentile, stanine…), not a person's record",
  },
];

/** The format of a document, or the override when the caller named one. */
export function detectFormat(doc: unknown, override?: LerFormat): LerFormat {
  if (override) return registered(override).format;
  let best: { format: LerFormat; score: number } | null = null;
  for (const p of PARSERS) {
    const score = p.detect(doc);
    if (score > 0 && (!best || score > best.score)) best = { format: p.format, score };
  }
  if (best) return best.format;
  const other = isObject(doc) ? KNOWN_OTHERS.find((k) => k.test(doc)) : undefined;
  if (other && isObject(doc)) throw new LerError("not_a_person_record", `this is ${other.message(doc)}`);
  throw new LerError("unknown_format", `could not tell the format: ${describeShape(doc)}`);
}

function describeShape(doc: unknown): string {
  if (doc === null || typeof doc !== "object")
    return `saw a ${doc === null ? "null" : typeof doc}, not a JSON object`;
  if (Array.isArray(doc)) return `saw an array of ${doc.length}`;
  const o = doc as Record<string, unknown>;
  const keys = Object.keys(o).slice(0, 8).join(", ");
  const type = o.type ?? o["@type"];
  const nested = objects(o.credentialSubject).length > 0 ? " with a credentialSubject" : "";
  return `saw an object with keys [${keys}]${type ? ` and type ${JSON.stringify(type)}` : ""}${nested}`;
}
