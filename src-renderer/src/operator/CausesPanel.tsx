// The "Causes and amounts" tab: the one place where causes, their names and
// descriptions (per language) and their preset amounts are set, with the
// smallest and largest amount a donor may give. One cause: donors are not
// asked to choose; two to six: they pick one before the amount.
import type { CauseInfo, EditableSettings, LocalizedText } from '../../../src-main/contract/kiosk-api.ts';
import { formatRupees, t } from '../i18n/t.ts';
import { languageName, settingsChanges } from './changes.ts';
import { fieldId, problemText, wholeNumber, type FieldErrors } from './field-problems.ts';
import type { OperatorCaller } from './operator-api.ts';
import { KeptNotice, SaveBar } from './SaveBar.tsx';
import { useSettingsForm, type Parsed } from './settings-form.ts';
import { NumberField, TextField } from './touch/fields.tsx';
import { keysFor } from './touch/layouts.ts';

/** As main allows (src-main/domain/kiosk-config.ts). */
const MAX_CAUSES = 6;
const MAX_AMOUNTS = 6;
const NAME_MAX = 60;
const DESCRIPTION_MAX = 140;

interface CauseDraft {
  /** The saved cause's id; "" for a cause added here (it gets one from its English name on saving). */
  id: string;
  /** Keeps React's rows steady while causes are added, moved and removed. */
  key: string;
  name: Record<string, string>;
  description: Record<string, string>;
  amounts: string[];
  imageDataUri?: string;
}

interface CausesForm {
  causes: CauseDraft[];
  min: string;
  max: string;
}

type CausesRequest = Pick<EditableSettings, 'causes' | 'minAmountRupees' | 'maxAmountRupees'>;

function texts(text: LocalizedText, languages: readonly string[]): Record<string, string> {
  return Object.fromEntries(languages.map((code) => [code, text[code] ?? '']));
}

function toForm(s: EditableSettings, languages: readonly string[]): CausesForm {
  return {
    causes: s.causes.map((c) => ({
      id: c.id,
      key: c.id,
      name: texts(c.name, languages),
      description: texts(c.description, languages),
      amounts: c.presetAmountsRupees.map(String),
      ...(c.imageDataUri ? { imageDataUri: c.imageDataUri } : {}),
    })),
    min: String(s.minAmountRupees),
    max: String(s.maxAmountRupees),
  };
}

