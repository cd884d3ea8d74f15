// 80G receipts end to end in browser mode: the opt-in and its checks on the
// details screen, the receipt number on the thank-you screen, the PDF that
// headless Chromium saves when there is no printer (its text read back with
// pdfjs and every required field checked), the thermal and A4 layouts, the
// foreign-donor notice, and the operator's receipts tab.
import { existsSync, readFileSync } from 'node:fs';
import { test, expect, E2E_CONFIG, type Kiosk } from './support/kiosk-fixture.ts';
import { chooseAmount, enterDetails, payByCard, payByUpi, screen, startAnonymousDonation, waitForCheckout, SUCCESS_CARD } from './support/donor.ts';
import { answerPinPrompt, setUpPin, longPressCorner, openTab, parseCsv } from './support/operator.ts';
import { pdfText } from './support/pdf.ts';
import type { ReceiptLayout } from '../../src-main/domain/receipts/receipt-model.ts';
import { showReceipt } from './support/receipt-page.ts';
import type { Donation } from '../../src-main/domain/ledger/ledger.ts';

const RECEIPT_CONFIG = {
  ...E2E_CONFIG,
  organisationName: 'Asha Education Trust',
  organisationAddress: '14 Lake Road, Koregaon Park, Pune 411001',
  organisationPan: 'AAATA1234F',
  registration80G: 'AAATA1234FF20214',
  registration80GValidFrom: '2024-04-01',
  registration80GValidTo: '2029-03-31',
};


/** Opens the receipt's HTML in the kiosk's page at a layout's width and saves a screenshot of it. */
async function shootLayout(kiosk: Kiosk, donation: Donation, layout: ReceiptLayout): Promise<void> {
  await showReceipt(kiosk.page, RECEIPT_CONFIG, donation, layout);
  await kiosk.shot(`receipt-${layout}`);
}

