// Named places where the crash harness (tests/crash) kills the kiosk process,
// at the exact moments that matter for money: after Razorpay answered and
// before the ledger wrote, inside the receipt-numbering transaction, between
// reconciliation's read and its write, around a capture.
//
// Test-only switch: nothing happens unless KIOSK_TEST_KILL_POINTS_FILE names a
// file, and the file names the point to kill at. The packaged app removes the
// variable before anything runs (src-main/electron/main.ts), browser mode
// refuses live keys, so no real kiosk can be made to kill itself.
import { readFileSync, writeSync } from 'node:fs';

export const KILL_POINTS = [
  /** Razorpay created the order; the ledger has not recorded it yet. */
  'after_order_created',
  /** The paid transaction has its receipt number (journaled) and has not committed. */
  'inside_receipt_numbering',
  /** Reconciliation read the order's payments and has not written what it learned. */
  'reconcile_between_read_and_write',
  /** An authorised payment is about to be captured. */
  'before_capture',
  /** Razorpay answered the capture; the ledger has not recorded it. */
  'after_capture',
] as const;

export type KillPoint = (typeof KILL_POINTS)[number];

export const KILL_POINTS_FILE_ENV = 'KIOSK_TEST_KILL_POINTS_FILE';

/** The line the kiosk writes to stderr as it dies at a point (the harness counts them). */
export const KILL_POINT_LINE = 'kill point: ';

export function killPoint(point: KillPoint): void {
  const file = process.env[KILL_POINTS_FILE_ENV];
  if (!file) return;
  let armed: string;
  try {
    armed = readFileSync(file, 'utf8').trim();
  } catch {
    return;
  }
  if (armed !== point) return;
  writeSync(2, `${KILL_POINT_LINE}${point}\n`);
  process.kill(process.pid, 'SIGKILL');
}
