// Preloaded (node --import) into the kiosk process by the crash harness only.
// Moves the process's clock forward by KIOSK_CRASH_CLOCK_OFFSET_MS, as if the
// kiosk had stayed off that long after a crash. Reconciliation leaves a
// donation alone while its donor may still be paying in Checkout (minutes), so
// without this a crash-and-restart run would have to wait in real time.
const offset = Number(process.env['KIOSK_CRASH_CLOCK_OFFSET_MS'] ?? 0);
if (Number.isFinite(offset) && offset > 0) {
  const realNow = Date.now.bind(Date);
  Date.now = () => realNow() + offset;
}
export {};
