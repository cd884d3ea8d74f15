// Keeps the display (and so the system) awake while the kiosk runs
// (electron.md §8: 'prevent-display-sleep' "has higher precedence over"
// 'prevent-app-suspension'). Takes Electron's powerSaveBlocker as a
// constructor argument, so tests pass a typed fake.

export type PowerSaveBlockerType = 'prevent-app-suspension' | 'prevent-display-sleep';

/** The part of Electron's `powerSaveBlocker` this service uses. */
export interface PowerSaveBlocker {
  start(type: PowerSaveBlockerType): number;
  stop(id: number): boolean;
  isStarted(id: number): boolean;
}

export class PreventDisplaySleepService {
  private blockerId: number | undefined;
  private readonly blocker: PowerSaveBlocker;
  private readonly log: (line: string) => void;

  constructor(blocker: PowerSaveBlocker, log: (line: string) => void) {
    this.blocker = blocker;
    this.log = log;
  }

  get enabled(): boolean {
    return this.blockerId !== undefined && this.blocker.isStarted(this.blockerId);
  }

  setEnabled(enabled: boolean): void {
    if (enabled === this.enabled) return;
    if (enabled) {
      this.blockerId = this.blocker.start('prevent-display-sleep');
      this.log(`display sleep prevented (blocker ${this.blockerId})`);
    } else if (this.blockerId !== undefined) {
      this.blocker.stop(this.blockerId);
      this.log(`display sleep allowed again (blocker ${this.blockerId})`);
      this.blockerId = undefined;
    }
  }
}
