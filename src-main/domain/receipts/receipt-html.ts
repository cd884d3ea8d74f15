// The receipt as a self-contained HTML page, for an 80 mm thermal roll or an
// A4 sheet. No scripts, no external resources: the print window runs with
// JavaScript off, and every value is escaped (donor names come from a public
// touch screen).
import type { ReceiptLayout, ReceiptModel } from './receipt-model.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const PAGE_CSS: Record<ReceiptLayout, string> = {
  // 72 mm of print on an 80 mm roll; thermal heads print black only, so no greys for text.
  'thermal-80mm': `
    @page { size: 80mm 297mm; margin: 3mm 4mm; }
    body { width: 72mm; font: 11px/1.35 "DejaVu Sans", Arial, sans-serif; color: #000; margin: 0; }
    h1 { font-size: 14px; text-align: center; margin: 0 0 2px; }
    .issuer, .title { text-align: center; }
    .title { font-weight: bold; margin: 6px 0; border-top: 1px dashed #000; border-bottom: 1px dashed #000; padding: 3px 0; }
    dl { display: grid; grid-template-columns: 26mm 1fr; gap: 2px 4px; margin: 0; }
    dt { font-weight: bold; } dd { margin: 0; overflow-wrap: anywhere; }
    .amount { font-size: 15px; font-weight: bold; }
    .statement { margin-top: 6px; border-top: 1px dashed #000; padding-top: 4px; font-size: 10px; }
    .sign { margin-top: 14px; text-align: right; font-size: 10px; }
    @media screen { body { padding: 3mm 4mm; } }`,
  a4: `
    @page { size: A4; margin: 18mm 20mm; }
    body { font: 12pt/1.45 "DejaVu Sans", Arial, sans-serif; color: #000; margin: 0; }
    h1 { font-size: 20pt; margin: 0 0 4px; }
    .issuer { border-bottom: 2px solid #000; padding-bottom: 8px; }
    .title { font-size: 15pt; font-weight: bold; margin: 14px 0 10px; }
    dl { display: grid; grid-template-columns: 55mm 1fr; gap: 6px 12px; margin: 0; }
    dt { font-weight: bold; } dd { margin: 0; overflow-wrap: anywhere; }
    .amount { font-size: 15pt; font-weight: bold; }
    .statement { margin-top: 18px; border: 1px solid #000; padding: 8px 10px; }
    .sign { margin-top: 40px; text-align: right; }
    @media screen { body { padding: 18mm 20mm; } }`,
};

function row(label: string, value: string | null, className = ''): string {
  if (value === null || value === '') return '';
  return `<dt>${escapeHtml(label)}</dt><dd${className ? ` class="${className}"` : ''}>${escapeHtml(value)}</dd>`;
}

export function renderReceiptHtml(model: ReceiptModel, layout: ReceiptLayout): string {
  const { issuer } = model;
  const issuerLines = [
    issuer.organisationAddress,
    issuer.organisationPan ? `PAN: ${issuer.organisationPan}` : '',
    model.kind === '80g' && issuer.registration80G ? `80G registration: ${issuer.registration80G}${model.validity ? ` (${model.validity})` : ''}` : '',
  ]
    .filter((line) => line !== '')
    .map((line) => `<div>${escapeHtml(line)}</div>`)
    .join('');
  const rows = [
    row('Receipt no.', model.receiptNumber),
    row('Date', model.date),
    row('Received from', model.donorName),
    row(model.donorIdLabel ?? 'ID', model.donorIdMasked),
    row('Address', model.donorAddress),
    row('Amount', model.amountFigures, 'amount'),
    row('In words', model.amountWords),
    row('Mode of payment', model.modeOfPayment),
    row('Payment reference', model.paymentReference),
    row('Towards', model.causeName),
  ].join('');
  const statement = model.approvalStatement === null ? '' : `<p class="statement">${escapeHtml(model.approvalStatement)}</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(`Receipt ${model.receiptNumber}`)}</title>
<style>${PAGE_CSS[layout]}</style></head>
<body class="receipt receipt-${layout}">
<header class="issuer"><h1>${escapeHtml(issuer.organisationName)}</h1>${issuerLines}</header>
<div class="title">${escapeHtml(model.title)}</div>
<dl>${rows}</dl>
${statement}
<p class="sign">For ${escapeHtml(issuer.organisationName)}<br>Authorised signatory (computer-generated receipt)</p>
</body></html>`;
}
