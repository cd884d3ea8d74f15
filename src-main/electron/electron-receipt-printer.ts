// Receipts on paper and as PDF in the installed app (electron.md §10): a
// hidden, sandboxed window with JavaScript off loads the receipt's own HTML
// (no scripts, its own CSP) in a private in-memory session, then
// `webContents.print({ silent: true, deviceName })` or `printToPDF()`.
// Electron's BrowserWindow comes in through `createWindow`, so tests pass a
// typed fake.
import { writeFile } from 'node:fs/promises';
import type { ReceiptLayout } from '../domain/receipts/receipt-model.ts';
import type { PrintAttempt, ReceiptPrinter } from '../domain/receipts/receipt-printer.ts';

/** The options Electron's webContents.print takes that the kiosk sets. */
export interface SilentPrintOptions {
  silent: true;
  deviceName: string;
  printBackground: boolean;
  /** Microns, explicit: thermal printers print blank or tiny pages without it (electron.md §10). */
  pageSize: { width: number; height: number } | 'A4';
  margins: { marginType: 'none' | 'default' };
}

export interface PdfOptions {
  printBackground: boolean;
  /** The receipt's @page size (80 mm roll or A4) decides the page. */
  preferCSSPageSize: true;
}

/** The part of Electron's WebContents the printer uses. */
export interface PrintWebContents {
  print(options: SilentPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
  printToPDF(options: PdfOptions): Promise<Uint8Array>;
  getPrintersAsync(): Promise<{ name: string }[]>;
}

/** The part of Electron's BrowserWindow the printer uses. */
export interface PrintWindow {
  readonly webContents: PrintWebContents;
  loadURL(url: string): Promise<void>;
  destroy(): void;
  isDestroyed(): boolean;
}

/**
 * How main makes the hidden print window. Its options are written out in
 * main.ts (hidden, sandboxed, JavaScript off, an in-memory session), where the
 * Electronegativity gate can read them.
 */
export type CreatePrintWindow = () => PrintWindow;

const THERMAL_80MM_MICRONS = { width: 80_000, height: 297_000 };

export function createElectronReceiptPrinter(deps: { createWindow: CreatePrintWindow; whenReady: () => Promise<unknown> }): ReceiptPrinter {
  /** One job at a time in a fresh window, destroyed afterwards whatever happened. */
  async function withReceiptWindow<T>(html: string | null, work: (contents: PrintWebContents) => Promise<T>): Promise<T> {
    await deps.whenReady();
    const window = deps.createWindow();
    try {
      if (html !== null) await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
      return await work(window.webContents);
    } finally {
      if (!window.isDestroyed()) window.destroy();
    }
  }

  return {
    listPrinters: () => withReceiptWindow(null, async (contents) => (await contents.getPrintersAsync()).map((printer) => printer.name)),

    print: ({ html, layout, deviceName }) =>
      withReceiptWindow(
        html,
        (contents) =>
          new Promise<PrintAttempt>((resolve) => {
            contents.print(
              { silent: true, deviceName, printBackground: false, pageSize: pageSizeFor(layout), margins: { marginType: 'none' } },
              (success, failureReason) => resolve(success ? { ok: true } : { ok: false, reason: failureReason || 'Print job failed' }),
            );
          }),
      ),

    savePdf: ({ html, path }) =>
      withReceiptWindow(html, async (contents) => {
        const pdf = await contents.printToPDF({ printBackground: false, preferCSSPageSize: true });
        await writeFile(path, pdf);
        return { ok: true } as const;
      }).catch((error: unknown): PrintAttempt => ({ ok: false, reason: error instanceof Error ? error.message : String(error) })),
  };
}

function pageSizeFor(layout: ReceiptLayout): SilentPrintOptions['pageSize'] {
  return layout === 'a4' ? 'A4' : THERMAL_80MM_MICRONS;
}
