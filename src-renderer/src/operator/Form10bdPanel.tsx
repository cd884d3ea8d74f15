// Form 10BD export for a date range: the CSV for the income-tax portal, and
// the donations left out for missing data, listed so the operator can fix them.
import type { Form10bdResult } from '../../../src-main/contract/kiosk-api.ts';
import { formatRupees, t } from '../i18n/t.ts';
import { DateRangeExport } from './DateRangeExport.tsx';
import type { OperatorCaller } from './operator-api.ts';

export function Form10bdPanel({ call }: { call: OperatorCaller }) {
  return (
    <DateRangeExport<Form10bdResult>
      id="form10bd"
      heading={t('operator.form10bd.heading')}
      fromLabel={t('operator.form10bd.from')}
      toLabel={t('operator.form10bd.to')}
      buttonLabel={t('operator.form10bd.export')}
      run={(from, to) => call((api) => api.exportForm10bd({ from, to }))}
      showResult={(result) => (
        <>
          <div className="operator-ok">
            <p className="mono">{t('operator.form10bd.done', { rows: result.rows, total: formatRupees(result.totalRupees), path: result.path })}</p>
          </div>
          {result.refused.length > 0 && (
            <div className="operator-error" data-testid="form10bd-refused">
              <p>{t('operator.form10bd.refused', { count: result.refused.length })}</p>
              <ul className="operator-refused">
                {result.refused.map((row) => (
                  <li key={row.donationId}>
                    <span className="mono">{row.receiptNumber ?? row.donationId}</span>: {row.missing.join('; ')}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    />
  );
}
