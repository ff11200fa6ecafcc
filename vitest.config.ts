import { defineConfig } from 'vitest/config';

/** One unit-test run for the whole project: the app, the gateway, the scripts and the demo data. */
export default defineConfig({
  test: {
    environment: 'node',
    include: [
      'src/**/*.test.ts',
      'demo/**/*.test.ts',
      'server/**/*.test.ts',
      'scripts/**/*.test.ts',
      // Pure helpers of the end-to-end tests and the benchmark; the Playwright specs are *.spec.ts.
      'e2e/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    exclude: ['node_modules/**', 'dist/**'],
  },
});
