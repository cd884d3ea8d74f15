import { useLayoutEffect, useSyncExternalStore, type ReactNode } from 'react';
import { IdleGuard, StillTherePrompt } from './components/IdlePrompt.tsx';
import type { KioskFlow } from './flow/controller.ts';
import { idleWatches } from './flow/idle.ts';
import { chosenAmount, currentCause, totalToPay, type FlowState } from './flow/state.ts';
import { detailsEmpty } from './flow/validation.ts';
import { applyBranding } from './theme.ts';
import { t } from './i18n/t.ts';
import { Amount } from './screens/Amount.tsx';
import { OutOfService, SetupError, StartError, Starting } from './screens/Boot.tsx';
import { Details } from './screens/Details.tsx';
import { TaxStep } from './screens/TaxStep.tsx';
import { Failure } from './screens/Failure.tsx';
import { ThankYou } from './screens/ThankYou.tsx';
import { Waiting } from './screens/Waiting.tsx';
import { Welcome } from './screens/Welcome.tsx';
import { OperatorCorner } from './operator/OperatorCorner.tsx';

/** `flow` is already booting (main.tsx starts it before the first render, so main's answer is on its way sooner). */
export function App({ flow }: { flow: KioskFlow }) {
  const state = useSyncExternalStore(flow.subscribe, flow.getState);

  // The page speaks the donor's language (screen readers, hyphenation, axe) and wears the charity's look.
  useLayoutEffect(() => {
    document.documentElement.lang = state.language;
    document.title = t('app.title');
  }, [state.language]);
  useLayoutEffect(() => {
    document.documentElement.classList.toggle('high-contrast', state.highContrast);
  }, [state.highContrast]);
  const branding = state.kiosk?.branding;
  useLayoutEffect(() => {
    if (branding) applyBranding(branding);
  }, [branding]);

  const content = currentScreen(flow, state);
  if (state.screen.name === 'checkout' && state.checkoutPrompt !== null) {
    // The payment window has been left with no payment under way (flow/checkout-watch.ts).
    return (
      <>
        {content}
        <StillTherePrompt secondsLeft={state.checkoutPrompt} onStay={() => flow.stillPaying()} onStartOver={() => flow.leave()} note="idle.checkoutNote" />
      </>
    );
  }
  // The operator console is another page (its own window or origin: operator-main.tsx); the corner only asks for it.
  if (state.screen.name === 'welcome') {
    return (
      <>
        {content}
        <OperatorCorner />
      </>
    );
  }
  if (!state.kiosk || !idleWatches(state.screen.name)) return content;
  // The same tree on amount, details and 80G, so the idle watch carries on across them.
  return (
    <>
      {content}
      <IdleGuard kiosk={state.kiosk} onStartOver={() => flow.leave()} />
    </>
  );
}

function currentScreen(flow: KioskFlow, state: FlowState): ReactNode {
  const { screen, kiosk } = state;
  switch (screen.name) {
    case 'starting':
      return <Starting />;
    case 'start-error':
      return <StartError onRetry={() => void flow.boot()} />;
    case 'setup-error':
      return <SetupError />;
    case 'out-of-service':
      return <OutOfService operatorMessage={screen.operatorMessage} mode={kiosk?.mode} />;
  }
  if (!kiosk) return <Starting />;

  switch (screen.name) {
    case 'welcome':
      return (
        <Welcome
          kiosk={kiosk}
          status={state.status}
          attract={state.attract}
          language={state.language}
          highContrast={state.highContrast}
          onBegin={(choice) => void flow.begin(choice)}
          onLanguage={(code) => flow.chooseLanguage(code)}
          onContrast={() => flow.toggleContrast()}
        />
      );
    case 'amount':
      return (
        <Amount
          kiosk={kiosk}
          cause={currentCause(state)}
          form={state.amount}
          chosen={chosenAmount(state)}
          detailsGiven={!detailsEmpty(state.details)}
          onPreset={(n) => flow.choosePreset(n)}
          onOther={(text) => flow.typeOtherAmount(text)}
          onCoverFee={(on) => flow.setCoverFee(on)}
          onPay={() => flow.pay()}
          onAddDetails={() => flow.addDetails()}
          onBack={() => flow.back()}
        />
      );
    case 'details':
      return (
        <Details
          kiosk={kiosk}
          form={state.details}
          amount={totalToPay(state)?.total ?? null}
          onEdit={(patch) => flow.editDetails(patch)}
          onContinue={() => flow.submitDetails()}
          onBack={() => flow.back()}
        />
      );
    case 'tax':
      return (
        <TaxStep
          kiosk={kiosk}
          draft={state.details.taxReceipt}
          donorName={state.details.name}
          amount={totalToPay(state)?.total ?? null}
          onChange={(taxReceipt) => flow.editDetails({ taxReceipt })}
          onContinue={() => flow.submitTax()}
          onBack={() => flow.back()}
        />
      );
    case 'opening':
    case 'checkout':
    case 'verifying':
      return <Waiting name={screen.name} mode={kiosk.mode} />;
    case 'thank-you':
      return <ThankYou kiosk={kiosk} receipt={screen.receipt} onDone={() => flow.leave()} />;
    case 'failure':
      return <Failure kiosk={kiosk} failure={screen.failure} onRetry={() => void flow.retry()} onHome={() => flow.leave()} />;
  }
}