test.describe('80G receipts', () => {
  test.use({ kioskConfig: RECEIPT_CONFIG });

  test('a donor opts in to 80G, pays, and the saved PDF receipt holds every required field', async ({ kiosk }) => {
    const { page, shot } = kiosk;
    await chooseAmount(page, '₹1,000');
    await enterDetails(page, { name: 'Asha Rao' });
    // Not asked until they opt in; then it is a step of its own.
    await expect(page.getByLabel('Name as on your PAN')).toHaveCount(0);
    await page.getByLabel('I want an 80G tax receipt').check();
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await expect(screen(page, 'tax')).toBeVisible();
    // "Name as on your PAN" starts from the name given, with the caret in it.
    await expect(page.getByLabel('Name as on your PAN')).toHaveValue('Asha Rao');
    await expect(page.getByLabel('Name as on your PAN')).toBeFocused();
    await page.getByRole('textbox', { name: 'PAN', exact: true }).fill('ABCXE1234F');
    await page.getByLabel('Address', { exact: true }).fill('Pune');
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await expect(page.getByText('This PAN is not valid. Please check the fourth letter.')).toBeVisible();
    await expect(page.getByText('Please enter your full address, with town and PIN code.')).toBeVisible();
    await shot('tax-80g-errors');
    expect(kiosk.donations()).toEqual([]);

    await page.getByRole('textbox', { name: 'PAN', exact: true }).fill('abcpe1234f');
    await page.getByLabel('Address', { exact: true }).fill('12 MG Road, Camp, Pune 411001');
    await shot('tax-80g');
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await payByCard(await waitForCheckout(page), SUCCESS_CARD);

    await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
    const [paid] = kiosk.donations();
    // The PAN is kept sealed (issue 14): the ledger hands it out masked.
    expect(paid).toMatchObject({ state: 'paid', paymentMethod: 'card', tax: { nameOnPan: 'Asha Rao', idType: 'pan', idNumberMasked: 'XXXXXX234F', address: '12 MG Road, Camp, Pune 411001' } });
    const receiptNo = paid?.receiptNo ?? 'missing';
    expect(receiptNo).toMatch(/^KIOSK-1\/\d{4}-\d{2}\/000001$/);
    await expect(screen(page, 'thank-you')).toContainText(receiptNo);
    // No printer is set up here: "Print" is not offered at all.
    await expect(page.getByRole('button', { name: 'Done' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Print/ })).toHaveCount(0);
    await shot('thank-you-no-printer');

    // Asked all the same (as the operator's reprint would), the receipt is saved as a PDF.
    const printed = await page.evaluate((donationId) => window.kiosk?.printReceipt({ donationId }), paid?.id ?? '');
    expect(printed).toMatchObject({ ok: true, value: { printed: false, problem: 'no_printer' } });
    const output = kiosk.events(paid?.id ?? '').at(-1)?.detail['receiptOutput'] as { pdfPath: string | null; problem: string };
    expect(output.problem).toBe('no_printer');
    const pdfPath = output.pdfPath ?? '';
    expect(pdfPath).toContain(`${kiosk.dataDir}/receipts/`);
    expect(existsSync(pdfPath)).toBe(true);

    const text = await pdfText(readFileSync(pdfPath));
    const required = [
      'Asha Education Trust',
      '14 Lake Road, Koregaon Park, Pune 411001',
      'PAN: AAATA1234F',
      '80G registration: AAATA1234FF20214',
      'valid from 01/04/2024 to 31/03/2029',
      receiptNo,
      'Asha Rao',
      'XXXXXX234F',
      '12 MG Road, Camp, Pune 411001',
      '₹1,000',
      'Rupees One Thousand Only',
      'Card',
      paid?.paymentId ?? 'missing payment id',
      'section 80G of the Income-tax Act, 1961',
    ];
    for (const field of required) expect(text, `the PDF should hold "${field}"`).toContain(field);
    expect(text).not.toContain('ABCPE1234F');
    // The date, as receipts in India print it.
    expect(text).toMatch(/Date \d{2}\/\d{2}\/\d{4}/);

    await shootLayout(kiosk, paid as Donation, 'thermal-80mm');
    await shootLayout(kiosk, paid as Donation, 'a4');
  });

  test('a donor who does not opt in is never asked, and Done is one tap back to the start', async ({ kiosk }) => {
    const { page, shot } = kiosk;
    await chooseAmount(page, '₹500');
    await enterDetails(page, { name: 'Ravi Kumar' });
    await expect(page.getByRole('textbox', { name: 'PAN', exact: true })).toHaveCount(0);
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await payByCard(await waitForCheckout(page), SUCCESS_CARD);
    await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
    await shot('thank-you-plain');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(screen(page, 'welcome')).toBeVisible();
  });


  test('the operator records cash (80G details only up to ₹2,000), reprints, and exports Form 10BD', async ({ kiosk }) => {
    const { page, shot } = kiosk;
    await longPressCorner(page, 'operator-setup');
    await setUpPin(page, '273951');
    await openTab(page, 'Receipts');
    await expect(page.getByTestId('tax-offered')).toHaveText('Donors are offered 80G receipts.');
    await shot('receipts-tab');
    await page.getByRole('button', { name: 'Test print' }).click();
    await expect(page.getByTestId('test-print-result')).toContainText('Not printed (no printer set). Saved as PDF:', { timeout: 45_000 });
    expect(existsSync(`${kiosk.dataDir}/receipts/test-print.pdf`)).toBe(true);

    // Cash up to ₹2,000 may have an 80G receipt; above it the details are not even asked for.
    await openTab(page, 'Cash gift');
    await page.getByLabel('Amount received', { exact: true }).fill('2000');
    await page.getByLabel('Donor name', { exact: true }).fill('Meera Iyer');
    await page.getByText('The donor wants an 80G receipt').click();
    await page.getByRole('textbox', { name: 'PAN', exact: true }).fill('AFZPI4321K');
    await page.getByLabel('Address', { exact: true }).fill('7 Temple Street, Chennai 600004');
    await page.getByText('Print the receipt now').click();
    await page.getByRole('button', { name: 'Record cash gift' }).click();
    await expect(page.getByTestId('cash-result')).toContainText('Recorded ₹2,000 as receipt');
    await page.getByLabel('Amount received', { exact: true }).fill('2500');
    await expect(page.getByTestId('cash-warning')).toContainText('Cash above ₹2,000 gets no 80G deduction');
    await expect(page.getByText('The donor wants an 80G receipt')).toHaveCount(0);
    await page.getByLabel('Donor name', { exact: true }).fill('Meera Iyer');
    await shot('cash-gift-warning');
    await page.getByRole('button', { name: 'Record cash gift' }).click();
    await expect(page.getByTestId('cash-result')).toContainText('This gift is not eligible for an 80G deduction.');
    const cash = kiosk.donations().find((d) => d.amountPaise === 2500_00);
    expect(cash).toMatchObject({ state: 'paid', paymentMethod: 'cash', orderId: null, tax: null });
    expect(kiosk.donations().find((d) => d.amountPaise === 2000_00)).toMatchObject({ paymentMethod: 'cash', tax: { idNumberMasked: 'XXXXXX321K' } });
    await openTab(page, 'Receipts');
    await expect(page.getByTestId('receipt-list')).toContainText(cash?.receiptNo ?? 'missing');
    await expect(page.getByTestId('receipt-list')).toContainText('cash');

    await page.getByRole('button', { name: 'Reprint' }).first().click();
    await expect(page.getByTestId('reprint-result')).toContainText('Saved as PDF', { timeout: 45_000 });

    // Form 10BD takes the 80G cash gift of ₹2,000.
    await openTab(page, 'Export');
    await page.getByRole('button', { name: 'Export Form 10BD CSV' }).click();
    await answerPinPrompt(page, '273951');
    await expect(page.getByTestId('form10bd-result')).toContainText('1 donation(s), ₹2,000');
    await shot('form-10bd');
    const path = (await page.getByTestId('form10bd-result').locator('.operator-ok .mono').textContent())?.match(/written to (.*)$/)?.[1] ?? '';
    expect(parseCsv(readFileSync(path, 'utf8'))).toHaveLength(2);
  });
});

test.describe('domestic only', () => {
  test.use({ kioskConfig: { ...E2E_CONFIG, acceptForeignContributions: true } });

  test('an FCRA-registered charity shows no foreign-donor notice and no 80G opt-in without its settings', async ({ kiosk }) => {
    const { page } = kiosk;
    await chooseAmount(page, '₹100');
    await expect(page.getByLabel(/^Your name/)).toBeVisible();
    await expect(page.getByText('Not an Indian citizen?')).toHaveCount(0);
    await expect(page.getByLabel('I want an 80G tax receipt')).toHaveCount(0);
  });
});

test.describe('a printer that does not answer', () => {
  test.use({ kioskConfig: { ...RECEIPT_CONFIG, printerName: 'TM-T82 (switched off)' } });

  test('"Print my receipt" is offered only when the printer set up is there: one the system does not list is not offered', async ({ kiosk }) => {
    const { page } = kiosk;
    await startAnonymousDonation(page, '₹100');
    await payByUpi(await waitForCheckout(page));
    await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
    // The options have arrived (main answered) when the receipt number shows; still no Print.
    await expect(screen(page, 'thank-you')).toContainText(kiosk.donations()[0]?.receiptNo ?? 'missing');
    await expect.poll(() => kiosk.ipcReplies.some((reply) => reply.includes('"canPrint":false'))).toBe(true);
    await expect(page.getByRole('button', { name: /Print/ })).toHaveCount(0);
  });
});
