// One log line per event: text that came from a page or a setting (a donor's
// name, a Checkout failure, a kiosk id) cannot start a line of its own, fake
// a log entry or hide one with a carriage return (issue 14, item 10). Every
// control character, and the Unicode line and paragraph separators, is
// written as an escape; everything else passes unchanged. Escaping twice
// changes nothing more, so every log sink may apply it.

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function escapeLogLine(line: string): string {
  return line.replace(UNSAFE, (char) => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A log function that escapes every line before passing it on. */
export function escapingLog(log: (line: string) => void): (line: string) => void {
  return (line) => log(escapeLogLine(line));
}
