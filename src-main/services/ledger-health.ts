// Keeps the kiosk out of service while its ledger cannot be trusted with a
// write, and brings it back by itself (issue 13):
// - a write the disk refuses (full disk, read-only file, I/O error) stops
//   donations at once; every probe interval one real, synced write is tried,
//   and when it succeeds the kiosk takes donations again and reconciliation
//   records whatever was paid meanwhile (the money was at Razorpay);
// - a ledger file deleted, moved or replaced under the running kiosk stops
//   donations until the kiosk is restarted (ledger-fault.ts says what to do).
// The operator's message goes to the log once per fault, and to the screen
// through getKioskStatus / getKioskState.
import type { Ledger } from '../domain/ledger/ledger.ts';
import type { LedgerFaultError } from '../domain/ledger/ledger-fault.ts';

export interface LedgerHealthOptions {
  ledger: Ledger;
  probeIntervalMs: number;
  /** Called when the ledger takes writes again (e.g. to reconcile). */
  onRecovered: () => void;
  log: (line: string) => void;
}

export class LedgerHealth {
  readonly #options: LedgerHealthOptions;
  #timer: NodeJS.Timeout | undefined;
  readonly #unsubscribe: () => void;
  #closed = false;

  constructor(options: LedgerHealthOptions) {
    this.#options = options;
    this.#unsubscribe = options.ledger.onFault((fault) => this.#faulted(fault));
  }

  /** Checks the file now (a stat) and answers the operator's reason, or null while the ledger is fine. */
  problem(): string | null {
    const { ledger } = this.#options;
    return (ledger.checkFile() ?? ledger.fault())?.operatorMessage ?? null;
  }

  /** At start-up: a ledger opened read-only (or on a full disk) is found before a donor is. */
  checkWritable(): void {
    if (!this.#options.ledger.probeWrite()) this.#startProbing();
  }

  close(): void {
    this.#closed = true;
    this.#unsubscribe();
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #faulted(fault: LedgerFaultError): void {
    this.#options.log(`ledger: OUT OF SERVICE: ${fault.operatorMessage}`);
    if (fault.kind === 'write_failed') this.#startProbing();
  }

  #startProbing(): void {
    if (this.#timer || this.#closed) return;
    this.#timer = setInterval(() => this.#probe(), this.#options.probeIntervalMs);
    this.#timer.unref();
  }

  #probe(): void {
    const { ledger, log } = this.#options;
    if (!ledger.probeWrite()) {
      if (ledger.fault()?.kind === 'file_replaced') {
        clearInterval(this.#timer);
        this.#timer = undefined;
      }
      return;
    }
    clearInterval(this.#timer);
    this.#timer = undefined;
    log('ledger: writable again; the kiosk takes donations again');
    this.#options.onRecovered();
  }
}
