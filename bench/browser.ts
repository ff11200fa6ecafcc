import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { CHROMIUM_ARGS } from '../playwright.config';
import { PROBE_SCRIPT } from './probe';

export const CHROMIUM_PATH = process.env.FOVEA_CHROMIUM ?? '/usr/bin/chromium';
export const VIEWPORT = { width: 1440, height: 900 };

/**
 * Debian's Chromium, headless, as the end-to-end tests run it. Each launch has a new temporary profile:
 * no HTTP cache, no compiled-code cache, no shader cache — a cold browser.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export interface ProbedPage {
  context: BrowserContext;
  page: Page;
}

/** A page with the canvas probe (probe.ts) installed before any of the page's scripts. */
export async function probedPage(browser: Browser): Promise<ProbedPage> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: PROBE_SCRIPT });
  const page = await context.newPage();
  return { context, page };
}

/** Opens a cold browser, runs `work` on a probed page, and always closes the browser. */
export async function withColdPage<T>(work: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
  const browser = await launchBrowser();
  try {
    const { context, page } = await probedPage(browser);
    return await work(page, context);
  } finally {
    await browser.close();
  }
}

/**
 * Waits in the page until `expression` is truthy (checked every 10 ms) and returns its value. Runs as
 * a DevTools evaluation, which the page's Content-Security-Policy does not govern (Playwright's
 * waitForFunction with a string would be refused by Fovea's policy, which forbids eval).
 */
export async function waitInPage<T>(
  page: Page,
  expression: string,
  what: string,
  timeoutMs = 90_000,
): Promise<T> {
  return (await page.evaluate(`new Promise((resolve, reject) => {
    const deadline = performance.now() + ${timeoutMs};
    const check = () => {
      let value;
      try { value = (${expression}); } catch (error) { reject(error); return; }
      if (value) resolve(value);
      else if (performance.now() > deadline) reject(new Error(${JSON.stringify(`timed out waiting for ${what}`)}));
      else setTimeout(check, 10);
    };
    check();
  })`)) as T;
}

/** ms from navigation start until the probe saw an image on a viewport canvas. */
export function waitForFirstImage(page: Page, timeoutMs = 90_000): Promise<number> {
  return waitInPage<number>(
    page,
    'window.__benchProbe && window.__benchProbe.firstImageAt',
    'the first image on a canvas',
    timeoutMs,
  );
}

export async function chromiumVersion(): Promise<string> {
  const browser = await launchBrowser();
  try {
    return browser.version();
  } finally {
    await browser.close();
  }
}
