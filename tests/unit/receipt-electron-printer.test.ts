// The Electron receipt printer with a typed fake window: silent print to the
// named device with an explicit page size, PDF written where asked, the
// window destroyed after every job, failures reported, never thrown.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElectronReceiptPrinter, type PdfOptions, type PrintWindow, type SilentPrintOptions } from '../../src-main/electron/electron-receipt-printer.ts';

interface FakeWindow extends PrintWindow {
  loaded: string[];
  destroyed: boolean;
  printed: SilentPrintOptions[];
  pdfOptions: PdfOptions[];
}

function fakeWindows(behaviour: { printOk?: boolean; failureReason?: string; pdfFails?: boolean } = {}) {
  const windows: FakeWindow[] = [];
  const createWindow = (): FakeWindow => {
    const window: FakeWindow = {
      loaded: [],
      destroyed: false,
      printed: [],
      pdfOptions: [],
      webContents: {
        print: (options, callback) => {
          window.printed.push(options);
          callback(behaviour.printOk ?? true, behaviour.failureReason ?? '');
        },
        printToPDF: async (options) => {
          window.pdfOptions.push(options);
          if (behaviour.pdfFails) throw new Error('Failed to generate PDF');
          return new TextEncoder().encode('%PDF-1.7 fake');
        },
        getPrintersAsync: async () => [{ name: 'EPSON_TM_T82' }, { name: 'HP_A4' }],
      },
      loadURL: async (url) => {
        window.loaded.push(url);
      },
      destroy: () => {
        window.destroyed = true;
      },
      isDestroyed: () => window.destroyed,
    };
    windows.push(window);
    return window;
  };
  return { windows, createWindow };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('Electron receipt printer', () => {
  it('prints silently to the named printer, 80 mm in microns, and destroys the window', async () => {
    const { windows, createWindow } = fakeWindows();
    const printer = createElectronReceiptPrinter({ createWindow, whenReady: async () => undefined });
    expect(await printer.print({ html: '<p>Receipt</p>', layout: 'thermal-80mm', deviceName: 'EPSON_TM_T82' })).toEqual({ ok: true });
    expect(windows[0]?.printed).toEqual([{ silent: true, deviceName: 'EPSON_TM_T82', printBackground: false, pageSize: { width: 80_000, height: 297_000 }, margins: { marginType: 'none' } }]);
    expect(Buffer.from(windows[0]?.loaded[0]?.split(',')[1] ?? '', 'base64').toString('utf8')).toBe('<p>Receipt</p>');
    expect(windows[0]?.destroyed).toBe(true);
    await printer.print({ html: '<p>A4</p>', layout: 'a4', deviceName: 'HP_A4' });
    expect(windows[1]?.printed[0]?.pageSize).toBe('A4');
  });

  it("reports the printer's failure reason", async () => {
    const { windows, createWindow } = fakeWindows({ printOk: false, failureReason: 'Invalid printer settings' });
    const printer = createElectronReceiptPrinter({ createWindow, whenReady: async () => undefined });
    expect(await printer.print({ html: '<p>x</p>', layout: 'a4', deviceName: 'Gone' })).toEqual({ ok: false, reason: 'Invalid printer settings' });
    expect(windows[0]?.destroyed).toBe(true);
  });

  it('writes the PDF, with the page size from the receipt CSS; a failure is reported, not thrown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-pdf-'));
    dirs.push(dir);
    const ok = fakeWindows();
    const path = join(dir, 'r.pdf');
    expect(await createElectronReceiptPrinter({ createWindow: ok.createWindow, whenReady: async () => undefined }).savePdf({ html: '<p>x</p>', layout: 'a4', path })).toEqual({ ok: true });
    expect(readFileSync(path, 'utf8')).toBe('%PDF-1.7 fake');
    expect(ok.windows[0]?.pdfOptions).toEqual([{ printBackground: false, preferCSSPageSize: true }]);
    const broken = fakeWindows({ pdfFails: true });
    expect(await createElectronReceiptPrinter({ createWindow: broken.createWindow, whenReady: async () => undefined }).savePdf({ html: '<p>x</p>', layout: 'a4', path })).toEqual({ ok: false, reason: 'Failed to generate PDF' });
    expect(broken.windows[0]?.destroyed).toBe(true);
  });

  it('lists the system printers by their system names', async () => {
    const { createWindow } = fakeWindows();
    expect(await createElectronReceiptPrinter({ createWindow, whenReady: async () => undefined }).listPrinters()).toEqual(['EPSON_TM_T82', 'HP_A4']);
  });
});
