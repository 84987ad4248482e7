import { describe, expect, it } from "vitest";
import { parserFor } from "../../indexer/detect.ts";
import { isLerError } from "../../src/domain/errors.ts";
import { readSample } from "./helpers.ts";

const OB3 = JSON.parse(readSample("ob3/1edtech-validator_simple.json"));
const CLR = JSON.parse(readSample("clr2/1edtech-validator_simple.json"));

function failure(format: Parameters<typeof parserFor>[0], doc: unknown) {
  try {
    parserFor(format).parse(doc, { fileName: null });
  } catch (e) {
    if (isLerError(e)) return e.toJSON();
    throw e;
  }
  return null;
}

describe("parse failures name what is wrong and where", () => {
  it("an OB3 credential without an achievement", () => {
    const doc = { ...OB3, credentialSubject: { id: "did:example:1" } };
    expect(failure("ob3", doc)).toEqual({
      code: "parse_failed",
      message: "credentialSubject has no achievement at $.credentialSubject.achievement",
      details: { path: "$.credentialSubject.achievement" },
    });
  });

  it("a document that is not an object", () => {
    expect(failure("clr2", [CLR])).toEqual({
      code: "parse_failed",
      message: "CLR 2.0 credential: expected a JSON object at $, saw an array",
      details: { path: "$" },
    });
  });

  it("a Velocity document whose type is not an offer type", () => {
    expect(failure("velocity", { type: ["Mystery"], credentialSubject: {} })).toEqual({
      code: "parse_failed",
      message: 'type ["Mystery"] is not a Velocity offer type at $.type',
      details: { path: "$.type" },
    });
  });
});

describe("a CLR with one unreadable credential", () => {
  it("keeps the others and warns about the one it skipped", () => {
    const list = CLR.credentialSubject.verifiableCredential as unknown[];
    const broken = {
      ...CLR,
      credentialSubject: {
        ...CLR.credentialSubject,
        verifiableCredential: [...list, "eyJ.a.b", { type: "x" }],
      },
    };
    const [doc] = parserFor("clr2").parse(broken, { fileName: null });
    const [good] = parserFor("clr2").parse(CLR, { fileName: null });
    expect(doc?.assertions).toEqual(good?.assertions);
    const n = list.length;
    expect(doc?.warnings).toEqual([
      `$.credentialSubject.verifiableCredential[${n}]: not a credential object (a JWT string?), skipped`,
      `$.credentialSubject.verifiableCredential[${n + 1}]: skipped, no credentialSubject object at $.credentialSubject.verifiableCredential[${n + 1}].credentialSubject`,
      "$.credentialSubject.association: 1 association kept, not scored",
    ]);
  });
});
