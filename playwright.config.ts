import { defineConfig } from '@playwright/test';

// End-to-end tests drive the real renderer and the real main-process services.
// "browser": Debian's Chromium (never a Playwright browser download) against
// browser mode. "electron": the same specs against the real Electron app; they
// skip with a plain message where the Electron binary is absent.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
  globalSetup: './tests/e2e/support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    hasTouch: true,
    trace: 'off',
  },
  projects: [
    // The kiosk fixture (tests/e2e/support) starts the target itself, so the
    // Electron project never asks Playwright for a browser it does not have.
    { name: 'browser', metadata: { target: 'browser' } },
    { name: 'electron', metadata: { target: 'electron' } },
  ],
});
