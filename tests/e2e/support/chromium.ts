// The e2e tests' browser: the Chromium tests/tools/chromium.ts finds
// ($CHROMIUM_PATH, Playwright's own, /usr/bin/chromium), launched headless
// with no background connections.
export { launchChromium } from '../../tools/chromium.ts';
