// Unsaved edits in the console are never lost without asking: each form keeps
// its draft here, the console asks before a tab change or Done takes the
// operator away from one, and a draft outlives the console itself when the
// operator session ends by itself (the PIN pad shows; after the PIN the form
// comes back with the edits, and says so). Done, once confirmed, drops them.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { t } from '../i18n/t.ts';

/** Drafts by form, kept while the operator screens are loaded (the console may unmount and come back). */
const drafts = new Map<string, { label: string; value: unknown }>();

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

interface OpenForm {
  label: string;
  dirty: boolean;
  discard: () => void;
}

interface UnsavedRegistry {
  report: (formId: string, form: OpenForm | null) => void;
}

const UnsavedContext = createContext<UnsavedRegistry | null>(null);

export interface Draft<T> {
  draft: T;
  /** The form's saved state, as main last answered. */
  baseline: T;
  setDraft: (next: T) => void;
  dirty: boolean;
  /** The draft was kept from before the console last closed (the session ended). */
  kept: boolean;
  /** After a save: the new saved state is the draft. */
  saved: (next: T) => void;
  discard: () => void;
}

/** A form's editable copy of `baseline`, reported to the console while it differs. */
export function useDraft<T>(formId: string, label: string, baseline: T): Draft<T> {
  const registry = useContext(UnsavedContext);
  const [kept] = useState(() => drafts.has(formId));
  const [draft, setDraftState] = useState<T>(() => (drafts.has(formId) ? (drafts.get(formId)?.value as T) : baseline));
  const [base, setBase] = useState<T>(baseline);
  // New settings from main (another form saved, the overview reloaded): an untouched draft follows them.
  if (!same(base, baseline)) {
    setBase(baseline);
    if (same(draft, base)) setDraftState(baseline);
  }
  const dirty = !same(draft, baseline);

  const setDraft = useCallback(
    (next: T) => {
      setDraftState(next);
      if (same(next, baseline)) drafts.delete(formId);
      else drafts.set(formId, { label, value: next });
    },
    [baseline, formId, label],
  );
  const discard = useCallback(() => {
    drafts.delete(formId);
    setDraftState(baseline);
  }, [baseline, formId]);
  const saved = useCallback(
    (next: T) => {
      drafts.delete(formId);
      setDraftState(next);
    },
    [formId],
  );

  useEffect(() => {
    registry?.report(formId, { label, dirty, discard });
  }, [registry, formId, label, dirty, discard]);
  useEffect(() => () => registry?.report(formId, null), [registry, formId]);

  return { draft, baseline, setDraft, dirty, kept: kept && dirty, saved, discard };
}

/** Forgets every kept draft (Done, after the operator chose to leave them). */
export function dropAllDrafts(): void {
  drafts.clear();
}

/** Forms whose drafts were kept (their tab is not showing, or the console itself closed). */
function keptDrafts(except: ReadonlySet<string>): [string, OpenForm][] {
  return [...drafts]
    .filter(([formId]) => !except.has(formId))
    .map(([formId, { label }]) => [formId, { label, dirty: true, discard: () => drafts.delete(formId) }]);
}

interface Pending {
  forms: OpenForm[];
  proceed: () => void;
}

/**
 * The console's guard: `guard(action)` runs `action` at once when no form has
 * unsaved edits, and otherwise asks first: keep editing, or discard and go on.
 */
/** `guard(action, 'showing')` asks about the forms on screen (a tab change); `guard(action, 'all')` about every kept draft too (Done). */
export type Guard = (action: () => void, scope: 'showing' | 'all') => void;

export function UnsavedGuard({ children }: { children: (guard: Guard, dirtyForms: ReadonlySet<string>) => ReactNode }) {
  const forms = useRef(new Map<string, OpenForm>());
  const [dirtyForms, setDirtyForms] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState<Pending | null>(null);

  const registry = useMemo<UnsavedRegistry>(
    () => ({
      report: (formId, form) => {
        if (form === null) forms.current.delete(formId);
        else forms.current.set(formId, form);
        const dirty = new Set([...[...forms.current].filter(([, f]) => f.dirty).map(([id]) => id), ...drafts.keys()]);
        setDirtyForms((before) => (same([...before], [...dirty]) ? before : dirty));
      },
    }),
    [],
  );

  const guard = useCallback<Guard>((action, scope) => {
    const showing = [...forms.current.values()].filter((f) => f.dirty);
    const open = scope === 'all' ? [...showing, ...keptDrafts(new Set(forms.current.keys())).map(([, f]) => f)] : showing;
    if (open.length === 0) action();
    else setPending({ forms: open, proceed: action });
  }, []);

  return (
    <UnsavedContext.Provider value={registry}>
      {children(guard, dirtyForms)}
      {pending && (
        <div className="dialog-backdrop">
          <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="unsaved-heading" aria-describedby="unsaved-body" data-testid="unsaved-dialog">
            <h2 id="unsaved-heading">{t('operator.unsaved.heading')}</h2>
            <p id="unsaved-body">{t('operator.unsaved.body', { forms: pending.forms.map((f) => f.label).join(', ') })}</p>
            <div className="actions">
              {/* Keeping the edits is the safe choice, so it takes the focus. */}
              <button type="button" className="btn btn-primary" autoFocus onClick={() => setPending(null)}>
                {t('operator.unsaved.keep')}
              </button>
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => {
                  for (const form of pending.forms) form.discard();
                  setPending(null);
                  pending.proceed();
                }}
              >
                {t('operator.unsaved.discard')}
              </button>
            </div>
          </div>
        </div>
      )}
    </UnsavedContext.Provider>
  );
}
