// Packaging checks that run without the Electron binary (npm run package:check,
// part of npm test, after npm run build):
//
// 1. electron-builder.yml and electron-builder.e2e.yml validate against the
//    schema electron-builder ships, and their fuses are the kiosk's baseline.
// 2. For each build (release, e2e): a Linux unpacked build (--dir) made
//    offline against a stand-in Electron folder (stand-in-electron.ts).
// 3. The packaged app.asar is listed (printed) and audited: main, preload and
//    renderer bundles and the runtime dependencies are in; tests, sources,
//    source maps (release), .env and key files, kiosk data and key-like
//    strings are not (asar-audit.ts).
// 4. The fuses are read back from the packaged executable and compared with
//    the build's configuration.
// 5. Every named import of the ESM main bundle links against the packaged
//    node_modules (a CommonJS package whose export Node's ESM loader cannot
//    see fails only at start-up, in the installed app).
//
// Exit 0 when everything holds; 1 with the list of problems otherwise.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { auditAsar, auditFuses, namedPackageImports, RELEASE_FUSES, type AsarFile } from './asar-audit.ts';
import { loadBuilderConfig, validateBuilderConfig, type LoadedBuilderConfig } from './builder-config.ts';
import { createStandInElectron, readFuseWire } from './stand-in-electron.ts';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as {
  extractAll(archive: string, destination: string): void;
  listPackage(archive: string, options: { isPack: boolean }): string[];
  extractFile(archive: string, filename: string): Buffer;
  statFile(archive: string, filename: string): { size?: number; files?: unknown; link?: string };
};
const builder = require('electron-builder') as {
  build(options: { projectDir: string; targets: Map<unknown, unknown>; config: object; publish?: 'never' }): Promise<string[]>;
  Platform: { LINUX: { createTarget(types: string[], ...archs: number[]): Map<unknown, unknown> } };
  Arch: { x64: number };
};

