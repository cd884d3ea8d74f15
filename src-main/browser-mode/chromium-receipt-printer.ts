// Browser mode's receipt printer: no printers (a browser cannot print
// silently), and PDFs rendered by headless Chromium (Debian's, or
// $CHROMIUM_PATH), the same engine Electron's printToPDF uses.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PrintAttempt, ReceiptPrinter } from '../domain/receipts/receipt-printer.ts';

export function chromiumReceiptPrinter(options: { chromiumPath?: string; timeoutMs?: number } = {}): ReceiptPrinter {
  const executable = options.chromiumPath ?? process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    listPrinters: async () => [],
    print: async () => ({ ok: false, reason: 'browser mode cannot print: the receipt is saved as a PDF instead' }),
    savePdf: ({ html, path }) => renderPdf(executable, html, path, timeoutMs),
  };
}

function renderPdf(executable: string, html: string, path: string, timeoutMs: number): Promise<PrintAttempt> {
  const work = mkdtempSync(join(tmpdir(), 'kiosk-receipt-'));
  const page = join(work, 'receipt.html');
  writeFileSync(page, html);
  const args = [
    '--headless',
    '--disable-gpu',
    // The page is our own escaped HTML with JavaScript and network off by its CSP; root in CI containers needs this.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${join(work, 'profile')}`,
    '--no-pdf-header-footer',
    `--print-to-pdf=${path}`,
    pathToFileURL(page).href,
  ];
  return new Promise<PrintAttempt>((resolve) => {
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const finish = (attempt: PrintAttempt) => {
      clearTimeout(timer);
      rmSync(work, { recursive: true, force: true });
      resolve(attempt);
    };
    child.on('error', (error) => finish({ ok: false, reason: `cannot start ${executable}: ${error.message}` }));
    child.on('exit', (code, signal) => {
      let size = 0;
      try {
        size = statSync(path).size;
      } catch {
        size = 0;
      }
      if (code === 0 && size > 0) finish({ ok: true });
      else finish({ ok: false, reason: `Chromium did not write the PDF (exit ${code ?? signal}): ${stderr.trim().split('\n').slice(-2).join(' ')}` });
    });
  });
}
