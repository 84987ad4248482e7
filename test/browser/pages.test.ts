/**
 * The pages in a real headless Chromium (Debian's, driven by playwright-core) against a server on
 * 127.0.0.1 holding a seeded demo population. Screenshots land in test-output/screenshots/.
 */
import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM } from "./chromium.ts";
import { type DemoSite, startDemoSite } from "./demo-site.ts";

const DEMO_PEOPLE = 400;
const DATA_ENGINEER_JD = `Senior Data Engineer

You will own the pipelines that feed our analytics platform.

Responsibilities:
- Design and operate batch and streaming pipelines
- Keep the warehouse reliable and well modelled

Requirements:
- 3+ years of Python and SQL
- Hands-on Apache Spark
- ETL design and data warehousing

Nice to have:
- Apache Airflow
- Apache Kafka
- AWS`;

let site: DemoSite;

describe.skipIf(!existsSync(CHROMIUM))(`pages in headless Chromium (needs ${CHROMIUM})`, () => {
  beforeAll(async () => {
    site = await startDemoSite({ people: DEMO_PEOPLE });
  }, 300_000);
  afterAll(() => site?.close());

  const open = (path: string, width?: number) => site.open(path, width);
  const shot = (page: Page, name: string) => site.shot(page, name);

  it("pasting a job description shows the understood requirements as chips and ranked cards", async () => {
    const page = await open("/match?demo=backend-engineer");
    expect(await page.locator("textarea#jd").inputValue()).toContain("PostgreSQL");
    await page.getByRole("button", { name: "Find candidates" }).click();
    await page.waitForSelector("article.card");
    const chips = await page.locator(".chip strong").allTextContents();
    expect(chips).toEqual(expect.arrayContaining(["Python", "PostgreSQL", "Docker", "Kubernetes"]));
    expect(await page.locator("article.card").count()).toBeGreaterThan(0);
    expect(await page.locator("article.card .summary").first().textContent()).toMatch(/meets \d+ of \d+/);
    await shot(page, "match");
    await page.close();
  });

  it("a long position shows its first eight requirements at a glance and folds the rest", async () => {
    const page = await open("/match");
    const skills = [
      "Python",
      "SQL",
      "Docker",
      "Kubernetes",
      "PostgreSQL",
      "Git",
      "Linux",
      "AWS",
      "Redis",
      "Terraform",
    ];
    await page
      .locator("textarea#jd")
      .fill(`Platform Engineer\n\nRequirements:\n${skills.map((s) => `- ${s}`).join("\n")}`);
    await page.getByRole("button", { name: "Find candidates" }).click();
    await page.waitForSelector("article.card");
    expect(await page.locator("article.card").first().locator(".reqs").first().locator("tr").count()).toBe(8);
    expect(await page.locator("article.card details summary").first().textContent()).toMatch(
      /^2 more requirements/,
    );
    await page.close();
  });

  it("a pasted data-engineering job description lists qualified people first, with scores a person can read", async () => {
    const page = await open("/match");
    await page.locator("textarea#jd").fill(DATA_ENGINEER_JD);
    await page.getByRole("button", { name: "Find candidates" }).click();
    await page.waitForSelector("article.card");
    const cards = await page.locator("article.card").evaluateAll((els) =>
      els.map((e) => ({
        qualified: e.getAttribute("data-qualified"),
        score: e.querySelector(".score")?.childNodes[1]?.textContent ?? "",
      })),
    );
    const firstUnqualified = cards.findIndex((c) => c.qualified !== "true");
    expect(firstUnqualified === -1 ? cards.length : firstUnqualified).toBeGreaterThanOrEqual(3);
    expect(
      cards
        .slice(firstUnqualified === -1 ? cards.length : firstUnqualified)
        .every((c) => c.qualified === "false"),
    ).toBe(true);
    for (const c of cards) expect(c.score).toMatch(/^(100|[1-9]?\d)$/);
    expect(await page.locator(".score-legend").textContent()).toContain("very likely meets nearly all");
    await shot(page, "match-data-engineer");
    await page.close();
  });

  it("editing a chip re-ranks, and the URL carries the change", async () => {
    const page = await open(
      "/match?skill=sw.python&level=&need=preferred&skill=sw.sql&level=&need=preferred",
    );
    await page.waitForSelector("article.card");
    await Promise.all([
      page.waitForURL(/level=4/),
      page.getByLabel("minimum level for Python").selectOption("4"),
    ]);
    expect(await page.getByLabel("minimum level for Python").inputValue()).toBe("4");
    await page.waitForSelector("article.card");
    await page.close();
  });

  it("a result card opens the candidate page with levels and evidence", async () => {
    const page = await open("/match?skill=sw.python&level=3&need=required");
    await page.locator("article.card h2 a").first().click();
    await page.waitForSelector("table[aria-label=skills]");
    expect(await page.locator("table[aria-label=skills] tbody tr").count()).toBeGreaterThan(0);
    expect(await page.locator("table[aria-label=documents] tbody tr").count()).toBeGreaterThan(0);
    await shot(page, "candidate");
    await page.close();
  });

  for (const demo of ["backend-engineer", "icu-nurse"])
    it(`the first 20 cards for the ${demo} demo show the score their explain pages add up to`, async () => {
      const page = await open(`/match?demo=${demo}`);
      await page.getByRole("button", { name: "Find candidates" }).click();
      await page.waitForSelector("article.card");
      const cards = await page.locator("article.card").evaluateAll((els) =>
        els.slice(0, 20).map((e) => ({
          score: e.querySelector(".score")?.childNodes[1]?.textContent ?? "",
          href: e.querySelector("a[href^='/explain']")?.getAttribute("href") ?? "",
        })),
      );
      expect(cards.length).toBe(20);
      for (const card of cards) {
        const explain = await open(card.href);
        const shown = await explain.getByTestId("score").textContent();
        const parts = (await explain.getByTestId("contribution").allTextContents()).map(Number);
        const sum = Number(await explain.getByTestId("sum").textContent());
        expect(shown).toBe(card.score);
        expect(sum).toBe(Number(card.score));
        expect(parts.reduce((a, b) => a + b, 0)).toBe(sum);
        if (card === cards[0]) await shot(explain, `explain-${demo}`);
        await explain.close();
      }
      await page.close();
    });

  it("search filters by skill and level, and its URL can be shared", async () => {
    const page = await open("/search");
    await page.getByLabel("skill 1", { exact: true }).fill("Python");
    await page.getByLabel("minimum level for skill 1").selectOption("3");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForSelector("article.card");
    const url = page.url();
    expect(url).toContain("skill=Python");
    const first = await page.locator("article.card").first().getAttribute("data-candidate");
    await shot(page, "search");
    const shared = await open(url.replace(site.base, ""));
    expect(await shared.locator("article.card").first().getAttribute("data-candidate")).toBe(first);
    await page.close();
    await shared.close();
  });

  it("holds up at a phone's width", async () => {
    const page = await open("/match?skill=sw.python&level=3&need=required", 390);
    await page.waitForSelector("article.card");
    // Runs in the page, where document and window exist; typed loosely as this file targets Node.
    const overflow = await page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
    expect(Number(overflow)).toBeLessThanOrEqual(0);
    await shot(page, "match-phone");
    await page.close();
  });

  it("an unknown candidate gets a message a person can act on, not a stack trace", async () => {
    const page = await open("/candidates/nobody-here");
    expect(await page.getByRole("alert").textContent()).toContain('no candidate with id "nobody-here"');
    expect(await page.content()).not.toMatch(/at \w+ \(.*\.ts:\d+/);
    await page.close();
  });

  it("without a key, a page sends the person to sign in, and a wrong key is refused there", async () => {
    const anonymous = await site.browser.newContext();
    const page = await anonymous.newPage();
    await page.goto(`${site.base}/search`);
    expect(new URL(page.url()).pathname).toBe("/signin");
    await page.locator("input#key").fill("lm_not-a-real-key");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForSelector(".error");
    expect(await page.locator(".error").textContent()).toContain("not a ler-match key");
    const cookie = (await site.session.cookies(site.base)).find((c) => c.name === "lm_key");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", secure: false });
    await anonymous.close();
  });

  it("every page renders under the Content-Security-Policy without a violation", () => {
    expect(site.consoleErrors.filter((m) => /Content.Security.Policy/i.test(m))).toEqual([]);
  });
});
