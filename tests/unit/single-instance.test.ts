// Issue 13, defect 8: two kiosk processes on one data folder would share one
// ledger. The second is refused with a plain message, in browser mode and in
// Electron alike (both start through startKioskServices), and the folder is
// free again as soon as the first one stops, even if it was killed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserMode, type BrowserModeServer } from '../../src-main/browser-mode/server.ts';
import { CONFIG_FILE_NAME } from '../../src-main/domain/kiosk-config.ts';

const servers: BrowserModeServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-instance-'));
  dirs.push(dir);
  writeFileSync(join(dir, CONFIG_FILE_NAME), JSON.stringify({ gatewayTimeoutMs: 800 }));
  return dir;
}

const start = async (dataDir: string) => {
  const server = await startBrowserMode({ dataDir, env: {}, log: () => undefined });
  servers.push(server);
  return server;
};

describe('one kiosk per data folder', () => {
  it('a second kiosk on the same data folder is refused with a plain message, and the first keeps working', async () => {
    const dataDir = dataFolder();
    const first = await start(dataDir);
    expect(first.services).not.toBeNull();

    await expect(startBrowserMode({ dataDir, env: {}, log: () => undefined })).rejects.toThrow(/another kiosk .*is already using the data folder/i);
    expect(await first.services?.dispatch('getKioskStatus', null)).toMatchObject({ ok: true });
  });

  it('the folder is free again once the first kiosk has stopped', async () => {
    const dataDir = dataFolder();
    const first = await start(dataDir);
    await first.close();
    servers.splice(servers.indexOf(first), 1);
    const second = await start(dataDir);
    expect(second.services).not.toBeNull();
  });
});