const PROJECT_DIR = path.resolve(import.meta.dirname, '../../..');
const ELECTRON_VERSION = (JSON.parse(readFileSync(path.join(PROJECT_DIR, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const TEXT_FILE = /\.(c?js|mjs|json|html|css|ya?ml|txt|md)$|(^|\/)\.env/;

interface Flavour {
  name: 'release' | 'e2e';
  configFile: string;
  /** The fuses this build must have, whatever the yml says. */
  baselineFuses: Record<string, boolean>;
}

const FLAVOURS: Flavour[] = [
  { name: 'release', configFile: 'electron-builder.yml', baselineFuses: RELEASE_FUSES },
  // The e2e build differs in one fuse: Playwright's _electron needs --inspect.
  { name: 'e2e', configFile: 'electron-builder.e2e.yml', baselineFuses: { ...RELEASE_FUSES, enableNodeCliInspectArguments: true } },
];

function log(line: string): void {
  console.log(`[package:check] ${line}`);
}

async function packageOffline(flavour: Flavour, config: LoadedBuilderConfig, electronDist: string, outputDir: string): Promise<string> {
  const directories = (config['directories'] ?? {}) as Record<string, unknown>;
  // The loaded (extends-resolved) config, passed whole: `extends: null` stops
  // electron-builder merging electron-builder.yml back over the e2e build's.
  await builder.build({
    projectDir: PROJECT_DIR,
    targets: builder.Platform.LINUX.createTarget(['dir'], builder.Arch.x64),
    publish: 'never',
    config: { ...config, extends: null, electronDist, electronVersion: ELECTRON_VERSION, directories: { ...directories, output: outputDir } },
  });
  const unpacked = path.join(outputDir, 'linux-unpacked');
  if (!existsSync(unpacked)) throw new Error(`${flavour.name}: electron-builder did not produce ${unpacked}`);
  return unpacked;
}

function readAsar(archive: string): AsarFile[] {
  return asar.listPackage(archive, { isPack: false }).flatMap((entry) => {
    const archivePath = entry.replaceAll('\\', '/');
    const stat = asar.statFile(archive, archivePath.slice(1));
    if (stat.files !== undefined || stat.link !== undefined) return [];
    const text = TEXT_FILE.test(archivePath) && (stat.size ?? 0) < 8_000_000 ? asar.extractFile(archive, archivePath.slice(1)).toString('utf8') : null;
    return [{ path: archivePath, text }];
  });
}

/**
 * Links each named import against the packaged node_modules. Linking happens
 * before any code runs, so a missing name is a SyntaxError; a package that
 * then fails while running (electron-updater needs Electron) has linked fine.
 */
async function checkMainImports(unpackedApp: string): Promise<string[]> {
  const bundle = readFileSync(path.join(unpackedApp, 'out/main/index.js'), 'utf8');
  const problems: string[] = [];
  for (const { specifier, names } of namedPackageImports(bundle)) {
    const probe = path.join(unpackedApp, `import-probe-${problems.length}-${specifier.replace(/\W/g, '_')}.mjs`);
    writeFileSync(probe, `import { ${names.join(', ')} } from ${JSON.stringify(specifier)};\n`);
    try {
      await import(pathToFileURL(probe).href);
    } catch (error) {
      if (error instanceof SyntaxError) problems.push(`main bundle: import { ${names.join(', ')} } from "${specifier}" does not link in Node's ESM loader: ${error.message}`);
    }
  }
  log(`main bundle imports checked: ${namedPackageImports(bundle).map((i) => `${i.specifier} {${i.names.join(', ')}}`).join('; ') || 'none named'}`);
  return problems;
}

/** The listing a reviewer reads: the app's own files, then the shipped packages by name. */
function printListing(flavour: Flavour, files: AsarFile[]): void {
  const own = files.filter((file) => !file.path.startsWith('/node_modules/')).map((file) => file.path);
  const packages = [...new Set(files.filter((file) => file.path.startsWith('/node_modules/')).map((file) => file.path.split('/').slice(2, file.path.split('/')[2]?.startsWith('@') ? 4 : 3).join('/')))].sort();
  log(`${flavour.name}: app.asar holds ${files.length} files`);
  for (const entry of own) console.log(`    ${entry}`);
  console.log(`    /node_modules/: ${packages.length} packages: ${packages.join(', ')}`);
}

async function main(): Promise<number> {
  const problems: string[] = [];
  if (!existsSync(path.join(PROJECT_DIR, 'out/main/index.js'))) {
    console.error('[package:check] out/ is missing: run npm run build first');
    return 2;
  }
  const electronDist = createStandInElectron(ELECTRON_VERSION);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-package-check-'));
  const knownSecrets = [process.env['KIOSK_RAZORPAY_KEY_SECRET'] ?? ''].filter((secret) => secret !== '');
  try {
    for (const flavour of FLAVOURS) {
      const config = await loadBuilderConfig(PROJECT_DIR, flavour.configFile);
      try {
        await validateBuilderConfig(config);
        log(`${flavour.configFile}: valid against app-builder-lib's scheme.json`);
      } catch (error) {
        problems.push(`${flavour.configFile} does not validate: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const configuredFuses = config.electronFuses ?? {};
      problems.push(...auditFuses(Object.fromEntries(Object.entries(configuredFuses).map(([k, v]) => [k, v ? 'on' : 'off'])), flavour.baselineFuses).map((p) => `${flavour.configFile}: ${p}`));

      const unpacked = await packageOffline(flavour, config, electronDist, path.join(workDir, flavour.name));
      const files = readAsar(path.join(unpacked, 'resources', 'app.asar'));
      printListing(flavour, files);
      problems.push(...auditAsar(files, { release: flavour.name === 'release', knownSecrets }).map((p) => `${flavour.name}: ${p}`));
      if (flavour.name === 'release') {
        const extracted = path.join(workDir, 'release-app');
        asar.extractAll(path.join(unpacked, 'resources', 'app.asar'), extracted);
        problems.push(...(await checkMainImports(extracted)));
      }

      const executable = readFileSync(path.join(unpacked, 'donation-kiosk'));
      const fuses = readFuseWire(executable);
      log(`${flavour.name}: fuses read back: ${fuses === null ? 'none' : Object.entries(fuses).map(([name, state]) => `${name}=${state}`).join(', ')}`);
      problems.push(...auditFuses(fuses, configuredFuses).map((p) => `${flavour.name}: packaged ${p}`));
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    rmSync(electronDist, { recursive: true, force: true });
  }
  if (problems.length > 0) {
    console.error(`[package:check] FAILED (${problems.length}):`);
    for (const problem of problems) console.error(`  - ${problem}`);
    return 1;
  }
  log('passed: both configurations valid; release and e2e packages hold the bundles and nothing they must not; fuses as configured');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[package:check] could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);
