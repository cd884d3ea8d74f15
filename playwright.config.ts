import { defineConfig } from '@playwright/test';

// End-to-end tests drive the real renderer and the real main-process services.
// "browser": Debian's Chromium (never a Playwright browser download) against
// browser mode. "electron": the same specs against the real Electron app; they
// skip with a plain message where the Electron binary is absent.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
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
    {
      name: 'browser',
      use: {
        launchOptions: {
          executablePath: chromiumPath,
          // No background connections: this machine has no internet, and
          // Chromium would otherwise keep trying Google's hosts.
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
      metadata: { target: 'browser' },
    },
    {
      name: 'electron',
      metadata: { target: 'electron' },
    },
  ],
});
