// The logo and the background picture: each saved as soon as the operator
// chooses a file (or removes it), so there is nothing here to leave unsaved.
// The file is read in the page; main checks what it really is.
import { useState } from 'react';
import type { EditableSettings } from '../../../src-main/contract/kiosk-api.ts';
import { t } from '../i18n/t.ts';
import { fieldErrorsOf } from './field-problems.ts';
import type { OperatorCaller } from './operator-api.ts';
import { readAsDataUri } from './read-file.ts';

type Picture = 'logoDataUri' | 'backgroundDataUri';

interface PictureProps {
  field: Picture;
  settings: EditableSettings;
  call: OperatorCaller;
  onSaved: (settings: EditableSettings) => void;
}

const WORDS = {
  logoDataUri: {
    heading: 'operator.logo.heading',
    body: 'operator.logo.body',
    none: 'operator.logo.none',
    choose: 'operator.logo.choose',
    remove: 'operator.logo.remove',
    saved: 'operator.logo.saved',
    removed: 'operator.logo.removed',
  },
  backgroundDataUri: {
    heading: 'operator.look.background',
    body: 'operator.look.backgroundBody',
    none: 'operator.look.backgroundNone',
    choose: 'operator.look.backgroundChoose',
    remove: 'operator.look.backgroundRemove',
    saved: 'operator.look.backgroundSaved',
    removed: 'operator.look.backgroundRemoved',
  },
} as const;

function PictureSetting({ field, settings, call, onSaved }: PictureProps) {
  const words = WORDS[field];
  const current = settings[field];
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const testId = field === 'logoDataUri' ? 'logo' : 'background';

  const save = async (uri: string, done: string): Promise<void> => {
    setBusy(true);
    setMessage(null);
    const result = await call((api) => api.updateSettings({ settings: { [field]: uri } }));
    setBusy(false);
    if (!result) return;
    if (result.ok) {
      setMessage({ ok: true, text: done });
      onSaved(result.value);
    } else {
      const problem = fieldErrorsOf(result.error, { prefix: 'settings' })[field];
      setMessage({ ok: false, text: `${problem ?? result.error.message} ${t('operator.settings.notSaved')}` });
    }
  };

  const choose = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    input.value = '';
    if (!file || busy) return;
    let uri: string;
    try {
      uri = await readAsDataUri(file);
    } catch {
      setMessage({ ok: false, text: t('operator.logo.unreadable') });
      return;
    }
    await save(uri, t(words.saved));
  };

  return (
    <section className="op-form op-logo" aria-labelledby={`${testId}-heading`}>
      <h2 id={`${testId}-heading`}>{t(words.heading)}</h2>
      <p className="op-note">{t(words.body)}</p>
      <div className="op-logo-row">
        {current ? (
          <img className="op-logo-preview" src={current} alt={t('operator.logo.current', { name: settings.organisationName })} data-testid={`${testId}-preview`} />
        ) : (
          <p className="muted">{t(words.none)}</p>
        )}
        <div className="actions">
          {/* The input comes first so its keyboard focus can outline the label (styles.css). */}
          <input
            id={`${testId}-file`}
            className="visually-hidden"
            type="file"
            accept="image/png,image/jpeg,.png,.jpg,.jpeg"
            disabled={busy}
            onChange={(e) => void choose(e.currentTarget)}
          />
          <label className={`btn btn-secondary${busy ? ' disabled' : ''}`} htmlFor={`${testId}-file`}>
            {busy ? t('operator.working') : t(words.choose)}
          </label>
          {current && (
            <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void save('', t(words.removed))}>
              {t(words.remove)}
            </button>
          )}
        </div>
      </div>
      <div role="status" aria-live="polite" data-testid={`${testId}-message`}>
        {message && <p className={message.ok ? 'operator-ok' : 'operator-error'}>{message.text}</p>}
      </div>
    </section>
  );
}

export function PicturesPanel(props: Omit<PictureProps, 'field'>) {
  return (
    <>
      <PictureSetting field="logoDataUri" {...props} />
      <PictureSetting field="backgroundDataUri" {...props} />
    </>
  );
}
