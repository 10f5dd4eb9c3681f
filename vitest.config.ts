import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit (Node) and component (happy-dom, chosen per file with `@vitest-environment`) tests.
// WxtVitest maps `wxt/browser` to an in-memory fake browser.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    setupFiles: ['./tests/setup.ts'],
    // server/test: the team server (its own package.json; its dependencies resolve from server/node_modules).
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/components/**/*.test.tsx', 'server/test/**/*.test.ts'],
    restoreMocks: true,
    // Component tests drive a whole panel over fake-indexeddb; on a busy 2-core machine a few take seconds.
    testTimeout: 20_000,
    // Vitest's default in a run is one worker fewer than the cores: one worker on CI's 2 cores, with the other core
    // idle while a file imports and sets up. Two workers keep both cores busy.
    maxWorkers: 2,
  },
});
