import { test as base, expect, type Page } from '@playwright/test';

/** `viewer.renderer` of config.json; undefined keeps the file's own ("auto" as shipped). */
export type RendererSetting = 'auto' | 'webgl' | 'cpu';

interface WorkerOptions {
  /** Set by a Playwright project (playwright.config.ts) to run its specs with one way of drawing. */
  renderer: RendererSetting | undefined;
}

/** Tests open pages on the private gateway started by global-setup.ts. */
export const test = base.extend<object, WorkerOptions>({
  renderer: [undefined, { scope: 'worker', option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  baseURL: async ({}, use) => {
    const url = process.env.FOVEA_E2E_URL;
    if (!url)
      throw new Error('FOVEA_E2E_URL is not set: run the tests with `npm test` or `npx playwright test`.');
    await use(url);
  },
  page: async ({ page, renderer }, use) => {
    await chooseRenderer(page, renderer);
    await use(page);
  },
});

export { expect };

/**
 * Makes `page` read config.json with `viewer.renderer` set, as an operator would write it; the rest of
 * the file is the one the gateway serves.
 */
export async function chooseRenderer(page: Page, renderer: RendererSetting | undefined): Promise<void> {
  if (!renderer) return;
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    const config = (await response.json()) as { viewer?: Record<string, unknown> };
    await route.fulfill({ response, json: { ...config, viewer: { ...config.viewer, renderer } } });
  });
}

/** Checks that the viewer on `page` draws the way `renderer` asks ("auto" leaves it to the browser). */
export async function expectRenderer(page: Page, renderer: RendererSetting | undefined): Promise<void> {
  if (renderer === 'cpu' || renderer === 'webgl')
    await expect(page.locator('.viewer'), `the viewer draws with ${renderer}`).toHaveAttribute(
      'data-renderer',
      renderer,
    );
}

/** Calls the private Orthanc's REST API directly (to arrange data the way a modality would). */
export function orthancRest(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${process.env.FOVEA_E2E_ORTHANC_URL}${path}`, {
    ...init,
    headers: {
      authorization: process.env.FOVEA_E2E_ORTHANC_AUTHORIZATION ?? '',
      ...(init.headers as Record<string, string>),
    },
  });
}
