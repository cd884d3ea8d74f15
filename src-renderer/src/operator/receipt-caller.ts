// The operator call the console hands to its panels: a Result, or null when
// the operator session had ended (the console shows the PIN pad by then).
import type { KioskApi, PrintReceiptResult, Result } from '../../../src-main/contract/kiosk-api.ts';
import { t, type MessageKey } from '../i18n/t.ts';

export type OperatorCaller = <T>(fn: (api: KioskApi) => Promise<Result<T>>) => Promise<Result<T> | null>;

/** What became of a print, in the operator's words. */
export function describePrint(result: PrintReceiptResult): string {
  if (result.printed) return t('operator.receipts.printed', { receipt: result.receiptNumber });
  const problem = t(`operator.receipts.problem.${result.problem ?? 'no_printer'}` as MessageKey);
  return result.pdfPath === null ? t('operator.receipts.notSaved', { problem }) : t('operator.receipts.savedPdf', { problem, path: result.pdfPath });
}
