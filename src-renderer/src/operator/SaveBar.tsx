// The end of every console form: what the last save did (or why not), and the
// Save button; above the form, a note when its edits were kept from before
// the operator session ended.
import type { ReactNode } from 'react';
import { t } from '../i18n/t.ts';
import type { Status } from './settings-form.ts';

export function SaveBar({ id, status, busy, saveLabel, note, children }: { id: string; status: Status; busy: boolean; saveLabel: string; note?: string; children?: ReactNode }) {
  return (
    <div className="save-bar">
      {note && <p className="hint">{note}</p>}
      <div id={`${id}-message`} role="status" aria-live="polite" data-testid={`${id}-message`}>
        {status && <p className={status.kind === 'refused' ? 'operator-error' : 'operator-ok'}>{status.text}</p>}
      </div>
      <div className="actions">
        {children}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('operator.working') : saveLabel}
        </button>
      </div>
    </div>
  );
}

export function KeptNotice({ kept }: { kept: boolean }) {
  return kept ? <p className="operator-note-kept">{t('operator.unsaved.kept')}</p> : null;
}
