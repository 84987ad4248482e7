/**
 * A seeded demo population served on 127.0.0.1 with headless Chromium signed in to it, as a person
 * would: what every page test starts from. Screenshots land in test-output/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ServerType, serve } from "@hono/node-server";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { createApp } from "../../api/app.ts";
import { seedDemo } from "../../src/cli/commands/demo.ts";
import { loadConfig } from "../../src/config.ts";
import type { Clock } from "../../src/domain/clock.ts";
import { openEngine } from "../../src/engine/open.ts";
import type { Engine } from "../../src/engine/types.ts";
import { launchChromium, signedInSession } from "./chromium.ts";

const SHOTS = join(import.meta.dirname, "../../test-output/screenshots");

export interface DemoSite {
  engine: Engine;
  base: string;
  browser: Browser;
  /** signed in with an admin key */
  session: BrowserContext;
  /** console errors of every page opened through `open`: a CSP violation would land here */
  consoleErrors: string[];
  open(path: string, width?: number): Promise<Page>;
  shot(page: Page, name: string): Promise<Buffer>;
  close(): Promise<void>;
}

export async function startDemoSite(options: {
  people: number;
  clock?: Clock;
  session?: BrowserContextOptions;
}): Promise<DemoSite> {
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), "ler-match-site-"));
  const db = join(dir, "demo.db");
  const engine = await openEngine({
    db,
    backend: "embedded",
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await seedDemo(engine, options.people, 42);
  const app = createApp({ engine, config: loadConfig({ db }, {}), log: () => undefined });
  const key = engine.access.createKey({ name: "browser-test", scopes: ["admin"] }).token;
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  const session = await signedInSession(browser, base, key, options.session);
  const consoleErrors: string[] = [];
  return {
    engine,
    base,
    browser,
    session,
    consoleErrors,
    async open(path, width = 1280) {
      const page = await session.newPage();
      page.on("console", (m) => {
        if (m.type() === "error") consoleErrors.push(m.text());
      });
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${base}${path}`);
      return page;
    },
    shot: (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true }),
    async close() {
      await session.close();
      await browser.close();
      await new Promise((r) => server.close(r));
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
