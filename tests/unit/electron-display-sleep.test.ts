import { describe, expect, it } from 'vitest';
import { PreventDisplaySleepService, type PowerSaveBlocker, type PowerSaveBlockerType } from '../../src-main/electron/display-sleep.ts';

class FakePowerSaveBlocker implements PowerSaveBlocker {
  private nextId = 1;
  readonly active = new Map<number, PowerSaveBlockerType>();
  start(type: PowerSaveBlockerType): number {
    const id = this.nextId++;
    this.active.set(id, type);
    return id;
  }
  stop(id: number): boolean {
    return this.active.delete(id);
  }
  isStarted(id: number): boolean {
    return this.active.has(id);
  }
}

describe('PreventDisplaySleepService', () => {
  it('starts one prevent-display-sleep blocker, however often it is enabled', () => {
    const blocker = new FakePowerSaveBlocker();
    const service = new PreventDisplaySleepService(blocker, () => {});
    expect(service.enabled).toBe(false);
    service.setEnabled(true);
    service.setEnabled(true);
    expect([...blocker.active.values()]).toEqual(['prevent-display-sleep']);
    expect(service.enabled).toBe(true);
  });

  it('stops its blocker when disabled, and can start again', () => {
    const blocker = new FakePowerSaveBlocker();
    const lines: string[] = [];
    const service = new PreventDisplaySleepService(blocker, (line) => lines.push(line));
    service.setEnabled(true);
    service.setEnabled(false);
    expect(blocker.active.size).toBe(0);
    expect(service.enabled).toBe(false);
    service.setEnabled(false);
    service.setEnabled(true);
    expect(blocker.active.size).toBe(1);
    expect(lines).toHaveLength(3);
  });
});
