/**
 * The demo makes sense to a hiring manager: each demo job description, pasted as is, finds at
 * least five qualified people in the 2,400-person demo population, with a visible spread below them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_JOB_DESCRIPTIONS } from "../../api/pages/demo-jds.ts";
import { seedDemo } from "../../src/cli/commands/demo.ts";
import { openEngine } from "../../src/engine/open.ts";
import { positionFromJd } from "../../src/engine/requirements.ts";
import type { Engine } from "../../src/engine/types.ts";

let dir: string;
let engine: Engine;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ler-match-demo-"));
  engine = await openEngine({ db: join(dir, "demo.db"), backend: "embedded" });
  await seedDemo(engine, 2400, 42);
}, 300_000);
afterAll(async () => {
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the demo population against the demo job descriptions", () => {
  it.each(DEMO_JOB_DESCRIPTIONS.map((d) => [d.id, d.text]))(
    "%s: at least five qualified people first, then a spread of the closest",
    async (_id, text) => {
      const position = positionFromJd(engine.parseJobDescription(text));
      const page = await engine.match(position, { includePartial: true, limit: 200 });
      const qualified = page.results.filter((r) => r.qualified);
      expect(qualified.length).toBeGreaterThanOrEqual(5);
      expect(page.results.slice(0, qualified.length).every((r) => r.qualified)).toBe(true);
      const below = page.results.slice(qualified.length);
      expect(below.length).toBeGreaterThan(0);
      expect(new Set(page.results.map((r) => Math.round(r.score * 100))).size).toBeGreaterThan(5);
    },
  );
});

describe("the demo's saved positions", () => {
  it("watch the licences and certifications their roles cannot be done without", async () => {
    const report = await engine.alerts({ withinDays: 90 });
    expect(report.positions).toBe(5);
    expect(report.alerts.length).toBeGreaterThan(0);
    for (const alert of report.alerts) {
      expect(["icu-nurse", "structural-welder"]).toContain(alert.positionId);
      expect(["revoked", "expired", "expiring"]).toContain(alert.status);
      expect(alert.credential.label).toBeTruthy();
      expect(alert.date).toMatch(/^\d{4}-\d{2}-\d{2}/);
    }
  });
});
