/**
 * "Roles that fit" on a person's page and the team gap heat-map, in headless Chromium against a
 * server holding the seeded demo population and its saved positions. Screenshots land in
 * test-output/screenshots/.
 */
import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/domain/clock.ts";
import { CHROMIUM } from "./chromium.ts";
import { type DemoSite, startDemoSite } from "./demo-site.ts";

const DEMO_PEOPLE = 300;
const NOW = Date.UTC(2026, 0, 1);

let site: DemoSite;
let person: string;

describe.skipIf(!existsSync(CHROMIUM))(
  `roles and team pages in headless Chromium (needs ${CHROMIUM})`,
  () => {
    beforeAll(async () => {
      site = await startDemoSite({ people: DEMO_PEOPLE, clock: fixedClock(NOW) });
      // someone the saved position fits at least in part
      const match = await site.engine.match(
        { requirements: [{ concept: "Python" }, { concept: "PostgreSQL" }] },
        { limit: 1 },
      );
      person = match.results[0]?.candidateId as string;
    }, 300_000);
    afterAll(() => site?.close());

    const open = (path: string, width?: number) => site.open(path, width);
    const shot = (page: Page, name: string) => site.shot(page, name);

    it("a person's page lists the roles that fit, each with its gap bar and what closing each gap adds", async () => {
      const page = await open(`/candidates/${encodeURIComponent(person)}`);
      const rows = page.locator("table.roles tbody tr");
      expect(await rows.count()).toBeGreaterThan(0);
      expect(await page.locator("[data-role='position:backend-engineer']").count()).toBe(1);
      const first = rows.first();
      expect(await first.locator(".score-cell").textContent()).toMatch(/^\d{1,3}$/);
      expect(await first.locator("svg.gapbar").getAttribute("aria-label")).toMatch(
        /^scores \d+; closing \d+ gaps? would bring it to about \d+$/,
      );
      // a role fully met has no gap to list; the first one with gaps names the nearest evidence
      expect(await page.locator("table.roles ul.gaps li").first().textContent()).toMatch(
        /^\+\d+ (has .+|nothing related yet); .+ would add \d+ points?$/,
      );
      await shot(page, "candidate-roles");
      await page.close();
    });

    it("a role's team-gap link opens the heat-map: requirements × level bands, counts adding up to the team", async () => {
      const page = await open(`/candidates/${encodeURIComponent(person)}`);
      await Promise.all([
        page.waitForURL(/\/team\?position=backend-engineer/),
        page.locator("[data-role='position:backend-engineer'] a").click(),
      ]);
      const heading = await page.locator("h1").textContent();
      expect(heading).toContain("Backend engineer");
      expect(heading).toContain(`${DEMO_PEOPLE} people`);
      const rows = page.locator("table.heatmap tbody tr");
      expect(await rows.count()).toBe(12);
      const python = page.locator("tr[data-requirement='sw.python']");
      const counts = await python
        .locator("td.heat")
        .evaluateAll((cells) => cells.map((c) => Number(c.textContent || 0)));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(DEMO_PEOPLE);
      // Python at practitioner or above meets it: those three bands are the green ones
      expect(await python.locator("td.heat.meets").count()).toBe(3);
      const closest = python.locator("td").last().locator("a").first();
      expect(await closest.getAttribute("href")).toMatch(/^\/candidates\//);
      await shot(page, "team-gap");
      await page.close();
    });

    it("the team page without a target offers the saved positions and occupations, and a bad one says why", async () => {
      const page = await open("/team");
      expect(await page.locator("select#position option").allTextContents()).toContain("Backend engineer");
      expect(await page.locator("select#occupation option").count()).toBeGreaterThan(10);
      await page.close();
      const missing = await open("/team?position=nope");
      expect(await missing.locator("[role=alert]").textContent()).toContain(
        'no saved position with id "nope"',
      );
      await missing.close();
    });

    it("the heat-map stays readable on a phone", async () => {
      const page = await open("/team?occupation=occ.software-developer", 390);
      expect(await page.locator("table.heatmap").count()).toBe(1);
      const overflow = await page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
      expect(overflow).toBeLessThanOrEqual(1);
      await shot(page, "team-gap-phone");
      await page.close();
    });
    it("the pages raise no Content-Security-Policy violation", () => {
      expect(site.consoleErrors.filter((m) => /Content.Security.Policy/i.test(m))).toEqual([]);
    });
  },
);
