// The "Welcome screen and look" tab: the charity's message (per language), the
// event goal, the donor wall, the processing fee donors may add, and the two
// colours; the logo and the background picture below, saved as soon as one is
// chosen.
import type { EditableSettings, LocalizedText } from '../../../src-main/contract/kiosk-api.ts';
import { t, type MessageKey } from '../i18n/t.ts';
import { languageName, settingsChanges } from './changes.ts';
import { fieldId, problemText, wholeNumber } from './field-problems.ts';
import type { OperatorCaller } from './operator-api.ts';
import { KeptNotice, SaveBar } from './SaveBar.tsx';
import { useSettingsForm, type Parsed } from './settings-form.ts';
import { Choices, NumberField, TextField, TickBox, type Choice } from './touch/fields.tsx';
import { keysFor } from './touch/layouts.ts';

const MESSAGE_MAX = 200;

/** The fee choices, in percent of the gift (Razorpay's domestic fee is about 2%). */
const FEES = ['0', '1', '1.5', '2', '2.5', '3'];

/** Colours that keep white text on them readable; the renderer darkens any other further if needed (theme.ts). */
const PALETTE: { hex: string; name: MessageKey }[] = [
  { hex: '#9a3412', name: 'operator.colour.terracotta' },
  { hex: '#b91c1c', name: 'operator.colour.red' },
  { hex: '#be185d', name: 'operator.colour.rose' },
  { hex: '#7e22ce', name: 'operator.colour.purple' },
  { hex: '#1d4ed8', name: 'operator.colour.blue' },
  { hex: '#0f766e', name: 'operator.colour.teal' },
  { hex: '#15803d', name: 'operator.colour.green' },
  { hex: '#854d0e', name: 'operator.colour.ochre' },
  { hex: '#374151', name: 'operator.colour.slate' },
];

function colourChoices(current: string): Choice<string>[] {
  const choices: Choice<string>[] = PALETTE.map((c) => ({ value: c.hex, label: t(c.name), swatch: c.hex }));
  if (!PALETTE.some((c) => c.hex === current.toLowerCase())) choices.unshift({ value: current, label: t('operator.colour.current', { hex: current }), swatch: current });
  return choices;
}

interface WelcomeForm {
  message: Record<string, string>;
  goal: string;
  wall: boolean;
  fee: string;
  primary: string;
  accent: string;
}

type WelcomeRequest = Pick<EditableSettings, 'attractMessage' | 'goalRupees' | 'showDonorWall' | 'feeCoverPercent' | 'themeColor' | 'accentColor'>;

function toForm(s: EditableSettings, languages: readonly string[]): WelcomeForm {
  const message = s.attractMessage ?? { en: '' };
  return {
    message: Object.fromEntries(languages.map((code) => [code, message[code] ?? ''])),
    goal: String(s.goalRupees ?? 0),
    wall: s.showDonorWall ?? false,
    fee: String(s.feeCoverPercent ?? 0),
    primary: s.themeColor ?? PALETTE[0]?.hex ?? '#9a3412',
    accent: s.accentColor ?? '#0f766e',
  };
}

function parse(form: WelcomeForm): Parsed<WelcomeRequest> {
  const goal = wholeNumber(form.goal);
  if (goal === null) return { ok: false, errors: { goalRupees: problemText({ path: 'goalRupees', problem: form.goal.trim() === '' ? 'required' : 'not_whole' }) } };
  const attractMessage: LocalizedText = { en: form.message['en'] ?? '' };
  for (const [code, text] of Object.entries(form.message)) if (code !== 'en' && text.trim() !== '') attractMessage[code] = text;
  return {
    ok: true,
    request: { attractMessage, goalRupees: goal, showDonorWall: form.wall, feeCoverPercent: Number(form.fee), themeColor: form.primary, accentColor: form.accent },
  };
}

interface PanelProps {
  settings: EditableSettings;
  supportedLanguages: string[];
  call: OperatorCaller;
  onSaved: (settings: EditableSettings) => void;
}

export function WelcomePanel({ settings, supportedLanguages, call, onSaved }: PanelProps) {
  const languages = supportedLanguages.includes('en') ? supportedLanguages : ['en', ...supportedLanguages];
  const form = useSettingsForm({
    formId: 'welcome',
    label: t('operator.tab.welcome'),
    baseline: toForm(settings, languages),
    parse,
    save: (request: WelcomeRequest) => call((api) => api.updateSettings({ settings: request })),
    changes: (saved) => settingsChanges(settings, saved),
    toForm: (saved) => toForm(saved, languages),
    onSaved,
    prefix: 'settings',
  });
  const { draft, edit, errors } = form;
  const id = (path: string): string => fieldId('welcome', path);
  const fees = FEES.includes(draft.fee) ? FEES : [...FEES, draft.fee].sort((a, b) => Number(a) - Number(b));

  return (
    <form ref={form.formRef} className="op-form" onSubmit={(e) => void form.submit(e)} noValidate autoComplete="off" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">{t('operator.look.heading')}</h2>
      <KeptNotice kept={form.kept} />
      <div className="lang-row">
        {languages.map((code) => (
          <TextField
            key={code}
            id={id(`attractMessage.${code}`)}
            label={code === 'en' ? t('operator.look.message') : t('operator.look.messageIn', { language: languageName(code) })}
            lang={code}
            {...keysFor(code)}
            maxLength={MESSAGE_MAX}
            value={draft.message[code] ?? ''}
            onChange={(v) => edit({ message: { ...draft.message, [code]: v } })}
            {...(code === 'en' ? { hint: t('operator.look.messageHint') } : { hint: t('operator.causes.translationHint') })}
            error={errors[`attractMessage.${code}`]}
          />
        ))}
      </div>
      <div className="op-grid">
        <NumberField id={id('goalRupees')} label={t('operator.look.goal')} prefix="₹" maxLength={10} value={draft.goal} onChange={(v) => edit({ goal: v })} error={errors['goalRupees']} />
        <TickBox id={id('showDonorWall')} label={t('operator.look.wall')} checked={draft.wall} onChange={(v) => edit({ wall: v })} />
      </div>
      <Choices
        id={id('feeCoverPercent')}
        label={t('operator.look.fee')}
        value={draft.fee}
        choices={fees.map((fee) => ({ value: fee, label: fee === '0' ? t('operator.look.feeOff') : `${fee}%` }))}
        onChange={(v) => edit({ fee: v })}
        hint={t('operator.look.feeHint')}
        error={errors['feeCoverPercent']}
      />
      <Choices id={id('themeColor')} label={t('operator.look.primary')} value={draft.primary} choices={colourChoices(draft.primary)} onChange={(v) => edit({ primary: v })} error={errors['themeColor']} />
      <Choices id={id('accentColor')} label={t('operator.look.accent')} value={draft.accent} choices={colourChoices(draft.accent)} onChange={(v) => edit({ accent: v })} error={errors['accentColor']} />
      <SaveBar id="welcome" note={t('operator.save.donorsSee')} status={form.status} busy={form.busy} saveLabel={t('operator.look.save')} />
    </form>
  );
}
