import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

// Fixed at build time and written into the main bundle (src-main/electron/build-info.ts):
// the update feed from electron-builder.yml's `publish.url` (or KIOSK_UPDATE_FEED_URL),
// and the public key updates must be signed with (assets/build/update-public-key.pem,
// made by `npm run update-signing -- keygen`). Without a key the app installs no update.
function builtInUpdateFeed(): string {
  if (process.env.KIOSK_UPDATE_FEED_URL) return process.env.KIOSK_UPDATE_FEED_URL;
  const builder = readFileSync(resolve(__dirname, 'electron-builder.yml'), 'utf8');
  return /^publish:\s*\n(?:[ \t]+.*\n)*?[ \t]+url:\s*['"]?(https:\/\/[^'"\s]+)/m.exec(builder)?.[1] ?? '';
}
const UPDATE_PUBLIC_KEY_FILE = resolve(__dirname, 'assets/build/update-public-key.pem');
const builtInUpdatePublicKey = existsSync(UPDATE_PUBLIC_KEY_FILE) ? readFileSync(UPDATE_PUBLIC_KEY_FILE, 'utf8') : '';

// Three bundles: main (Node, CommonJS), one sandboxed preload (a single CommonJS
// file, because sandboxed preloads cannot load ES modules or other files), and
// the renderer (React, served from app:// in Electron and from browser mode).
// No source maps in any bundle: they would ship inside app.asar and hand out
// the sources (npm run package:check fails a release build that has one).
export default defineConfig({
  main: {
    define: {
      __KIOSK_UPDATE_FEED_URL__: JSON.stringify(builtInUpdateFeed()),
      __KIOSK_UPDATE_PUBLIC_KEY__: JSON.stringify(builtInUpdatePublicKey),
    },
    build: {
      outDir: 'out/main',
      sourcemap: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/electron/main.ts') } },
    },
  },
  preload: {
    build: {
      // Each preload a standalone file: a sandboxed preload cannot require a shared chunk.
      isolatedEntries: true,
      outDir: 'out/preload',
      sourcemap: false,
      rollupOptions: {
        // Two windows, two preloads (the donor page's `index`, the operator console's), and
        // the donor session's dialog guard, which runs in every page of that session.
        input: {
          index: resolve(__dirname, 'src-main/preload/preload.ts'),
          operator: resolve(__dirname, 'src-main/preload/operator-preload.ts'),
          'dialog-guard': resolve(__dirname, 'src-main/preload/dialog-guard.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      sourcemap: false,
      // electron-vite leaves the renderer unminified; minified, the welcome
      // screen is usable far sooner on a slow kiosk (issue 8's bench: Chromium
      // spent most of the first second parsing 700 KB of script).
      minify: true,
      // The donor page and the operator console are separate documents on separate origins (issue 14, item 3).
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html'), operator: resolve(__dirname, 'src-renderer/operator.html') } },
    },
  },
});
