import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachRendererRecovery, RendererRecoveryPolicy, type RecoverableContents } from '../../src-main/electron/renderer-recovery.ts';

const HOME = 'app://kiosk/index.html';
const OUT = 'app://kiosk/__kiosk/out-of-service.html';
const MINUTE = 60_000;

class FakeContents extends EventEmitter implements RecoverableContents {
  loads: string[] = [];
  crashes = 0;
  destroyed = false;
  loadURL(url: string): Promise<void> {
    this.loads.push(url);
    return Promise.resolve();
  }
  forcefullyCrashRenderer(): void {
    this.crashes += 1;
    // Electron then emits render-process-gone (reason killed or crashed).
    this.emit('render-process-gone', {}, { reason: 'killed', exitCode: 0 });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  gone(reason = 'crashed'): void {
    this.emit('render-process-gone', {}, { reason, exitCode: 139 });
  }
}

describe('RendererRecoveryPolicy', () => {
  it('backs off 1 s, 2 s, 4 s, 8 s and gives up at the 5th loss within 10 minutes', () => {
    let now = 0;
    const policy = new RendererRecoveryPolicy({ now: () => now });
    const decisions = [];
    for (let i = 0; i < 5; i++) {
      decisions.push(policy.onRendererLost());
      now += MINUTE;
    }
    expect(decisions.map((d) => (d.action === 'reload' ? d.delayMs : d.action))).toEqual([1_000, 2_000, 4_000, 8_000, 'out-of-service']);
    expect(policy.outOfService).toBe(true);
    // Once out of service it stays so, even after the window has passed.
    now += 60 * MINUTE;
    expect(policy.onRendererLost().action).toBe('out-of-service');
  });

  it('forgets losses older than the window, so occasional crashes always reload', () => {
    let now = 0;
    const policy = new RendererRecoveryPolicy({ now: () => now });
    for (let i = 0; i < 20; i++) {
      const decision = policy.onRendererLost();
      expect(decision, `loss ${i}`).toEqual({ action: 'reload', delayMs: 1_000, recentLosses: 1 });
      now += 11 * MINUTE;
    }
    expect(policy.outOfService).toBe(false);
  });

  it('caps the delay', () => {
    const policy = new RendererRecoveryPolicy({ now: () => 0, maxLosses: 100, maxDelayMs: 5_000 });
    const delays = Array.from({ length: 6 }, () => policy.onRendererLost()).map((d) => (d.action === 'reload' ? d.delayMs : -1));
    expect(delays).toEqual([1_000, 2_000, 4_000, 5_000, 5_000, 5_000]);
  });
});

describe('attachRendererRecovery', () => {
  let contents: FakeContents;
  let lines: string[];
  beforeEach(() => {
    vi.useFakeTimers();
    contents = new FakeContents();
    lines = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const attach = (policy = new RendererRecoveryPolicy()): (() => void) =>
    attachRendererRecovery(contents, { homeUrl: HOME, outOfServiceUrl: OUT, policy, log: (line) => lines.push(line) });

  it('reloads the welcome page after the back-off when the renderer crashes', () => {
    attach();
    contents.gone('oom');
    vi.advanceTimersByTime(999);
    expect(contents.loads).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(contents.loads).toEqual([HOME]);
    expect(lines.join('\n')).toMatch(/renderer gone \(oom, exit 139\); reloading in 1000 ms/);
  });

  it('shows the out-of-service page after a crash loop and stops reloading', () => {
    attach();
    for (let i = 0; i < 4; i++) {
      contents.gone();
      vi.advanceTimersByTime(30_000);
    }
    expect(contents.loads).toEqual([HOME, HOME, HOME, HOME]);
    contents.gone();
    expect(contents.loads.at(-1)).toBe(OUT);
    vi.advanceTimersByTime(10 * MINUTE);
    expect(contents.loads).toEqual([HOME, HOME, HOME, HOME, OUT]);
  });

  it('crashes a renderer that stays unresponsive, then reloads it', () => {
    attach(new RendererRecoveryPolicy({ hangTimeoutMs: 15_000 }));
    contents.emit('unresponsive');
    contents.emit('unresponsive'); // repeated events do not restart the wait
    vi.advanceTimersByTime(14_999);
    expect(contents.crashes).toBe(0);
    vi.advanceTimersByTime(1);
    expect(contents.crashes).toBe(1);
    vi.advanceTimersByTime(1_000);
    expect(contents.loads).toEqual([HOME]);
  });

  it('leaves a renderer alone that becomes responsive in time', () => {
    attach();
    contents.emit('unresponsive');
    vi.advanceTimersByTime(10_000);
    contents.emit('responsive');
    vi.advanceTimersByTime(60_000);
    expect(contents.crashes).toBe(0);
    expect(contents.loads).toEqual([]);
  });

  it('does nothing to a destroyed webContents and cancels timers on detach', () => {
    const detach = attach();
    contents.gone();
    contents.destroyed = true;
    vi.advanceTimersByTime(5_000);
    expect(contents.loads).toEqual([]);
    contents.destroyed = false;
    contents.gone();
    detach();
    vi.advanceTimersByTime(60_000);
    expect(contents.loads).toEqual([]);
  });
});
