import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { KioskFlow } from './flow/controller.ts';
import { neutraliseNativeDialogs } from '../../src-shared/native-dialog-guard.ts';
import './styles.css';

// Before anything else runs in this page (Razorpay's checkout.js loads later):
// no print dialog, file chooser or file picker (issue 14, item 5).
neutraliseNativeDialogs();

// A kiosk: no long-press / right-click menu (text fields keep theirs for paste).
window.addEventListener('contextmenu', (e) => {
  if (!(e.target instanceof HTMLInputElement)) e.preventDefault();
});

/**
 * How long the first render waits for main's answer. Main usually answers
 * within milliseconds, and rendering the welcome screen once is cheaper than
 * rendering "Starting…" and then the welcome screen (issue 8); a slow answer
 * still gets the starting screen this soon.
 */
const FIRST_RENDER_WAIT_MS = 300;

const flow = new KioskFlow();
const booted = flow.boot();

const root = document.getElementById('root');
if (root) {
  const render = () =>
    createRoot(root).render(
      <StrictMode>
        <App flow={flow} />
      </StrictMode>,
    );
  void Promise.race([booted, new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS))]).then(render);
}
