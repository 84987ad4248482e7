/**
 * The requirement-cost panel and the blind toggle in a real headless Chromium against a server on
 * 127.0.0.1 holding a seeded demo population. Screenshots land in test-output/screenshots/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ServerType, serve } from "@hono/node-server";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../api/app.ts";
import { seedDemo } from "../../src/cli/commands/demo.ts";
import { loadConfig } from "../../src/config.ts";
import { openEngine } from "../../src/engine/open.ts";
import type { Engine } from "../../src/engine/types.ts";
import { CHROMIUM, launchChromium, signedInSession } from "./chromium.ts";

const SHOTS = join(import.meta.dirname, "../../test-output/screenshots");

let dir: string;
let engine: Engine;
let server: ServerType;
let browser: Browser;
/** Signed in through the sign-in form with an admin key, as a person would. */
let session: BrowserContext;
let base: string;

describe.skipIf(!existsSync(CHROMIUM))(`skills-first pages in headless Chromium (needs ${CHROMIUM})`, () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), "ler-match-skills-first-"));
    const db = join(dir, "demo.db");
    engine = await openEngine({ db, backend: "embedded" });
    await seedDemo(engine, 300, 42);
    const app = createApp({ engine, config: loadConfig({ db }, {}), log: () => undefined });
    const key = engine.access.createKey({ name: "browser-test", scopes: ["admin"] }).token;
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    session = await signedInSession(browser, base, key, { viewport: { width: 1280, height: 900 } });
  }, 300_000);

  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await engine?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("the cost panel beside the chips follows a chip made preferred", async () => {
    const page = await session.newPage();
    await page.goto(`${base}/match?demo=backend-engineer`);
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
    await page.screenshot({ path: join(SHOTS, "analysis-panel.png"), fullPage: true });

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
    await page.screenshot({ path: join(SHOTS, "analysis-panel-relaxed.png"), fullPage: true });
    await page.close();
  }, 60_000);

  it("the blind toggle hides names; the explain view keeps every piece of evidence", async () => {
    const page = await session.newPage();
    await page.goto(`${base}/match?demo=data-engineer`);
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
    await page.screenshot({ path: join(SHOTS, "blind-match.png"), fullPage: true });

    await page.locator("article.card").first().getByRole("link", { name: "Show the arithmetic" }).click();
    await page.waitForLoadState("load");
    expect(await page.locator("h1").textContent()).toMatch(/Candidate [0-9A-F]{6}/);
    expect(await page.locator("table").count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, "blind-explain.png"), fullPage: true });
    await page.close();
  }, 60_000);
});
