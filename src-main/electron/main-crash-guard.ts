// Surviving a main-process crash (electron.md §8). An uncaught exception or
// unhandled rejection is logged, then the app relaunches itself
// (`app.relaunch(); app.exit(1)`). A small file in the data directory counts
// recent relaunches: after `maxRelaunches` within `windowMs` the app exits
// without relaunching, so a crash at start-up cannot spin forever. The outer
// guard is the OS supervisor that started the kiosk (Windows Shell Launcher
// "restart on exit", macOS launchd KeepAlive, a systemd unit with
// Restart=on-failure): see docs/installer.md, "Locking down the kiosk machine".
//
// Electron-free; the state file is read and written synchronously because
// the process is about to exit.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const RELAUNCH_STATE_FILE = 'main-relaunches.json';

export interface RelaunchGuardOptions {
  /** Directory for the state file (userData or KIOSK_DATA_DIR). */
  dataDir: string;
  /** Default 3. */
  maxRelaunches?: number;
  /** Default 10 minutes. */
  windowMs?: number;
  now?: () => number;
}

/** Decides whether a crashed main process may relaunch itself, and records it. */
export class RelaunchGuard {
  private readonly file: string;
  private readonly maxRelaunches: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: RelaunchGuardOptions) {
    this.file = path.join(options.dataDir, RELAUNCH_STATE_FILE);
    this.maxRelaunches = options.maxRelaunches ?? 3;
    this.windowMs = options.windowMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Recent relaunch times; a missing or unreadable file counts as none. */
  recentRelaunches(): number[] {
    const now = this.now();
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      const list = typeof parsed === 'object' && parsed !== null ? (parsed as { relaunches?: unknown }).relaunches : undefined;
      if (!Array.isArray(list)) return [];
      return list.filter((at): at is number => typeof at === 'number' && Number.isFinite(at) && at <= now && now - at < this.windowMs);
    } catch {
      return [];
    }
  }

  /** True: relaunch (and it is recorded). False: the loop cap is reached. */
  claimRelaunch(): boolean {
    const recent = this.recentRelaunches();
    if (recent.length >= this.maxRelaunches) return false;
    recent.push(this.now());
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const temp = `${this.file}.tmp`;
      writeFileSync(temp, JSON.stringify({ relaunches: recent }));
      renameSync(temp, this.file);
    } catch {
      // Cannot count: refuse, so an unwritable disk cannot cause a relaunch loop.
      return false;
    }
    return true;
  }
}

export interface CrashExitApp {
  relaunch(): void;
  exit(code?: number): void;
}

export interface MainCrashHandlerOptions {
  app: CrashExitApp;
  /** Null: never relaunch (windowed development runs); just exit(1). */
  guard: RelaunchGuard | null;
  log: (line: string) => void;
  processLike?: Pick<NodeJS.Process, 'on'>;
}

/** Installs the `uncaughtException` and `unhandledRejection` handlers. */
export function installMainCrashHandlers(options: MainCrashHandlerOptions): (kind: string, error: unknown) => void {
  let handling = false;
  const onCrash = (kind: string, error: unknown): void => {
    if (handling) return;
    handling = true;
    try {
      options.log(`main process ${kind}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } catch {
      // Logging must not stop the exit.
    }
    if (options.guard?.claimRelaunch() === true) {
      options.log('relaunching the kiosk');
      options.app.relaunch();
    } else {
      options.log('not relaunching (windowed run, or too many relaunches recently): leaving it to the OS supervisor');
    }
    options.app.exit(1);
  };
  const target = options.processLike ?? process;
  target.on('uncaughtException', (error: Error) => onCrash('uncaughtException', error));
  target.on('unhandledRejection', (reason: unknown) => onCrash('unhandledRejection', reason));
  return onCrash;
}
