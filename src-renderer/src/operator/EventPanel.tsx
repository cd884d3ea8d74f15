// The "Event and kiosk" tab: the organisation, the event (its name and first
// day: "this event" totals count from it), the kiosk's id, the donor screens'
// language and how long the kiosk waits before "Are you still there?".
import type { EditableSettings } from '../../../src-main/contract/kiosk-api.ts';
import { t } from '../i18n/t.ts';
import { languageName, settingsChanges } from './changes.ts';
import { fieldId, problemText } from './field-problems.ts';
import type { OperatorCaller } from './operator-api.ts';
import { KeptNotice, SaveBar } from './SaveBar.tsx';
import { useSettingsForm, type Parsed } from './settings-form.ts';
import { DateField } from './touch/DateField.tsx';
import { Choices, NumberField, TextField } from './touch/fields.tsx';
import { wholeNumber } from './field-problems.ts';

interface EventForm {
  organisationName: string;
  eventId: string;
  eventName: string;
  eventStartDate: string;
  kioskId: string;
  language: string;
  idle: string;
}

type EventRequest = Pick<EditableSettings, 'organisationName' | 'eventId' | 'eventName' | 'eventStartDate' | 'kioskId' | 'language' | 'idleResetSeconds'>;

function toForm(s: EditableSettings): EventForm {
  return { organisationName: s.organisationName, eventId: s.eventId, eventName: s.eventName, eventStartDate: s.eventStartDate, kioskId: s.kioskId, language: s.language, idle: String(s.idleResetSeconds) };
}

function parse(form: EventForm): Parsed<EventRequest> {
  const idle = wholeNumber(form.idle);
  if (idle === null) return { ok: false, errors: { idleResetSeconds: problemText({ path: 'idleResetSeconds', problem: form.idle.trim() === '' ? 'required' : 'not_whole' }) } };
  const { organisationName, eventName, eventStartDate, kioskId, language } = form;
  return { ok: true, request: { organisationName, eventId: form.eventId.trim(), eventName, eventStartDate, kioskId, language, idleResetSeconds: idle } };
}

interface PanelProps {
  settings: EditableSettings;
  supportedLanguages: string[];
  call: OperatorCaller;
  onSaved: (settings: EditableSettings) => void;
}

export function EventPanel({ settings, supportedLanguages, call, onSaved }: PanelProps) {
  const form = useSettingsForm({
    formId: 'event',
    label: t('operator.tab.event'),
    baseline: toForm(settings),
    parse,
    save: (request: EventRequest) => call((api) => api.updateSettings({ settings: request })),
    changes: (saved) => settingsChanges(settings, saved),
    toForm,
    onSaved,
    prefix: 'settings',
  });
  const { draft, edit, errors } = form;
  const id = (path: string): string => fieldId('event', path);

  return (
    <form ref={form.formRef} className="op-form" onSubmit={(e) => void form.submit(e)} noValidate autoComplete="off" aria-labelledby="event-heading">
      <h2 id="event-heading">{t('operator.event.heading')}</h2>
      <KeptNotice kept={form.kept} />
      <div className="op-grid">
        <TextField id={id('organisationName')} label={t('operator.settings.organisationName')} value={draft.organisationName} maxLength={80} onChange={(v) => edit({ organisationName: v })} error={errors['organisationName']} />
        <TextField id={id('kioskId')} label={t('operator.settings.kioskId')} value={draft.kioskId} maxLength={12} onChange={(v) => edit({ kioskId: v })} hint={t('operator.settings.kioskIdHint')} error={errors['kioskId']} />
        <TextField id={id('eventName')} label={t('operator.settings.eventName')} value={draft.eventName} maxLength={80} onChange={(v) => edit({ eventName: v })} error={errors['eventName']} />
        <TextField
          id={id('eventId')}
          label={t('operator.settings.eventId')}
          value={draft.eventId}
          maxLength={24}
          onChange={(v) => edit({ eventId: v })}
          hint={t('operator.settings.eventIdHint')}
          error={errors['eventId']}
        />
        <DateField
          id={id('eventStartDate')}
          label={t('operator.settings.eventStartDate')}
          value={draft.eventStartDate}
          optional
          onChange={(v) => edit({ eventStartDate: v })}
          hint={t('operator.settings.eventStartDateHint')}
          error={errors['eventStartDate']}
        />
        <Choices
          id={id('language')}
          label={t('operator.settings.language')}
          value={draft.language}
          choices={supportedLanguages.map((code) => ({ value: code, label: languageName(code) }))}
          onChange={(v) => edit({ language: v })}
          error={errors['language']}
        />
        <NumberField id={id('idleResetSeconds')} label={t('operator.settings.idle')} value={draft.idle} maxLength={3} onChange={(v) => edit({ idle: v })} error={errors['idleResetSeconds']} />
      </div>
      <SaveBar id="event" note={t('operator.save.donorsSee')} status={form.status} busy={form.busy} saveLabel={t('operator.settings.save')} />
    </form>
  );
}
