// Preloaded (node --import) into the kiosk process by the crash harness only.
// Moves the process's wall clock (Date.now) by the number of milliseconds in
// the file KIOSK_CRASH_CLOCK_FILE names, read again whenever it may have
// changed: the harness jumps the kiosk's clock forward and back while it
// runs, as NTP, an operator or a flat CMOS battery would. The monotonic clock
// (performance.now) is left alone, as an operating system leaves it.
import { readFileSync } from 'node:fs';

const file = process.env['KIOSK_CRASH_CLOCK_FILE'];
if (file) {
  const realNow = Date.now.bind(Date);
  let offset = 0;
  let readAt = Number.NEGATIVE_INFINITY;
  Date.now = () => {
    const at = performance.now();
    if (at - readAt > 20) {
      readAt = at;
      try {
        offset = Number(readFileSync(file, 'utf8')) || 0;
      } catch {
        // Being rewritten: keep the last offset.
      }
    }
    return realNow() + offset;
  };
}
export {};
