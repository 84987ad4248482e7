/**
 * The requirement-cost panel and the blind toggle in a real headless Chromium against a server on
 * 127.0.0.1 holding a seeded demo population. Screenshots land in test-output/screenshots/.
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM } from "./chromium.ts";
import { type DemoSite, startDemoSite } from "./demo-site.ts";

let site: DemoSite;

describe.skipIf(!existsSync(CHROMIUM))(`skills-first pages in headless Chromium (needs ${CHROMIUM})`, () => {
  beforeAll(async () => {
    site = await startDemoSite({ people: 300, session: { viewport: { width: 1280, height: 900 } } });
  }, 300_000);
  afterAll(() => site?.close());

  it("the cost panel beside the chips follows a chip made preferred", async () => {
    const page = await site.session.newPage();
    await page.goto(`${site.base}/match?demo=backend-engineer`);
    await page.getByRole("button", { name: "Find candidates" }).click();
    await page.waitForSelector("#analysis [data-qualified]");
    const before = Number(await page.locator("#analysis [data-qualified] strong").textContent());
    expect(await page.locator("#analysis [data-bottleneck]").textContent()).toMatch(
      /^Bottleneck: .+ removes \d+ of \d+ otherwise qualified/,
    );
    const first = (await page.locator("#analysis tbody tr td").first().textContent())!.split(" ")[0]!;
    const ifPreferred = Number(
      await page.locator("#analysis tbody tr").first().locator("td").nth(2).textContent(),
    );
    await site.shot(page, "analysis-panel");

    // make the bottleneck preferred: the panel is re-fetched for the chips as they stand, then the page re-ranks
    const analysed = page.waitForResponse((r) => new URL(r.url()).pathname === "/match/analysis" && r.ok());
    await page.getByLabel(`required or preferred: ${first}`).selectOption("preferred");
    // the page navigates right after (its body is gone): ask the same URL again in this session
    const body = await (await page.request.get((await analysed).url())).json();
    expect(body.qualified).toBe(ifPreferred);
    await page.waitForLoadState("load");
    await page.waitForSelector("#analysis [data-qualified]");
    const after = Number(await page.locator("#analysis [data-qualified] strong").textContent());
    expect(after).toBe(ifPreferred);
    expect(after).toBeGreaterThanOrEqual(before);
    await site.shot(page, "analysis-panel-relaxed");
    await page.close();
  }, 60_000);

  it("the blind toggle hides names; the explain view keeps every piece of evidence", async () => {
    const page = await site.session.newPage();
    await page.goto(`${site.base}/match?demo=data-engineer`);
    await page.getByRole("button", { name: "Find candidates" }).click();
    await page.waitForSelector("article.card");
    const named = await page.locator("article.card h2 a").first().textContent();
    expect(named).not.toMatch(/^Candidate /);

    await page.getByLabel("blind first look").check();
    await page.getByRole("button", { name: "Re-rank" }).click();
    await page.waitForSelector("article.card");
    const names = await page.locator("article.card h2 a").allTextContents();
    expect(names.every((n) => /^Candidate [0-9A-F]{6}$/.test(n.trim()))).toBe(true);
    expect(await page.content()).not.toContain(named!.trim());
    await site.shot(page, "blind-match");

    await page.locator("article.card").first().getByRole("link", { name: "Show the arithmetic" }).click();
    await page.waitForLoadState("load");
    expect(await page.locator("h1").textContent()).toMatch(/Candidate [0-9A-F]{6}/);
    expect(await page.locator("table").count()).toBeGreaterThan(0);
    await site.shot(page, "blind-explain");
    await page.close();
  }, 60_000);
});
