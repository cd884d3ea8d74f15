// What became of a receipt print, in the operator's words.
import type { PrintReceiptResult } from '../../../src-main/contract/kiosk-api.ts';
import { t, type MessageKey } from '../i18n/t.ts';

/** What became of a print, in the operator's words. */
export function describePrint(result: PrintReceiptResult): string {
  if (result.printed) return t('operator.receipts.printed', { receipt: result.receiptNumber });
  const problem = t(`operator.receipts.problem.${result.problem ?? 'no_printer'}` as MessageKey);
  return result.pdfPath === null ? t('operator.receipts.notSaved', { problem }) : t('operator.receipts.savedPdf', { problem, path: result.pdfPath });
}
