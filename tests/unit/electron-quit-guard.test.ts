import { describe, expect, it, vi } from 'vitest';
import { QuitGuard } from '../../src-main/electron/quit-guard.ts';

describe('QuitGuard', () => {
  it('refuses close and quit in kiosk mode until something trusted allows it', async () => {
    const closeServices = vi.fn(async () => {});
    const log = vi.fn<(line: string) => void>();
    const guard = new QuitGuard({ lockedDown: true, closeServices, log });
    expect(guard.shouldPreventClose()).toBe(true);
    expect(guard.beforeQuit()).toBe('prevent');
    guard.allowQuit('system shutdown');
    expect(log).toHaveBeenCalledWith('quit allowed: system shutdown');
    expect(guard.shouldPreventClose()).toBe(false);
    expect(guard.beforeQuit()).toBe('prevent-and-shut-down');
    await guard.shutdown();
    expect(guard.beforeQuit()).toBe('proceed');
    expect(closeServices).toHaveBeenCalledTimes(1);
  });

  it('does not guard a windowed (development) run but still closes services first', async () => {
    const closeServices = vi.fn(async () => {});
    const guard = new QuitGuard({ lockedDown: false, closeServices, log: () => {} });
    expect(guard.shouldPreventClose()).toBe(false);
    expect(guard.beforeQuit()).toBe('prevent-and-shut-down');
    await Promise.all([guard.shutdown(), guard.shutdown()]);
    expect(closeServices).toHaveBeenCalledTimes(1);
    expect(guard.beforeQuit()).toBe('proceed');
  });

  it('never rejects: a failing close is logged and quitting goes ahead', async () => {
    const log = vi.fn<(line: string) => void>();
    const guard = new QuitGuard({
      lockedDown: false,
      closeServices: async () => {
        throw new Error('ledger busy');
      },
      log,
    });
    await expect(guard.shutdown()).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('ledger busy'));
    expect(guard.beforeQuit()).toBe('proceed');
  });

  it('gives up waiting for a stuck close after the time limit', async () => {
    const log = vi.fn<(line: string) => void>();
    const guard = new QuitGuard({ lockedDown: false, closeServices: () => new Promise(() => {}), log, closeTimeoutMs: 20 });
    await guard.shutdown();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('did not close within 20 ms'));
    expect(guard.beforeQuit()).toBe('proceed');
  });
});