/** "Mid-day meals" → "mid-day-meals"; a name in another script gets "cause-N". Never one of `taken`. */
function newCauseId(name: string, index: number, taken: Set<string>): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 20) || `cause-${index + 1}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

function localized(values: Record<string, string>): LocalizedText {
  const text: LocalizedText = { en: values['en'] ?? '' };
  for (const [code, value] of Object.entries(values)) if (code !== 'en' && value.trim() !== '') text[code] = value;
  return text;
}

function parse(form: CausesForm): Parsed<CausesRequest> {
  const errors: Record<string, string> = {};
  const number = (path: string, text: string): number => {
    const n = wholeNumber(text);
    if (n === null) errors[path] = problemText({ path, problem: text.trim() === '' ? 'required' : 'not_whole' });
    return n ?? 0;
  };
  const min = number('minAmountRupees', form.min);
  const max = number('maxAmountRupees', form.max);
  const taken = new Set(form.causes.map((c) => c.id).filter((id) => id !== ''));
  const causes: CauseInfo[] = form.causes.map((c, i) => {
    const id = c.id !== '' ? c.id : newCauseId(c.name['en'] ?? '', i, taken);
    taken.add(id);
    return {
      id,
      name: localized(c.name),
      description: localized(c.description),
      presetAmountsRupees: c.amounts.map((a, j) => number(`causes.${i}.presetAmountsRupees.${j}`, a)),
      ...(c.imageDataUri ? { imageDataUri: c.imageDataUri } : {}),
    };
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, request: { causes, minAmountRupees: min, maxAmountRupees: max } };
}

interface PanelProps {
  settings: EditableSettings;
  supportedLanguages: string[];
  call: OperatorCaller;
  onSaved: (settings: EditableSettings) => void;
}

let added = 0;

export function CausesPanel({ settings, supportedLanguages, call, onSaved }: PanelProps) {
  const languages = supportedLanguages.includes('en') ? supportedLanguages : ['en', ...supportedLanguages];
  const form = useSettingsForm({
    formId: 'causes',
    label: t('operator.tab.causes'),
    baseline: toForm(settings, languages),
    parse,
    save: (request: CausesRequest) => call((api) => api.updateSettings({ settings: request })),
    changes: (saved) => settingsChanges(settings, saved),
    toForm: (saved) => toForm(saved, languages),
    onSaved,
    prefix: 'settings',
    limits: (d) => ({ min: wholeNumber(d.min) ?? settings.minAmountRupees, max: wholeNumber(d.max) ?? settings.maxAmountRupees }),
  });
  const { draft, edit } = form;
  const errors: FieldErrors = form.errors;
  const id = (path: string): string => fieldId('causes', path);

  const setCause = (index: number, patch: Partial<CauseDraft>): void => edit({ causes: draft.causes.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
  const move = (index: number, by: -1 | 1): void => {
    const next = [...draft.causes];
    const [cause] = next.splice(index, 1);
    if (cause) next.splice(index + by, 0, cause);
    edit({ causes: next });
  };
  const addCause = (): void => {
    added += 1;
    const blank = Object.fromEntries(languages.map((code) => [code, '']));
    edit({ causes: [...draft.causes, { id: '', key: `new-${added}`, name: { ...blank }, description: { ...blank }, amounts: ['100', '500'] }] });
  };

  return (
    <form ref={form.formRef} className="op-form causes-form" onSubmit={(e) => void form.submit(e)} noValidate autoComplete="off" aria-labelledby="causes-heading">
      <h2 id="causes-heading">{t('operator.causes.heading')}</h2>
      <p className="op-note">{t('operator.causes.body')}</p>
      <KeptNotice kept={form.kept} />
      {errors['causes'] && <p className="field-error">{errors['causes']}</p>}
      <ol className="cause-list">
        {draft.causes.map((cause, i) => (
          <li key={cause.key} className="cause-card" aria-labelledby={`${id(`causes.${i}`)}-heading`}>
            <div className="cause-card-head">
              <h3 id={`${id(`causes.${i}`)}-heading`}>{t('operator.causes.cause', { n: i + 1, name: cause.name['en'] || t('operator.causes.unnamed') })}</h3>
              <div className="cause-card-actions">
                <button type="button" className="btn btn-secondary btn-small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('operator.causes.moveUp', { n: i + 1 })}>
                  ↑
                </button>
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  disabled={i === draft.causes.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={t('operator.causes.moveDown', { n: i + 1 })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  disabled={draft.causes.length <= 1}
                  onClick={() => edit({ causes: draft.causes.filter((_, j) => j !== i) })}
                >
                  {t('operator.causes.remove', { n: i + 1 })}
                </button>
              </div>
            </div>
            <div className="lang-row">
              {languages.map((code) => (
                <TextField
                  key={`name-${code}`}
                  id={id(`causes.${i}.name.${code}`)}
                  label={code === 'en' ? t('operator.causes.name') : t('operator.causes.nameIn', { language: languageName(code) })}
                  lang={code}
                  {...keysFor(code)}
                  maxLength={NAME_MAX}
                  value={cause.name[code] ?? ''}
                  onChange={(v) => setCause(i, { name: { ...cause.name, [code]: v } })}
                  {...(code === 'en' ? {} : { hint: t('operator.causes.translationHint') })}
                  error={errors[`causes.${i}.name.${code}`]}
                />
              ))}
            </div>
            <div className="lang-row">
              {languages.map((code) => (
                <TextField
                  key={`description-${code}`}
                  id={id(`causes.${i}.description.${code}`)}
                  label={code === 'en' ? t('operator.causes.description') : t('operator.causes.descriptionIn', { language: languageName(code) })}
                  lang={code}
                  {...keysFor(code)}
                  maxLength={DESCRIPTION_MAX}
                  value={cause.description[code] ?? ''}
                  onChange={(v) => setCause(i, { description: { ...cause.description, [code]: v } })}
                  error={errors[`causes.${i}.description.${code}`]}
                />
              ))}
            </div>
            <fieldset className="cause-amounts">
              <legend>{t('operator.causes.amounts')}</legend>
              {errors[`causes.${i}.presetAmountsRupees`] && <p className="field-error">{errors[`causes.${i}.presetAmountsRupees`]}</p>}
              <div className="cause-amount-row">
                {cause.amounts.map((amount, j) => (
                  <div className="cause-amount" key={j}>
                    <NumberField
                      id={id(`causes.${i}.presetAmountsRupees.${j}`)}
                      label={t('operator.causes.amount', { n: j + 1 })}
                      prefix="₹"
                      maxLength={6}
                      value={amount}
                      onChange={(v) => setCause(i, { amounts: cause.amounts.map((a, k) => (k === j ? v : a)) })}
                      error={errors[`causes.${i}.presetAmountsRupees.${j}`]}
                    />
                    <button
                      type="button"
                      className="btn btn-secondary btn-small cause-amount-remove"
                      disabled={cause.amounts.length <= 1}
                      aria-label={t('operator.causes.removeAmount', { n: j + 1, cause: i + 1 })}
                      onClick={() => setCause(i, { amounts: cause.amounts.filter((_, k) => k !== j) })}
                    >
                      ×
                    </button>
                  </div>
                ))}
              </div>
              {cause.amounts.length < MAX_AMOUNTS && (
                <button type="button" className="btn btn-secondary" onClick={() => setCause(i, { amounts: [...cause.amounts, ''] })} aria-label={t('operator.causes.addAmountTo', { n: i + 1 })}>
                  {t('operator.causes.addAmount')}
                </button>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      {draft.causes.length < MAX_CAUSES && (
        <button type="button" className="btn btn-secondary" onClick={addCause}>
          {t('operator.causes.add')}
        </button>
      )}
      <div className="op-grid causes-limits">
        <NumberField
          id={id('minAmountRupees')}
          label={t('operator.settings.min')}
          prefix="₹"
          maxLength={6}
          value={draft.min}
          onChange={(v) => edit({ min: v })}
          error={errors['minAmountRupees']}
        />
        <NumberField
          id={id('maxAmountRupees')}
          label={t('operator.settings.max')}
          prefix="₹"
          maxLength={6}
          value={draft.max}
          onChange={(v) => edit({ max: v })}
          hint={t('operator.causes.maxHint', { max: formatRupees(100_000) })}
          error={errors['maxAmountRupees']}
        />
      </div>
      <SaveBar id="causes" note={t('operator.save.donorsSee')} status={form.status} busy={form.busy} saveLabel={t('operator.causes.save')} />
    </form>
  );
}
