// The operator's settings for what donors see: causes, the event goal and the
// welcome message, the donor wall, the processing fee offer, and the charity's
// colours and background. Main validates every field (kiosk-config.ts) and
// changes nothing when it refuses; the donor screens pick it up on Done.
import { useState, type FormEvent } from 'react';
import type { CauseInfo, EditableSettings } from '../../../src-main/contract/kiosk-api.ts';
import type { OperatorCaller } from './operator-api.ts';
import { t } from '../i18n/t.ts';
import { readAsDataUri } from './read-file.ts';


interface Props {
  settings: EditableSettings;
  call: OperatorCaller;
  onSaved: (settings: EditableSettings) => void;
}

interface LookForm {
  causes: string;
  goal: string;
  message: string;
  wall: boolean;
  fee: string;
  primary: string;
  accent: string;
}

function toForm(s: EditableSettings): LookForm {
  return {
    causes: (s.causes ?? []).map((c) => `${c.name.en} | ${c.description.en} | ${c.presetAmountsRupees.join(', ')}`).join('\n'),
    goal: String(s.goalRupees ?? 0),
    message: s.attractMessage?.en ?? '',
    wall: s.showDonorWall ?? false,
    fee: String(s.feeCoverPercent ?? 0),
    primary: s.themeColor ?? '#9a3412',
    accent: s.accentColor ?? '#0f766e',
  };
}

/** "Mid-day meals" -> "mid-day-meals"; names in other scripts get a numbered id. */
function causeId(name: string, index: number, taken: Set<string>): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 20) || `cause-${index + 1}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** One cause a line: name | description | amounts. Keeps each existing cause's id and picture by its name. */
export function parseCauses(text: string, existing: readonly CauseInfo[]): { ok: true; causes: CauseInfo[] } | { ok: false; line: number } {
  const taken = new Set<string>();
  const causes: CauseInfo[] = [];
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  for (const [index, line] of lines.entries()) {
    const [name = '', description = '', amounts = ''] = line.split('|').map((part) => part.trim());
    const presets = amounts.split(',').map((a) => a.trim()).filter((a) => a !== '');
    if (name === '' || presets.length === 0 || presets.some((a) => !/^\d+$/.test(a))) return { ok: false, line: index + 1 };
    const before = existing.find((c) => c.name.en === name);
    const id = before && !taken.has(before.id) ? (taken.add(before.id), before.id) : causeId(name, index, taken);
    causes.push({ id, name: { ...before?.name, en: name }, description: { ...before?.description, en: description }, presetAmountsRupees: presets.map(Number), ...(before?.imageDataUri ? { imageDataUri: before.imageDataUri } : {}) });
  }
  return { ok: true, causes };
}

export function DonorScreenSettings({ settings, call, onSaved }: Props) {
  const [form, setForm] = useState<LookForm>(() => toForm(settings));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const edit = (patch: Partial<LookForm>): void => {
    setForm({ ...form, ...patch });
    setSaved(null);
  };

  const save = async (patch: Partial<EditableSettings>): Promise<boolean> => {
    setBusy(true);
    const result = await call((api) => api.updateSettings({ settings: patch }));
    setBusy(false);
    if (!result) return false;
    if (!result.ok) {
      const notSaved = t('operator.settings.notSaved');
      setError(result.error.message.includes(notSaved) ? result.error.message : `${result.error.message} ${notSaved}`);
      return false;
    }
    setError(null);
    setSaved(t('operator.settings.saved'));
    setForm(toForm(result.value));
    onSaved(result.value);
    return true;
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    const causes = parseCauses(form.causes, settings.causes ?? []);
    if (!causes.ok) {
      setError(`${t('operator.look.causesBad', { line: causes.line })} ${t('operator.settings.notSaved')}`);
      return;
    }
    const goal = Number(form.goal.trim());
    const fee = Number(form.fee.trim().replace(',', '.'));
    if (!Number.isSafeInteger(goal)) {
      setError(`${t('operator.settings.notWhole', { field: t('operator.look.goal') })} ${t('operator.settings.notSaved')}`);
      return;
    }
    await save({
      ...(causes.causes.length > 0 ? { causes: causes.causes } : {}),
      goalRupees: goal,
      attractMessage: { ...settings.attractMessage, en: form.message },
      showDonorWall: form.wall,
      // Main refuses anything but 0-5; a typo such as "2%" reaches it as NaN and is refused there.
      feeCoverPercent: Number.isFinite(fee) ? fee : -1,
      themeColor: form.primary,
      accentColor: form.accent,
    });
  };

  const chooseBackground = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    input.value = '';
    if (!file || busy) return;
    try {
      await save({ backgroundDataUri: await readAsDataUri(file) });
    } catch {
      setError(t('operator.logo.unreadable'));
    }
  };

  return (
    <form className="op-form op-look" onSubmit={(e) => void submit(e)} noValidate autoComplete="off" aria-labelledby="look-heading">
      <h2 id="look-heading">{t('operator.look.heading')}</h2>
      <div className="field">
        <label htmlFor="look-causes">{t('operator.look.causes')}</label>
        <textarea id="look-causes" rows={4} spellCheck={false} value={form.causes} aria-describedby="look-causes-hint look-message" onChange={(e) => edit({ causes: e.target.value })} />
        <p id="look-causes-hint" className="hint">
          {t('operator.look.causesHint')}
        </p>
      </div>
      <div className="op-grid">
        <div className="field">
          <label htmlFor="look-goal">{t('operator.look.goal')}</label>
          <input id="look-goal" type="text" inputMode="numeric" value={form.goal} aria-describedby="look-message" onChange={(e) => edit({ goal: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="look-fee">{t('operator.look.fee')}</label>
          <input id="look-fee" type="text" inputMode="decimal" value={form.fee} aria-describedby="look-message" onChange={(e) => edit({ fee: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="look-primary">{t('operator.look.primary')}</label>
          <input id="look-primary" type="color" value={form.primary} onChange={(e) => edit({ primary: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="look-accent">{t('operator.look.accent')}</label>
          <input id="look-accent" type="color" value={form.accent} onChange={(e) => edit({ accent: e.target.value })} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="look-message-text">{t('operator.look.message')}</label>
        <input id="look-message-text" type="text" maxLength={200} value={form.message} onChange={(e) => edit({ message: e.target.value })} />
      </div>
      <label className="check">
        <input type="checkbox" checked={form.wall} onChange={(e) => edit({ wall: e.target.checked })} />
        <span className="check-box" aria-hidden="true" />
        <span>{t('operator.look.wall')}</span>
      </label>
      <div className="op-logo-row">
        <p className="muted">{settings.backgroundDataUri ? t('operator.look.background') : t('operator.look.backgroundNone')}</p>
        <div className="actions">
          <input id="background-file" className="visually-hidden" type="file" accept="image/png,image/jpeg,.png,.jpg,.jpeg" disabled={busy} onChange={(e) => void chooseBackground(e.currentTarget)} />
          <label className={`btn btn-secondary${busy ? ' disabled' : ''}`} htmlFor="background-file">
            {t('operator.look.background')}
          </label>
          {settings.backgroundDataUri && (
            <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void save({ backgroundDataUri: '' })}>
              {t('operator.look.backgroundRemove')}
            </button>
          )}
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('operator.working') : t('operator.look.save')}
        </button>
      </div>
      <div id="look-message" role="status" aria-live="polite" data-testid="look-message">
        {error && <p className="operator-error">{error}</p>}
        {saved && <p className="operator-ok">{saved}</p>}
      </div>
    </form>
  );
}
