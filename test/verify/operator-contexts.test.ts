/**
 * Contexts the operator adds (`ler-match trust add-context`): pinned to the SHA-256 of their bytes
 * when added, served for their exact URL only, never replaced by other bytes, and refused by the
 * verifier once the stored bytes stop matching the pin.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../indexer/canonical.ts";
import type { Engine } from "../../src/engine/types.ts";
import { CLR_2_0_1, CLR_CONTEXT_TEXT, CLR_V2P0 } from "./clr-contexts.fixture.ts";
import { SAMPLE_ISSUERS, SAMPLE_KEYS } from "./operator-keys.ts";
import { openTempEngine, type TempEngine } from "./temp-engine.ts";

const NOW = Date.parse("2026-01-01T00:00:00Z");
const CLR_SAMPLE = join(
  import.meta.dirname,
  "../../../shared/data/ler-samples/clr2/1edtech-validator_simple.json",
);
const TEXT = CLR_CONTEXT_TEXT[CLR_2_0_1]!;

let temp: TempEngine;
let engine: Engine;
beforeAll(async () => {
  temp = await openTempEngine("contexts", { backend: "embedded" }, NOW);
  engine = temp.engine;
  for (const issuer of SAMPLE_ISSUERS) engine.trust.addIssuer(issuer);
  engine.trust.addKeys(SAMPLE_KEYS);
});
afterAll(() => temp.close());

const codeOf = (f: () => unknown) => {
  try {
    f();
    return "ok";
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

const verifySample = async () => {
  const content = JSON.parse(readFileSync(CLR_SAMPLE, "utf8")) as unknown;
  const report = await engine.ingest([{ name: "clr.json", content }], { dryRun: true });
  return report.documents[0]!.verification!;
};

describe("adding a context", () => {
  it("pins the SHA-256 of the file's bytes and lists it without its text", () => {
    const { context, created } = engine.trust.addContext({ url: CLR_2_0_1, content: TEXT });
    expect(created).toBe(true);
    expect(context).toEqual({
      url: CLR_2_0_1,
      sha256: sha256Hex(TEXT),
      bytes: Buffer.byteLength(TEXT),
      addedAt: new Date(NOW).toISOString(),
      intact: true,
    });
    expect(engine.trust.contexts()).toEqual([context]);
  });

  it("the same bytes again change nothing; other bytes for the URL are refused until it is removed", () => {
    expect(engine.trust.addContext({ url: CLR_2_0_1, content: TEXT }).created).toBe(false);
    expect(codeOf(() => engine.trust.addContext({ url: CLR_2_0_1, content: `${TEXT}\n` }))).toBe("conflict");
    expect(engine.trust.contexts().map((c) => c.sha256)).toEqual([sha256Hex(TEXT)]);
  });

  it("checks a digest the operator expects", () => {
    const text = CLR_CONTEXT_TEXT[CLR_V2P0]!;
    expect(
      codeOf(() => engine.trust.addContext({ url: CLR_V2P0, content: text, sha256: sha256Hex(TEXT) })),
    ).toBe("invalid_input");
    expect(
      engine.trust.addContext({ url: CLR_V2P0, content: text, sha256: sha256Hex(text).toUpperCase() })
        .created,
    ).toBe(true);
    engine.trust.removeContext(CLR_V2P0);
  });

  it("refuses what is not a JSON-LD context, a URL that is not http(s), and a bundled context's URL", () => {
    const url = "https://example.org/ctx.json";
    expect(codeOf(() => engine.trust.addContext({ url, content: "{ not json" }))).toBe("invalid_input");
    expect(codeOf(() => engine.trust.addContext({ url, content: '{"id": "x"}' }))).toBe("invalid_input");
    expect(codeOf(() => engine.trust.addContext({ url: "file:///etc/ctx", content: TEXT }))).toBe(
      "invalid_input",
    );
    expect(
      codeOf(() => engine.trust.addContext({ url: "https://www.w3.org/ns/credentials/v2", content: TEXT })),
    ).toBe("conflict");
    expect(codeOf(() => engine.trust.addContext({ url: CLR_V2P0 }))).toBe("invalid_input");
  });

  it("refuses any digest that is not 64 hexadecimal digits", () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/^\s*[0-9a-fA-F]{64}\s*$/.test(s)),
        (digest) =>
          codeOf(() => engine.trust.addContext({ url: CLR_V2P0, content: TEXT, sha256: digest })) ===
          "invalid_input",
      ),
    );
  });
});

describe("verifying with it", () => {
  it("serves the context for its exact URL only: the CLR wrapper's proof holds", async () => {
    expect(await verifySample()).toMatchObject({ status: "verified", embedded: [{ status: "verified" }] });
  });

  it("a context whose stored bytes changed is refused, listed as not intact, and restored by the same file", async () => {
    const sqlite = new Database(temp.db);
    sqlite.prepare("update operator_contexts set content = ? where url = ?").run(`${TEXT} `, CLR_2_0_1);
    sqlite.close();
    expect(engine.trust.contexts()[0]?.intact).toBe(false);
    expect(await verifySample()).toMatchObject({
      status: "unsigned",
      reason: expect.stringContaining("no longer match the pinned SHA-256"),
    });
    expect(engine.trust.addContext({ url: CLR_2_0_1, content: TEXT }).context.intact).toBe(true);
    expect((await verifySample()).status).toBe("verified");
  });

  it("removed, the context is unknown again", async () => {
    engine.trust.removeContext(CLR_2_0_1);
    expect(codeOf(() => engine.trust.removeContext(CLR_2_0_1))).toBe("not_found");
    expect(await verifySample()).toMatchObject({
      status: "unsigned",
      reason: expect.stringContaining(`${CLR_2_0_1} is neither bundled nor added by the operator`),
    });
  });
});
