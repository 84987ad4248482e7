/**
 * Whatever arrives — arbitrary JSON, truncated or mutated real samples, wrong types in any field —
 * parsing yields documents or a LerError, never another exception; and what it yields is well-formed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeInput } from "../../indexer/decode.ts";
import { detectFormat, parserFor } from "../../indexer/detect.ts";
import { PARSERS } from "../../indexer/formats/index.ts";
import type { ParsedDocument } from "../../indexer/types.ts";
import { PRESENT } from "../../src/domain/dates.ts";
import { isLerError } from "../../src/domain/errors.ts";
import { IsoDate, LerFormat } from "../../src/domain/schemas.ts";
import { inputOf, readSample, sampleFiles } from "./helpers.ts";

const JSON_SAMPLES = sampleFiles().filter((f) => f.endsWith(".json"));
const SAMPLE_DOCS = JSON_SAMPLES.map((f) => JSON.parse(readSample(f)) as unknown);

const dateOk = (d: string | null | undefined) => d == null || d === PRESENT || IsoDate.safeParse(d).success;

function wellFormed(doc: ParsedDocument): void {
  expect(LerFormat.safeParse(doc.format).success).toBe(true);
  expect(typeof doc.person.id === "string" && doc.person.id.length > 0).toBe(true);
  expect([doc.issuedAt, doc.validUntil].every(dateOk)).toBe(true);
  for (const a of doc.assertions) {
    expect(typeof a.skillText === "string" && a.skillText.length > 0).toBe(true);
    expect(a.rawLevel === null || ["string", "number"].includes(typeof a.rawLevel)).toBe(true);
    expect([a.issuedAt, a.validUntil, a.lastPracticedAt].every(dateOk)).toBe(true);
    expect(typeof a.sourcePath).toBe("string");
  }
}

/** Runs the whole read path; a LerError is an answer, anything else thrown fails the property. */
function readAll(content: unknown, format?: LerFormat): void {
  let docs: ParsedDocument[] = [];
  try {
    docs = decodeInput({ name: "x", content, ...(format ? { format } : {}) }).flatMap((piece) => {
      const i = inputOf(piece);
      return parserFor(detectFormat(i.content, i.format)).parse(i.content, { fileName: "x" });
    });
  } catch (e) {
    if (!isLerError(e)) throw e;
    return;
  }
  docs.forEach(wellFormed);
}

/** Every JSON path of a value, as key lists. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return [at, ...v.flatMap((x, i) => paths(x, [...at, i]))];
  if (v !== null && typeof v === "object")
    return [at, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k]))];
  return [at];
}

function replaced(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = replaced(copy[head], rest, value);
  return copy;
}

const WRONG_TYPES: unknown[] = [null, 42, "text", [], { localized: 5 }];

describe("parsing never throws anything but a LerError", () => {
  it("on arbitrary JSON, detected or forced to each format", () => {
    const formats = PARSERS.map((p) => p.format);
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.option(fc.constantFrom(...formats), { nil: undefined }),
        (value, format) => readAll(value, format),
      ),
      { numRuns: 400 },
    );
  });

  it("on arbitrary objects shaped like the known formats", () => {
    const shaped = fc.record({
      type: fc.constantFrom(
        ["VerifiableCredential", "OpenBadgeCredential"],
        "ClrCredential",
        ["Course"],
        "Assertion",
      ),
      credentialSubject: fc.jsonValue(),
      basics: fc.option(fc.jsonValue(), { nil: undefined }),
      vc: fc.option(fc.jsonValue(), { nil: undefined }),
      skills: fc.jsonValue(),
    });
    fc.assert(
      fc.property(shaped, (doc) => readAll(doc)),
      { numRuns: 300 },
    );
  });

  it("on every real sample truncated at any point", () => {
    const texts = sampleFiles().map(readSample);
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.double({ min: 0, max: 1, noNaN: true }), (i, cut) => {
        const text = texts[i] ?? "";
        readAll(text.slice(0, Math.floor(text.length * cut)));
      }),
      { numRuns: 300 },
    );
  });

  it("on real samples with random fields replaced by random JSON", () => {
    fc.assert(
      fc.property(fc.nat(SAMPLE_DOCS.length - 1), fc.nat(), fc.jsonValue(), (i, p, value) => {
        const doc = SAMPLE_DOCS[i];
        const all = paths(doc);
        readAll(replaced(doc, all[p % all.length] ?? [], value));
      }),
      { numRuns: 400 },
    );
  });

  it("on one sample of each format with every field given each wrong type", () => {
    const picks = [
      "ob3/spec_fullOpenBadge.json",
      "clr2/1edtech-validator_simple.json",
      "jsonresume/jsonresume-schema_sample.resume.json",
      "ler-rs/LER-RS_V2_VCwrapper.json",
      "hropen/instance_PersonCompetencyType.json",
      "velocity/vendor-offer_michelle-harris-course.json",
      "velocity/1edtech-validator_velocity.jwt.payload.json",
    ];
    for (const name of picks) {
      const doc = JSON.parse(readSample(name));
      for (const path of paths(doc)) for (const wrong of WRONG_TYPES) readAll(replaced(doc, path, wrong));
    }
  });
});
