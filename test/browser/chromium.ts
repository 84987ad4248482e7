/** Headless Chromium for the page tests, and a browser session signed in as a person would. */
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from "playwright-core";

/** CI installs Chromium (.ci/run); a machine without it skips the page tests, saying why. */
export const CHROMIUM = "/usr/bin/chromium";

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });

/** A context signed in through the /signin form with `key`, landing on `landing`. */
export async function signedInSession(
  browser: Browser,
  base: string,
  key: string,
  options: BrowserContextOptions = {},
  landing = "/match",
): Promise<BrowserContext> {
  const session = await browser.newContext(options);
  const signIn = await session.newPage();
  await signIn.goto(`${base}${landing}`);
  await signIn.locator("input#key").fill(key);
  await signIn.getByRole("button", { name: "Sign in" }).click();
  await signIn.waitForURL(`${base}${landing}`);
  await signIn.close();
  return session;
}
