// The packaged-app audit (tests/tools/packaging/) must catch what it is there
// to catch: npm run package:check passes only if these fail on bad input.
import { describe, expect, it } from 'vitest';
import { auditAsar, auditFuses, namedPackageImports, RELEASE_FUSES, type AsarFile } from '../tools/packaging/asar-audit.ts';
import { loadBuilderConfig, validateBuilderConfig } from '../tools/packaging/builder-config.ts';
import { FUSE_ORDER, FUSE_SENTINEL, readFuseWire } from '../tools/packaging/stand-in-electron.ts';

const GOOD: AsarFile[] = [
  { path: '/package.json', text: '{"name":"donation-kiosk","main":"out/main/index.js"}' },
  { path: '/out/main/index.js', text: 'const pattern = "rzp_test_XXXXXXXXXXXXXX";' },
  { path: '/out/preload/index.cjs', text: '"use strict";' },
  { path: '/out/renderer/index.html', text: '<!doctype html>' },
  { path: '/out/renderer/assets/index-abc.js', text: 'export{}' },
  ...['electron-updater', 'zod', 'razorpay'].map((name) => ({ path: `/node_modules/${name}/package.json`, text: '{}' })),
];

const audit = (extra: AsarFile[], release = true, knownSecrets: string[] = []) => auditAsar([...GOOD, ...extra], { release, knownSecrets });

describe('asar audit', () => {
  it('passes the bundles, runtime packages and placeholder key ids', () => {
    expect(audit([])).toEqual([]);
  });

  it('fails a package without the main, preload or renderer bundle', () => {
    const problems = auditAsar(GOOD.filter((file) => !file.path.startsWith('/out/preload/')), { release: true, knownSecrets: [] });
    expect(problems).toEqual(['missing /out/preload/index.cjs']);
  });

  it('fails tests, sources, source maps in release, .env and key files, kiosk data and dev packages', () => {
    expect(
      audit([
        { path: '/tests/unit/ledger.test.ts', text: null },
        { path: '/src-main/electron/main.ts', text: null },
        { path: '/out/main/index.js.map', text: null },
        { path: '/out/renderer/.env', text: 'KIOSK_RAZORPAY_KEY_SECRET=abc' },
        { path: '/signing.p12', text: null },
        { path: '/ledger.sqlite3', text: null },
        { path: '/node_modules/vitest/package.json', text: '{}' },
      ]),
    ).toEqual([
      'development package shipped: vitest',
      'source or test tree shipped: /tests/unit/ledger.test.ts',
      'source or test tree shipped: /src-main/electron/main.ts',
      'source map in a release build: /out/main/index.js.map',
      'secrets file shipped: /out/renderer/.env',
      'secrets file shipped: /signing.p12',
      'kiosk data file shipped: /ledger.sqlite3',
    ]);
  });

  it('allows source maps in the e2e build only', () => {
    expect(audit([{ path: '/out/main/index.js.map', text: '{}' }], false)).toEqual([]);
    expect(audit([{ path: '/out/main/a.js', text: 'x\n//# sourceMappingURL=a.js.map' }])).toEqual(['source map reference in a release build: /out/main/a.js']);
  });

  it('fails real-looking key ids, written-out secrets and this build\'s own secret', () => {
    expect(
      audit(
        [
          { path: '/out/main/keys.js', text: 'const id = "rzp_live_AbCdEf1234567Z";' },
          { path: '/out/main/config.json', text: '{"keySecret": "A1b2C3d4E5f6G7h8I9j0"}' },
          { path: '/out/main/other.js', text: 'fetch(u, { s: "s3cretValueFromEnv42" })' },
        ],
        true,
        ['s3cretValueFromEnv42'],
      ),
    ).toEqual([
      'Razorpay key id in /out/main/keys.js: rzp_live_AbCd…',
      'key secret literal in /out/main/config.json: keySecret=…',
      "this build's key secret is in /out/main/other.js",
    ]);
  });
});

