// One way every console form saves: the draft (unsaved.tsx) goes to main as
// a request; a refusal comes back per field and is said next to each field;
// a save says exactly what changed, or that nothing did.
import { useRef, useState, type FormEvent, type RefObject } from 'react';
import type { Result } from '../../../src-main/contract/kiosk-api.ts';
import { t } from '../i18n/t.ts';
import { fieldErrorsOf, fieldId, type FieldErrors } from './field-problems.ts';
import { useHideKeys } from './touch/typing.tsx';
import { useDraft } from './unsaved.tsx';

export type Status = { kind: 'saved' | 'refused' | 'unchanged'; text: string } | null;

export type Parsed<R> = { ok: true; request: R } | { ok: false; errors: FieldErrors };

interface SettingsFormOptions<F, R, S> {
  /** The form's id: its draft's key, and the prefix of its fields' ids (fieldId(formId, path)). */
  formId: string;
  /** The form's name in "Unsaved changes in: …". */
  label: string;
  baseline: F;
  /** The draft as main's request, or what is wrong with it field by field (numbers that are not numbers). */
  parse: (draft: F) => Parsed<R>;
  /** Null when the operator session had ended (the draft is kept for after the PIN). */
  save: (request: R) => Promise<Result<S> | null>;
  /** What changed between the settings before and `saved`, in the operator's words. */
  changes: (saved: S) => string[];
  toForm: (saved: S) => F;
  onSaved: (saved: S) => void;
  /** The request's own nesting of the fields ("settings"), taken off main's paths. */
  prefix?: string;
  /** Something typed outside the draft (a password, never kept in one) makes the form worth saving. */
  alsoChanged?: boolean;
  /** The amount limits a "preset outside the limits" refusal names, from the draft. */
  limits?: (draft: F) => { min: number; max: number };
}

export interface SettingsForm<F> {
  draft: F;
  edit: (patch: Partial<F>) => void;
  set: (next: F) => void;
  dirty: boolean;
  kept: boolean;
  errors: FieldErrors;
  status: Status;
  busy: boolean;
  submit: (e?: FormEvent) => Promise<void>;
  formRef: RefObject<HTMLFormElement | null>;
}

export function useSettingsForm<F, R, S>(options: SettingsFormOptions<F, R, S>): SettingsForm<F> {
  const { draft, setDraft, dirty, kept, saved } = useDraft(options.formId, options.label, options.baseline);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement | null>(null);
  const hideKeys = useHideKeys();

  const set = (next: F): void => {
    setDraft(next);
    setStatus(null);
  };
  const edit = (patch: Partial<F>): void => set({ ...draft, ...patch });

  const refuse = (found: FieldErrors): void => {
    setErrors(found);
    // The keys make way for the fields marked and the summary; a tap on a field brings them back.
    hideKeys();
    const count = Object.keys(found).length;
    const summary = t(count === 1 ? 'operator.save.refused.one' : 'operator.save.refused.other', { n: count });
    setStatus({ kind: 'refused', text: summary });
    requestAnimationFrame(() => {
      // A problem with no field of its own on screen is said in the summary instead, so none goes unsaid.
      const unplaced = Object.entries(found).filter(([path]) => document.getElementById(fieldId(options.formId, path)) === null);
      if (unplaced.length > 0) setStatus({ kind: 'refused', text: `${summary} ${unplaced.map(([, text]) => text).join(' ')}` });
      // Take the operator to the first field to put right.
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.scrollIntoView({ block: 'center', behavior: 'instant' });
    });
  };

  const submit = async (e?: FormEvent): Promise<void> => {
    e?.preventDefault();
    if (busy) return;
    if (!dirty && !options.alsoChanged) {
      setErrors({});
      setStatus({ kind: 'unchanged', text: t('operator.save.nothing') });
      return;
    }
    const parsed = options.parse(draft);
    if (!parsed.ok) {
      refuse(parsed.errors);
      return;
    }
    setBusy(true);
    const result = await options.save(parsed.request);
    setBusy(false);
    if (!result) return;
    if (!result.ok) {
      const found = fieldErrorsOf(result.error, { ...(options.prefix ? { prefix: options.prefix } : {}), ...(options.limits ? { limits: options.limits(draft) } : {}) });
      if (Object.keys(found).length > 0) refuse(found);
      else {
        setErrors({});
        // No field to point at (the settings file, the kiosk): main's own plain words.
        setStatus({ kind: 'refused', text: `${t('operator.save.failed')} ${result.error.message}` });
      }
      return;
    }
    const changed = options.changes(result.value);
    saved(options.toForm(result.value));
    setErrors({});
    hideKeys();
    options.onSaved(result.value);
    setStatus({ kind: 'saved', text: changed.length === 0 ? t('operator.save.savedSame') : t('operator.save.saved', { changes: changed.join('; ') }) });
  };

  return { draft, edit, set, dirty, kept, errors, status, busy, submit, formRef };
}
