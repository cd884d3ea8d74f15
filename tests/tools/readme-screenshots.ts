// Takes the README's screenshots again (tests/e2e/readme-screenshots.spec.ts)
// into assets/screenshots/: demo mode, as a newcomer sees the kiosk, landscape
// and portrait. Builds first, so the pictures show the code as it is.
//   npm run screenshots
import { spawnSync } from 'node:child_process';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const steps: [string, string[], NodeJS.ProcessEnv][] = [
  [npx, ['electron-vite', 'build'], process.env],
  [npx, ['playwright', 'test', 'tests/e2e/readme-screenshots.spec.ts', '--project=browser'], { ...process.env, README_SCREENSHOTS: '1' }],
];
for (const [command, args, env] of steps) {
  const run = spawnSync(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (run.status !== 0) {
    process.exitCode = run.status ?? 1;
    break;
  }
}
