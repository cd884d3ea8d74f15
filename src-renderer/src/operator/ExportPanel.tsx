// The "Export" tab: the donations CSV (every attempt, to match against the
// receipts and Razorpay) and Form 10BD (80G donations, for the income-tax portal).
import type { ExportResult } from '../../../src-main/contract/kiosk-api.ts';
import { t } from '../i18n/t.ts';
import { DateRangeExport } from './DateRangeExport.tsx';
import { Form10bdPanel } from './Form10bdPanel.tsx';
import type { OperatorCaller } from './operator-api.ts';

export function ExportPanel({ call }: { call: OperatorCaller }) {
  return (
    <>
      <DateRangeExport<ExportResult>
        id="export"
        heading={t('operator.export.heading')}
        fromLabel={t('operator.export.from')}
        toLabel={t('operator.export.to')}
        buttonLabel={t('operator.export.button')}
        run={(from, to) => call((api) => api.exportDonationsCsv({ from, to }))}
        showResult={(result) => (
          <div className="operator-ok">
            <p>{t(result.rows === 1 ? 'operator.export.done.one' : 'operator.export.done.other', { n: result.rows })}</p>
            <p className="mono export-path" data-testid="export-path">
              {result.path}
            </p>
          </div>
        )}
      />
      <p className="op-note">{t('operator.export.columns')}</p>
      <Form10bdPanel call={call} />
    </>
  );
}
