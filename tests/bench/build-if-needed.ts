// `npm run bench` measures the built renderer: build it first when out/ is
// missing or older than any source file, so a fresh clone and a stale build
// both measure what the sources say.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILT = 'out/renderer/index.html';
const SOURCES = ['src-renderer', 'src-main', 'electron.vite.config.ts', 'package-lock.json'];

function newestModification(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestModification(join(path, name))), stat.mtimeMs);
}

const builtAt = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
const sourcesAt = Math.max(...SOURCES.filter((p) => existsSync(p)).map(newestModification));
if (sourcesAt > builtAt) {
  console.error('bench: building the app first (npm run build)');
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
}
