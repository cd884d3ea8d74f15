// `npm run start:browser`: the kiosk in a browser, on this machine only.
// Demo mode unless test keys are in the environment; live keys are refused.
import { resolve } from 'node:path';
import { startBrowserMode } from './server.ts';

const dataDir = resolve(process.env.KIOSK_DATA_DIR ?? '.kiosk-data');
const port = Number(process.env.KIOSK_BROWSER_PORT ?? 5780);

try {
  const server = await startBrowserMode({ dataDir, env: process.env, port });
  if (server.unavailableMessage !== null) console.error(`The kiosk is OUT OF SERVICE (no donations are taken): ${server.unavailableMessage}`);
  console.log(`Donation kiosk (${server.services ? `${server.services.mode} mode` : 'out of service'}), data in ${dataDir}`);
  console.log(`Open ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`The kiosk could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
