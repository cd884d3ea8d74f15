// The operator console's page: its own document on its own origin
// (app://operator, or the console's port in browser mode), with the operator
// API only (issue 14, item 3). The donor page never loads this code.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Operator } from './operator/Operator.tsx';
import { setLanguage, t } from './i18n/t.ts';
import './styles.css';

// The language the donor screen was showing when the console was asked for (an unknown code falls back to English).
const language = setLanguage(new URLSearchParams(window.location.search).get('lang') ?? '');
document.documentElement.lang = language;
document.title = t('operator.console.heading');

// Operator screens are a kiosk too: no long-press / right-click menu (text fields keep theirs for paste).
window.addEventListener('contextmenu', (e) => {
  if (!(e.target instanceof HTMLInputElement)) e.preventDefault();
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Operator />
    </StrictMode>,
  );
}
