// The kiosk's main-process services as a separate OS process (browser mode's
// CLI), so the crash harness can SIGKILL it at any instant and start it again
// on the same data folder. Calls go over /ipc exactly as the renderer's web
// bridge sends them.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(REPO_ROOT, 'src-main/browser-mode/cli.ts');
const CLOCK_OFFSET = join(REPO_ROOT, 'tests/crash/clock-offset.ts');

export type IpcReply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; retryable: boolean } };

export class KioskProcess {
  readonly lines: string[] = [];
  private readonly child: ChildProcess;
  private readonly waiters = new Set<() => void>();
  private exitCode: number | null | undefined;
  private readonly exited: Promise<void>;
  private origin = '';
  private token = '';

  private constructor(child: ChildProcess) {
    this.child = child;
    const reader = (stream: NodeJS.ReadableStream | null) => {
      let buffered = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        buffered += chunk;
        let newline = buffered.indexOf('\n');
        while (newline >= 0) {
          this.lines.push(buffered.slice(0, newline));
          buffered = buffered.slice(newline + 1);
          newline = buffered.indexOf('\n');
        }
        this.notify();
      });
    };
    reader(child.stdout);
    reader(child.stderr);
    this.exited = new Promise((resolve) => {
      // 'close', not 'exit': the last lines the kiosk wrote as it died (a kill point's name) are read by then.
      child.once('close', (code, signal) => {
        this.exitCode = code ?? (signal ? -1 : null);
        this.notify();
        resolve();
      });
    });
  }

  /**
   * Starts the CLI on `dataDir` (port 0: it picks a free one and prints it).
   * `env` may name the harness's clock file (KIOSK_CRASH_CLOCK_FILE) and kill-point file (KIOSK_TEST_KILL_POINTS_FILE).
   */
  static spawn(dataDir: string, env: Record<string, string>): KioskProcess {
    const child = spawn(process.execPath, ['--import', CLOCK_OFFSET, CLI], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env, KIOSK_DATA_DIR: dataDir, KIOSK_BROWSER_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new KioskProcess(child);
  }

  /** Starts the CLI on `dataDir` and waits for the address it prints. */
  static async start(dataDir: string, env: Record<string, string>, timeoutMs = 20_000): Promise<KioskProcess> {
    const kiosk = KioskProcess.spawn(dataDir, env);
    const line = await kiosk.waitForLine((l) => l.startsWith('Open http://') || l.startsWith('The kiosk could not start'), timeoutMs);
    const match = /^Open (http:\/\/127\.0\.0\.1:\d+)\/\?token=([0-9a-f]+)$/.exec(line);
    if (!match?.[1] || !match[2]) {
      kiosk.kill();
      throw new Error(`kiosk did not start: ${kiosk.lines.join('\n')}`);
    }
    kiosk.origin = match[1];
    kiosk.token = match[2];
    return kiosk;
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Resolves with the first line (already seen or still to come) that matches; rejects on timeout or exit. */
  waitForLine(match: (line: string) => boolean, timeoutMs: number, fromIndex = 0): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.lines.slice(fromIndex).find(match);
        if (found !== undefined) return finish(() => resolve(found));
        if (!this.running) return finish(() => reject(new Error(`kiosk exited (${String(this.exitCode)}) before the expected line; last lines:\n${this.lines.slice(-10).join('\n')}`)));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for a log line; last lines:\n${this.lines.slice(-10).join('\n')}`))), timeoutMs);
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        settle();
      };
      this.waiters.add(check);
      check();
    });
  }

  /** POST /ipc/<method> as the web bridge does. Rejects if the process dies first. */
  async call(method: string, payload: unknown): Promise<IpcReply> {
    const response = await fetch(`${this.origin}/ipc/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': this.token },
      body: JSON.stringify({ payload }),
    });
    return (await response.json()) as IpcReply;
  }

  /** SIGKILL: no handlers run, nothing is flushed; like a power cut for the process. */
  kill(): void {
    if (this.running) this.child.kill('SIGKILL');
  }

  /** True if the process exits within `timeoutMs`. */
  async waitForExit(timeoutMs: number): Promise<boolean> {
    if (!this.running) return true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const exited = await Promise.race([this.exited.then(() => true as const), timedOut]);
    clearTimeout(timer);
    return exited;
  }

  async killAndWait(): Promise<void> {
    this.kill();
    await this.exited;
  }

  /** A normal stop (SIGTERM), falling back to SIGKILL after `timeoutMs`. */
  async stop(timeoutMs = 5_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.kill(), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }
}
