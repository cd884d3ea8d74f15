import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { KioskFlow } from './flow/controller.ts';
import './styles.css';

// A kiosk: no long-press / right-click menu (text fields keep theirs for paste).
window.addEventListener('contextmenu', (e) => {
  if (!(e.target instanceof HTMLInputElement)) e.preventDefault();
});

// Ask main for the kiosk's state now, while React renders the first frame.
const flow = new KioskFlow();
void flow.boot();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App flow={flow} />
    </StrictMode>,
  );
}
