// Receipt numbers: KIOSK-1/2026-27/000001. One sequence per kiosk and
// financial year, gap-free, assigned by the ledger in the same transaction that
// records the payment as captured (ledger.ts), so a number is never handed out
// for a payment the ledger does not hold, and never twice.

export function formatReceiptNumber(kioskId: string, financialYear: string, sequence: number): string {
  return `${kioskId}/${financialYear}/${String(sequence).padStart(6, '0')}`;
}

/** A receipt number as a file name: the slashes become underscores. */
export function receiptFileStem(receiptNumber: string): string {
  return receiptNumber.replace(/[^A-Za-z0-9-]+/g, '_');
}
