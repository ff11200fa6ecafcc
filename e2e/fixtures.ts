import { test as base, expect } from '@playwright/test';

/** Tests open pages on the private gateway started by global-setup.ts. */
export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  baseURL: async ({}, use) => {
    const url = process.env.FOVEA_E2E_URL;
    if (!url)
      throw new Error('FOVEA_E2E_URL is not set: run the tests with `npm test` or `npx playwright test`.');
    await use(url);
  },
});

export { expect };

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
