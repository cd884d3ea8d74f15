// The port through which receipts reach paper or PDF. Electron prints from a
// hidden window (src-main/electron/electron-receipt-printer.ts); browser mode
// renders PDFs with headless Chromium and has no printer
// (src-main/browser-mode/chromium-receipt-printer.ts). Tests use fakes.
import type { ReceiptLayout } from './receipt-model.ts';

export type PrintAttempt = { ok: true } | { ok: false; reason: string };

export interface ReceiptPrinter {
  /** System printer names (what `deviceName` takes); empty when there are none or printing is not possible here. */
  listPrinters(): Promise<string[]>;
  /** Prints silently, no dialog, to the named printer. */
  print(job: { html: string; layout: ReceiptLayout; deviceName: string }): Promise<PrintAttempt>;
  /** Renders the page to a PDF file at `path` (its folder exists). */
  savePdf(job: { html: string; layout: ReceiptLayout; path: string }): Promise<PrintAttempt>;
}

/** For a kiosk started without a printer port: nothing can be printed or saved, and it says so. */
export const NO_RECEIPT_PRINTER: ReceiptPrinter = {
  listPrinters: async () => [],
  print: async () => ({ ok: false, reason: 'this kiosk has no printer support' }),
  savePdf: async () => ({ ok: false, reason: 'this kiosk cannot make PDFs' }),
};

/** A print or PDF job that takes longer than `ms` counts as failed: the donor is never left waiting on a printer. */
export async function withDeadline(attempt: Promise<PrintAttempt>, ms: number, what: string): Promise<PrintAttempt> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<PrintAttempt>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `${what} did not finish within ${Math.round(ms / 1000)} s` }), ms);
  });
  try {
    return await Promise.race([attempt.catch((error: unknown): PrintAttempt => ({ ok: false, reason: error instanceof Error ? error.message : String(error) })), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