describe('main bundle imports', () => {
  it('lists the named imports of packages, not of node: built-ins, electron or default imports', () => {
    const bundle = [
      'import { readFileSync } from "node:fs";',
      'import electronUpdater from "electron-updater";',
      'import { autoUpdater as updater, CancellationToken } from "electron-updater";',
      'import { BrowserWindow, app } from "electron";',
      'import { z } from "zod";',
      'import Razorpay from "razorpay";',
      'import { stringify } from "csv-stringify/sync";',
    ].join('\n');
    expect(namedPackageImports(bundle)).toEqual([
      { specifier: 'electron-updater', names: ['autoUpdater', 'CancellationToken'] },
      { specifier: 'zod', names: ['z'] },
      { specifier: 'csv-stringify/sync', names: ['stringify'] },
    ]);
  });
});

describe('fuses', () => {
  const wire = (states: string) => Buffer.concat([Buffer.from('ELF…'), Buffer.from(FUSE_SENTINEL), Buffer.from([1, FUSE_ORDER.length]), Buffer.from(states)]);

  it('reads the wire in @electron/fuses order and compares it with the configuration', () => {
    // run-as-node off, cookies on, NODE_OPTIONS off, inspect off, integrity on, asar-only on, snapshot off, file:// off
    const fuses = readFuseWire(wire('01001100'));
    expect(fuses).toMatchObject({ runAsNode: 'off', enableCookieEncryption: 'on', enableNodeCliInspectArguments: 'off', onlyLoadAppFromAsar: 'on' });
    expect(auditFuses(fuses, RELEASE_FUSES)).toEqual([]);
  });

  it('fails Electron\'s defaults, and an executable without a fuse wire', () => {
    const defaults = readFuseWire(wire(FUSE_ORDER.map(([, state]) => state).join('')));
    expect(auditFuses(defaults, RELEASE_FUSES)).toEqual([
      'fuse runAsNode is on, expected off',
      'fuse enableNodeOptionsEnvironmentVariable is on, expected off',
      'fuse enableNodeCliInspectArguments is on, expected off',
      'fuse enableCookieEncryption is off, expected on',
      'fuse enableEmbeddedAsarIntegrityValidation is off, expected on',
      'fuse onlyLoadAppFromAsar is off, expected on',
      'fuse grantFileProtocolExtraPrivileges is on, expected off',
    ]);
    expect(auditFuses(readFuseWire(Buffer.from('no wire here')), RELEASE_FUSES)).toEqual(['no fuse wire found in the packaged executable']);
  });
});

describe('electron-builder configuration', () => {
  it('the release configuration validates and carries the kiosk\'s fuses; a misspelt option does not validate', async () => {
    const config = await loadBuilderConfig(process.cwd(), 'electron-builder.yml');
    await expect(validateBuilderConfig(config)).resolves.toBeUndefined();
    expect(config.electronFuses).toMatchObject(RELEASE_FUSES);
    expect(config).toMatchObject({ asar: true, nsis: { perMachine: false, oneClick: true, deleteAppDataOnUninstall: false }, mac: { hardenedRuntime: true, notarize: true } });
    await expect(validateBuilderConfig({ ...config, nsis: { oneClik: true } })).rejects.toThrow(/nsis/);
  });

  it('the e2e configuration differs from the release only in the inspect fuse', async () => {
    const release = await loadBuilderConfig(process.cwd(), 'electron-builder.yml');
    const e2e = await loadBuilderConfig(process.cwd(), 'electron-builder.e2e.yml');
    await expect(validateBuilderConfig(e2e)).resolves.toBeUndefined();
    expect(e2e.electronFuses).toEqual({ ...release.electronFuses, enableNodeCliInspectArguments: true });
    expect({ ...e2e, electronFuses: null, directories: null, extends: null }).toEqual({ ...release, electronFuses: null, directories: null, extends: null });
  });
});
