import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

// Three bundles: main (Node, CommonJS), one sandboxed preload (a single CommonJS
// file, because sandboxed preloads cannot load ES modules or other files), and
// the renderer (React, served from app:// in Electron and from browser mode).
// No source maps in any bundle: they would ship inside app.asar and hand out
// the sources (npm run package:check fails a release build that has one).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      sourcemap: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/electron/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      sourcemap: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/preload/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
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
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
});
