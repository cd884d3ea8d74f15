// Styles of the checkout frame. The frame covers the whole viewport (like the real
// one) but is transparent: checkout.js's container draws the backdrop; the frame
// draws the modal. Sized for a kiosk touchscreen: large text, 60 px+ targets,
// high-contrast focus rings.

export const FRAME_STYLES = String.raw`
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; background: transparent; }
body {
  font: 18px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: #17202e;
  display: flex; align-items: center; justify-content: center;
  padding: 16px;
}
[hidden] { display: none !important; }
.backdrop { position: fixed; inset: 0; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

.modal {
  position: relative; width: 100%; max-width: 520px; max-height: calc(100vh - 32px);
  display: flex; flex-direction: column;
  background: #fff; border-radius: 14px; overflow: hidden;
  box-shadow: 0 18px 50px rgba(0, 0, 0, 0.35);
}
.sim-strip {
  background: repeating-linear-gradient(45deg, #ffd43b, #ffd43b 14px, #fab005 14px, #fab005 28px);
  color: #1a1300; font-weight: 800; font-size: 15px; letter-spacing: 0.05em;
  text-align: center; padding: 6px 12px; border-bottom: 2px solid #1a1300;
}
.header { position: relative; padding: 18px 20px 18px; color: var(--on-theme, #fff); background: var(--theme, #2b5fd9); }
.header-top { display: flex; align-items: center; gap: 14px; padding-right: 56px; }
.logo {
  flex: none; width: 52px; height: 52px; border-radius: 10px; background: #fff; color: #17202e;
  display: flex; align-items: center; justify-content: center; font-weight: 800; font-size: 24px; overflow: hidden;
}
.logo img { width: 100%; height: 100%; object-fit: contain; }
.merchant h1 { margin: 0; font-size: 22px; line-height: 1.2; }
.merchant p { margin: 2px 0 0; font-size: 16px; opacity: 0.92; }
.test-badge {
  display: inline-block; margin-top: 6px; padding: 2px 10px; border-radius: 999px;
  background: #ffd43b; color: #1a1300; border: 2px solid #1a1300; /* visible on light and dark themes */
  font-size: 13px; font-weight: 800; letter-spacing: 0.06em; text-transform: uppercase;
}
.close {
  position: absolute; top: 12px; right: 12px; width: 52px; height: 52px; border-radius: 50%;
  border: 2px solid currentColor; background: transparent; color: inherit;
  font-size: 30px; line-height: 1; cursor: pointer; display: flex; align-items: center; justify-content: center;
}
.amount-row { display: flex; align-items: baseline; justify-content: space-between; gap: 12px; margin-top: 14px; flex-wrap: wrap; }
.amount { font-size: 30px; font-weight: 800; }
.prefill { font-size: 15px; opacity: 0.92; display: flex; flex-direction: column; align-items: flex-end; }

.nav { display: flex; align-items: center; padding: 8px 12px 0; }
.back {
  min-height: 48px; padding: 8px 14px; border: 0; background: transparent; color: #1f4fbf;
  font: inherit; font-weight: 700; cursor: pointer; border-radius: 8px;
}
.content { padding: 12px 20px 22px; overflow-y: auto; }
.content h2 { font-size: 20px; margin: 6px 0 14px; }
.content p { margin: 0 0 14px; }
.muted { color: #4a5568; font-size: 16px; }

.blocks { display: flex; flex-direction: column; gap: 18px; }
.block h3 { margin: 0 0 10px; font-size: 15px; text-transform: uppercase; letter-spacing: 0.05em; color: #4a5568; }
.methods { display: flex; flex-direction: column; gap: 12px; }
.hint { font-size: 15px; color: #4a5568; margin: 6px 0 0; }
#upi-collect-form { margin-top: 18px; padding-top: 14px; border-top: 1px solid #d5dbe5; }
.method {
  display: flex; align-items: center; gap: 16px; width: 100%; min-height: 76px; padding: 12px 16px;
  border: 2px solid #d5dbe5; border-radius: 12px; background: #fff; color: #17202e;
  font: inherit; text-align: left; cursor: pointer;
}
.method:hover { border-color: #2b5fd9; background: #f5f8ff; }
.method-icon { flex: none; width: 44px; height: 44px; border-radius: 10px; background: #eef2fb; display: flex; align-items: center; justify-content: center; }
.method-icon svg { width: 28px; height: 28px; }
.method-text { flex: 1; display: flex; flex-direction: column; }
.method-text strong { font-size: 19px; }
.method-text span { font-size: 15px; color: #4a5568; }
.chevron { font-size: 28px; color: #7a8599; }

.qr-wrap { display: flex; flex-direction: column; align-items: center; gap: 8px; margin-bottom: 14px; }
.qr { width: 200px; height: 200px; padding: 10px; border: 1px solid #d5dbe5; border-radius: 10px; background: #fff; }
.qr svg { width: 100%; height: 100%; display: block; }
.qr-caption { font-size: 15px; color: #4a5568; text-align: center; }

.sim-box { border: 2px dashed #c28a00; background: #fff9e6; border-radius: 12px; padding: 12px 14px 14px; }
.sim-box h3 { margin: 0 0 10px; font-size: 15px; text-transform: uppercase; letter-spacing: 0.05em; color: #6b4e00; }
.stack { display: flex; flex-direction: column; gap: 10px; }

label { display: block; font-weight: 700; margin-bottom: 6px; }
input[type="text"], select {
  width: 100%; min-height: 60px; padding: 10px 14px; font: inherit; font-size: 22px; letter-spacing: 0.04em;
  border: 2px solid #8a94a6; border-radius: 10px; background: #fff; color: #17202e;
}
select { font-size: 20px; letter-spacing: 0; }
input[aria-invalid="true"] { border-color: #b42318; }
.field { margin-bottom: 14px; }
.field-error { color: #b42318; font-weight: 600; margin: 6px 0 0; }
.test-cards { display: flex; flex-direction: column; gap: 8px; margin-top: 18px; padding-top: 14px; border-top: 1px solid #d5dbe5; }
.test-cards .hint { font-size: 15px; color: #4a5568; margin: 0; }

.btn {
  display: block; width: 100%; min-height: 62px; padding: 12px 18px; border-radius: 12px;
  font: inherit; font-size: 20px; font-weight: 700; cursor: pointer; text-align: center;
}
.btn-primary { background: #1f4fbf; border: 2px solid #1f4fbf; color: #fff; }
.btn-primary:hover { background: #173d94; }
.btn-success { background: #157a3c; border: 2px solid #157a3c; color: #fff; }
.btn-danger { background: #fff; border: 2px solid #b42318; color: #b42318; }
.btn-secondary { background: #fff; border: 2px solid #8a94a6; color: #17202e; }
.btn:disabled { opacity: 0.55; cursor: default; }
.btn-small { min-height: 52px; font-size: 17px; font-weight: 600; }

.status { text-align: center; padding: 18px 0 6px; }
.status h2 { margin: 12px 0 8px; }
.status-icon { width: 76px; height: 76px; border-radius: 50%; margin: 0 auto; display: flex; align-items: center; justify-content: center; font-size: 42px; font-weight: 800; color: #fff; }
.status-icon.ok { background: #157a3c; }
.status-icon.bad { background: #b42318; }
.spinner { width: 64px; height: 64px; margin: 0 auto; border-radius: 50%; border: 7px solid #d5dbe5; border-top-color: #1f4fbf; animation: spin 0.9s linear infinite; }
@keyframes spin { to { transform: rotate(360deg); } }
.no-animation .spinner, .no-animation * { animation-duration: 0s !important; }
@media (prefers-reduced-motion: reduce) { .spinner { animation-duration: 2.5s; } }
.error-text { color: #17202e; }
.alert { border-left: 6px solid #b42318; background: #fdecea; padding: 10px 14px; border-radius: 8px; margin: 0 0 14px; }

.confirm-layer { position: absolute; inset: 0; background: rgba(15, 23, 42, 0.55); display: flex; align-items: center; justify-content: center; padding: 20px; }
.confirm { background: #fff; border-radius: 14px; padding: 22px; width: 100%; max-width: 380px; box-shadow: 0 10px 30px rgba(0,0,0,0.3); }
.confirm h2 { margin: 0 0 8px; font-size: 22px; }
.confirm p { margin: 0 0 18px; }

button:focus-visible, select:focus-visible, input:focus-visible { outline: 4px solid #ffbf47; outline-offset: 2px; }
/* Headings take focus when a view changes (screen readers announce them); no ring needed. */
[tabindex="-1"]:focus { outline: none; }
/* Short landscape screens: keep the pay buttons within reach. */
@media (max-height: 700px) {
  body { padding: 8px; }
  .modal { max-height: calc(100vh - 16px); }
  .header { padding: 12px 16px; }
  .logo { width: 40px; height: 40px; font-size: 20px; }
  .amount-row { margin-top: 8px; }
  .amount { font-size: 24px; }
  .content { padding: 8px 16px 16px; }
  .method { min-height: 64px; }
  .qr { width: 160px; height: 160px; }
}
.standalone { background: #fff; padding: 24px; border-radius: 12px; max-width: 520px; }
`;
