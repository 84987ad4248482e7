import { describe, expect, it } from "vitest";
import { decodeCompactJws } from "../../indexer/compact-jws.ts";
import { decodeInput } from "../../indexer/decode.ts";
import { detectFormat } from "../../indexer/detect.ts";
import { inputOf, nameOf, parseInput, readSample } from "./helpers.ts";

const OB3 = JSON.parse(readSample("ob3/1edtech-validator_simple.json"));

const jws = (payload: unknown): string =>
  `${[{ alg: "ES256", typ: "JWT" }, payload]
    .map((p) => Buffer.from(JSON.stringify(p)).toString("base64url"))
    .join(".")}.c2ln`;

describe("decodeInput", () => {
  it("passes a parsed JSON value through as one input", () => {
    expect(decodeInput({ name: "body[0]", content: OB3 })).toEqual([
      { ok: true, value: { name: "body[0]", content: OB3 } },
    ]);
  });

  it("parses JSON text", () => {
    expect(decodeInput({ name: "a.json", content: `\uFEFF${JSON.stringify(OB3)}` })).toEqual([
      { ok: true, value: { name: "a.json", content: OB3 } },
    ]);
  });

  it("splits JSON lines into one input per line, a bad line failing on its own", () => {
    const text = `${JSON.stringify(OB3)}\n\n{"broken": \n${JSON.stringify(OB3)}\n`;
    const pieces = decodeInput({ name: "batch.jsonl", content: text });
    expect(pieces.map(nameOf)).toEqual(["batch.jsonl line 1", "batch.jsonl line 3", "batch.jsonl line 4"]);
    expect(pieces.map((p) => p.ok)).toEqual([true, false, true]);
    expect(() => inputOf(pieces[1])).toThrow(/^line 3: not valid JSON/);
    expect(detectFormat(inputOf(pieces[2]).content)).toBe("ob3");
  });

  it("decodes a compact JWS to its payload, for the jwt parser", () => {
    const payload = { vc: OB3, iss: "did:example:issuer", sub: "did:example:me", nbf: 1700000000 };
    const compact = jws(payload);
    const [piece] = decodeInput({ name: "cred.jwt", content: compact });
    expect(inputOf(piece)).toEqual({ name: "cred.jwt", content: payload, format: "jwt", jws: compact });
  });

  it("fills a JWT credential's gaps from its registered claims", () => {
    const { issuer: _i, validFrom: _v, id: _id, ...bare } = OB3;
    const subject = { ...OB3.credentialSubject, id: undefined };
    const payload = {
      vc: { ...bare, credentialSubject: subject },
      iss: "did:example:issuer",
      sub: "did:example:me",
      jti: "urn:uuid:1",
      nbf: 1700000000,
      exp: 1800000000,
    };
    const [doc] = parseInput({ name: "cred.jwt", content: jws(payload) });
    expect(doc).toMatchObject({
      format: "ob3",
      documentId: "urn:uuid:1",
      issuer: "did:example:issuer",
      issuedAt: "2023-11-14T22:13:20.000Z",
      validUntil: "2027-01-15T08:00:00.000Z",
      person: { id: "did:example:me" },
      verification: "unverified",
    });
  });

  it("rejects a JWS whose payload is not JSON", () => {
    expect(() => decodeCompactJws("eyJhbGciOiJub25lIn0.bm90IGpzb24.")).toThrow(
      "JWT payload is not base64url-encoded JSON",
    );
  });

  it("reports text that is neither JSON, JSON lines, CSV nor a JWS as invalid_json", () => {
    const pieces = decodeInput({ name: "notes.txt", content: "hello there\nsecond line" });
    expect(pieces).toHaveLength(1);
    expect(pieces[0]?.ok === false && [pieces[0].error.name, pieces[0].error.error.code]).toEqual([
      "notes.txt",
      "invalid_json",
    ]);
  });
});

describe("decodeInput on broken JSON", () => {
  it("reports a truncated pretty-printed document as one invalid_json, not as JSON lines", () => {
    const truncated = JSON.stringify({ a: [1, 2, 3], b: "x" }, null, 2).slice(0, 30);
    const [piece, ...rest] = decodeInput({ name: "t.json", content: truncated });
    expect(rest).toEqual([]);
    expect(() => inputOf(piece)).toThrow(/^t\.json is not valid JSON/);
  });
});
