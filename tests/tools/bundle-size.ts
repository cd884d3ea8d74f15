// Prints the gzipped size of the JavaScript the renderer loads at start (the
// entry script and what index.html preloads; lazy chunks such as the
// browser-mode bridge are not counted) and fails above the budget.
// Run after `npm run build`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 200 * 1024;
const rendererDir = join(import.meta.dirname, '../../out/renderer');

let html: string;
try {
  html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
} catch {
  console.error('bundle-size: out/renderer/index.html not found; run `npm run build` first.');
  process.exit(1);
}

const initial = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1] as string);
if (initial.length === 0) {
  console.error('bundle-size: no script found in out/renderer/index.html');
  process.exit(1);
}

let total = 0;
for (const src of initial) {
  const bytes = gzipSync(readFileSync(join(rendererDir, src.replace(/^\.?\//, '')))).length;
  total += bytes;
  console.log(`  ${src}  ${(bytes / 1024).toFixed(1)} KB gzipped`);
}
const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(`Renderer initial JavaScript: ${(total / 1024).toFixed(1)} KB gzipped, ${verdict} the ${BUDGET_BYTES / 1024} KB budget.`);
if (total > BUDGET_BYTES) process.exit(1);
