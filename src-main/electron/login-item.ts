// Optional start at login (electron.md §8). `app.setLoginItemSettings` works
// on macOS and Windows only; on Linux the installer adds an XDG autostart
// entry (~/.config/autostart/*.desktop) instead, and on a locked-down kiosk
// the OS kiosk shell or service manager starts the app (docs/installer.md, "Locking down
// the kiosk machine").
//
// KIOSK_START_AT_LOGIN=1 registers the login item, =0 removes it, unset
// leaves whatever is registered alone.

export interface LoginItemApp {
  setLoginItemSettings(settings: { openAtLogin: boolean }): void;
}

export type LoginItemOutcome = 'registered' | 'removed' | 'not-configured' | 'unsupported-platform';

export function applyStartAtLogin(options: {
  app: LoginItemApp;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  log: (line: string) => void;
}): LoginItemOutcome {
  const flag = options.env['KIOSK_START_AT_LOGIN'];
  if (flag !== '1' && flag !== '0') return 'not-configured';
  if (options.platform !== 'win32' && options.platform !== 'darwin') {
    options.log(`KIOSK_START_AT_LOGIN ignored on ${options.platform}: use an XDG autostart entry or the session's own start-up`);
    return 'unsupported-platform';
  }
  const openAtLogin = flag === '1';
  options.app.setLoginItemSettings({ openAtLogin });
  options.log(`start at login ${openAtLogin ? 'registered' : 'removed'}`);
  return openAtLogin ? 'registered' : 'removed';
}
