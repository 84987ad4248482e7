import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { clockFor, parseClockSetting } from "../src/domain/clock.ts";
import { LerError } from "../src/domain/errors.ts";

const ROOT = join(import.meta.dirname, "..");
const CODE = ["api", "src", "indexer", "taxonomy"];
/** The one module allowed to read the wall clock. */
const CLOCK_MODULE = "src/domain/clock.ts";
const WALL_CLOCK = /\bDate\.now\(\)|new Date\(\s*\)/;

function* codeFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* codeFiles(path);
    else if (/\.tsx?$/.test(name)) yield path;
  }
}

describe("the engine's clock", () => {
  it("is the only place the code reads the wall clock", () => {
    const offenders = CODE.flatMap((d) => [...codeFiles(join(ROOT, d))])
      .map((f) => relative(ROOT, f))
      .filter((f) => f !== CLOCK_MODULE && WALL_CLOCK.test(readFileSync(join(ROOT, f), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("is pinned by LER_MATCH_NOW to an ISO date", () => {
    const config = loadConfig({ db: ":memory:" }, { LER_MATCH_NOW: "2031-06-01" });
    expect(config.now).toBe("2031-06-01");
    expect(clockFor(config.now)()).toBe(Date.UTC(2031, 5, 1));
    expect(parseClockSetting("2031-06-01T12:30:00Z")).toBe(Date.UTC(2031, 5, 1, 12, 30));
  });

  it("refuses a LER_MATCH_NOW that is not an ISO date, saying so", () => {
    expect(() => loadConfig({}, { LER_MATCH_NOW: "next tuesday" })).toThrow(LerError);
    expect(() => loadConfig({}, { LER_MATCH_NOW: "2031-13-45" })).toThrow(/configuration is invalid/);
  });

  it("follows the real clock when nothing pins it", () => {
    const before = Math.floor(performance.timeOrigin + performance.now());
    expect(Math.abs(clockFor(undefined)() - before)).toBeLessThan(120_000);
  });
});
