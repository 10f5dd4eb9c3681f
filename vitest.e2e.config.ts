import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension (.output/chrome-mv3) in real headless Chromium. Two files at a time: each
// file starts its own browser with its own profile and fixture server (random port), and most of a file's time is
// waiting (the page, the worker, timers), so two keep CI's 2 cores busy. `npm run test:e2e` runs the Firefox file on
// its own after them: once, beside a Chromium file, its first panel did not show the library within 20 s.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A poll waits for what the agent would see (a badge, a focus, a row); on a loaded 2-core machine the panel's
    // React takeover or a check can take longer than the default second. Speed is measured in benchmarks.
    expect: { poll: { timeout: 5_000 } },
  },
});
