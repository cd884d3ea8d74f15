import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installMainCrashHandlers, RELAUNCH_STATE_FILE, RelaunchGuard } from '../../src-main/electron/main-crash-guard.ts';

const MINUTE = 60_000;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'relaunch-guard-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('RelaunchGuard', () => {
  it('allows 3 relaunches in 10 minutes, then refuses until they age out', () => {
    let now = 1_000_000;
    const guard = () => new RelaunchGuard({ dataDir: dir, now: () => now }); // a fresh process each time
    expect([guard().claimRelaunch(), guard().claimRelaunch(), guard().claimRelaunch()]).toEqual([true, true, true]);
    now += 9 * MINUTE;
    expect(guard().claimRelaunch()).toBe(false);
    now += 2 * MINUTE;
    expect(guard().claimRelaunch()).toBe(true);
    expect(JSON.parse(readFileSync(path.join(dir, RELAUNCH_STATE_FILE), 'utf8'))).toEqual({ relaunches: [now] });
  });

  it('treats a corrupt or foreign state file as no relaunches', () => {
    const file = path.join(dir, RELAUNCH_STATE_FILE);
    for (const content of ['not json', '{"relaunches":"x"}', '{"relaunches":[null,"1",1e99]}', '[]']) {
      writeFileSync(file, content);
      expect(new RelaunchGuard({ dataDir: dir, now: () => 5 }).recentRelaunches(), content).toEqual([]);
    }
  });

  it('refuses to relaunch when it cannot record the relaunch', () => {
    writeFileSync(path.join(dir, 'file'), '');
    const guard = new RelaunchGuard({ dataDir: path.join(dir, 'file', 'sub') });
    expect(guard.claimRelaunch()).toBe(false);
  });
});

describe('installMainCrashHandlers', () => {
  function setup(guard: RelaunchGuard | null) {
    const calls: string[] = [];
    const proc = new EventEmitter();
    const lines: string[] = [];
    installMainCrashHandlers({
      app: { relaunch: () => calls.push('relaunch'), exit: (code?: number) => calls.push(`exit ${code}`) },
      guard,
      log: (line) => lines.push(line),
      processLike: proc as unknown as Pick<NodeJS.Process, 'on'>,
    });
    return { calls, proc, lines };
  }

  it('logs an uncaught exception, relaunches and exits 1', () => {
    const { calls, proc, lines } = setup(new RelaunchGuard({ dataDir: dir }));
    proc.emit('uncaughtException', new Error('boom'));
    expect(calls).toEqual(['relaunch', 'exit 1']);
    expect(lines[0]).toMatch(/uncaughtException: Error: boom/);
  });

  it('handles an unhandled rejection the same way, once', () => {
    const { calls, proc } = setup(new RelaunchGuard({ dataDir: dir }));
    proc.emit('unhandledRejection', 'nope');
    proc.emit('uncaughtException', new Error('again'));
    expect(calls).toEqual(['relaunch', 'exit 1']);
  });

  it('exits without relaunching past the loop cap, or with no guard (windowed)', () => {
    const guard = new RelaunchGuard({ dataDir: dir, maxRelaunches: 1 });
    expect(guard.claimRelaunch()).toBe(true);
    const capped = setup(guard);
    capped.proc.emit('uncaughtException', new Error('boom'));
    expect(capped.calls).toEqual(['exit 1']);
    const windowed = setup(null);
    windowed.proc.emit('uncaughtException', new Error('boom'));
    expect(windowed.calls).toEqual(['exit 1']);
  });
});
