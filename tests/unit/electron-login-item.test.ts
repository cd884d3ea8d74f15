import { describe, expect, it, vi } from 'vitest';
import { applyStartAtLogin } from '../../src-main/electron/login-item.ts';

function run(platform: NodeJS.Platform, flag: string | undefined) {
  const app = { setLoginItemSettings: vi.fn() };
  const outcome = applyStartAtLogin({ app, platform, env: { KIOSK_START_AT_LOGIN: flag }, log: () => {} });
  return { app, outcome };
}

describe('applyStartAtLogin', () => {
  it('registers the login item on Windows and macOS when KIOSK_START_AT_LOGIN=1', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      const { app, outcome } = run(platform, '1');
      expect(outcome).toBe('registered');
      expect(app.setLoginItemSettings).toHaveBeenCalledExactlyOnceWith({ openAtLogin: true });
    }
  });

  it('removes it with KIOSK_START_AT_LOGIN=0', () => {
    const { app, outcome } = run('win32', '0');
    expect(outcome).toBe('removed');
    expect(app.setLoginItemSettings).toHaveBeenCalledExactlyOnceWith({ openAtLogin: false });
  });

  it('leaves the login item alone when not configured or set to anything else', () => {
    for (const flag of [undefined, '', 'true', 'yes']) {
      const { app, outcome } = run('darwin', flag);
      expect(outcome, String(flag)).toBe('not-configured');
      expect(app.setLoginItemSettings).not.toHaveBeenCalled();
    }
  });

  it('does not call the API on Linux, where it is unsupported (XDG autostart instead)', () => {
    const { app, outcome } = run('linux', '1');
    expect(outcome).toBe('unsupported-platform');
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
  });
});
