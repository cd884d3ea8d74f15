// A paid donation's receipt, opened in the kiosk's page at its layout's width
// (80 mm thermal or A4), as main renders it for the printer.
import { expect, type Page } from '@playwright/test';
import { buildReceiptModel, type ReceiptLayout } from '../../../src-main/domain/receipts/receipt-model.ts';
import { renderReceiptHtml } from '../../../src-main/domain/receipts/receipt-html.ts';
import { issuerOf } from '../../../src-main/services/receipt-service.ts';
import { DEFAULT_KIOSK_CONFIG, type KioskConfig } from '../../../src-main/domain/kiosk-config.ts';
import type { Donation } from '../../../src-main/domain/ledger/ledger.ts';

/** Shows the receipt of `donation` (issued under `config` over the defaults) in `page`, sized like the paper. */
export async function showReceipt(page: Page, config: Partial<KioskConfig>, donation: Donation, layout: ReceiptLayout): Promise<void> {
  if (donation.receiptNo === null) throw new Error('no receipt number');
  const model = buildReceiptModel(issuerOf({ ...DEFAULT_KIOSK_CONFIG, ...config }), {
    receiptNumber: donation.receiptNo,
    paidAt: donation.paidAt ?? donation.updatedAt,
    amountPaise: donation.amountPaise,
    paymentMethod: donation.paymentMethod ?? 'other',
    paymentId: donation.paymentId,
    causeName: donation.cause,
    donorName: donation.donorName,
    tax: donation.tax,
  });
  await page.setViewportSize(layout === 'a4' ? { width: 840, height: 1190 } : { width: 330, height: 900 });
  await page.setContent(renderReceiptHtml(model, layout));
  await expect(page.getByText(donation.receiptNo)).toBeVisible();
}
