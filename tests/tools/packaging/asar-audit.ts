// What a packaged app.asar must and must not hold. Pure: the check script
// (check.ts) feeds it the archive's listing and file contents, and the unit
// test (tests/unit/packaging-audit.test.ts) feeds it bad archives.

export interface AsarFile {
  /** Archive path, "/out/main/index.js". */
  path: string;
  /** Text of small text files (js, json, html, css, yml); null for others. */
  text: string | null;
}

export interface AuditOptions {
  /** Release builds must hold no source maps. */
  release: boolean;
  /** Exact secret values that must not appear (e.g. the key secret in this build's environment). */
  knownSecrets: string[];
}

/** Bundles the kiosk cannot start without. */
export const REQUIRED_ENTRIES = ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html'];
/** Runtime dependencies main loads. */
export const REQUIRED_MODULES = ['electron-updater', 'zod', 'razorpay'];
/** Development-only packages that must never be shipped. */
const DEV_ONLY_MODULES = ['electron', 'electron-builder', 'vitest', '@playwright/test', 'playwright-core', 'typescript', 'vite', 'electron-vite', 'eslint', 'node'];

const SOURCE_TREES = /^\/(tests|src-main|src-renderer|assets|\.ci|release|test-results|\.kiosk-data)(\/|$)/;
/** Kiosk data files: the build must never carry someone's ledger, PIN, keys or settings. */
const DATA_FILES = /(^|\/)(ledger[^/]*\.sqlite3[^/]*|operator-access\.json|payment-keys\.bin|kiosk-config\.json|main-relaunches\.json)$/;
const KEY_FILES = /(^|\/)(\.env(\..*)?|\.npmrc|[^/]*\.(pem|key|p12|pfx|p8))$/i;
/** A Razorpay key id with a real-looking body (the XXXXXXXXXXXXXX placeholders in messages are fine). */
const KEY_ID = /rzp_(test|live)_(?!X{14})[A-Za-z0-9]{14}(?![A-Za-z0-9])/g;
/** A key secret written out in code or config: key_secret / keySecret / KEY_SECRET followed by a literal. */
const SECRET_LITERAL = /(key_secret|keySecret|KEY_SECRET)["']?\s*[:=]\s*["'`][A-Za-z0-9]{16,}["'`]/g;

function isSourceFile(archivePath: string): boolean {
  return /\.(tsx?|mts|cts)$/.test(archivePath) && !archivePath.endsWith('.d.ts');
}

export function auditAsar(files: readonly AsarFile[], options: AuditOptions): string[] {
  const problems: string[] = [];
  const paths = new Set(files.map((file) => file.path));
  for (const required of REQUIRED_ENTRIES) if (!paths.has(required)) problems.push(`missing ${required}`);
  if (!files.some((file) => /^\/out\/renderer\/assets\/[^/]+\.js$/.test(file.path))) problems.push('missing the renderer bundle (/out/renderer/assets/*.js)');
  for (const name of REQUIRED_MODULES) if (!paths.has(`/node_modules/${name}/package.json`)) problems.push(`missing runtime dependency ${name}`);
  for (const name of DEV_ONLY_MODULES) if (paths.has(`/node_modules/${name}/package.json`)) problems.push(`development package shipped: ${name}`);

  for (const file of files) {
    const p = file.path;
    if (SOURCE_TREES.test(p)) problems.push(`source or test tree shipped: ${p}`);
    else if (!p.includes('/node_modules/') && isSourceFile(p)) problems.push(`source file shipped: ${p}`);
    if (DATA_FILES.test(p)) problems.push(`kiosk data file shipped: ${p}`);
    if (KEY_FILES.test(p)) problems.push(`secrets file shipped: ${p}`);
    if (options.release && p.endsWith('.map')) problems.push(`source map in a release build: ${p}`);
    if (file.text === null) continue;
    if (options.release && !p.includes('/node_modules/') && /\/[/*]# sourceMappingURL=/.test(file.text)) problems.push(`source map reference in a release build: ${p}`);
    for (const match of file.text.matchAll(KEY_ID)) problems.push(`Razorpay key id in ${p}: ${match[0].slice(0, 13)}…`);
    for (const match of file.text.matchAll(SECRET_LITERAL)) problems.push(`key secret literal in ${p}: ${match[1]}=…`);
    for (const secret of options.knownSecrets) if (secret.length >= 8 && file.text.includes(secret)) problems.push(`this build's key secret is in ${p}`);
  }
  return problems;
}

export type FuseStates = Record<string, 'on' | 'off' | 'removed' | 'unknown'>;

/** Compares the fuses read back from the executable with the build's `electronFuses`. */
export function auditFuses(actual: FuseStates | null, expected: Record<string, boolean>): string[] {
  if (actual === null) return ['no fuse wire found in the packaged executable'];
  const problems: string[] = [];
  for (const [name, wanted] of Object.entries(expected)) {
    const state = actual[name];
    if (state !== (wanted ? 'on' : 'off')) problems.push(`fuse ${name} is ${state ?? 'absent'}, expected ${wanted ? 'on' : 'off'}`);
  }
  return problems;
}

/** The kiosk's security baseline: what every build, release or e2e, must have. */
export const RELEASE_FUSES: Record<string, boolean> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

/** `import { a, b as c } from "pkg"` of bare packages (not node:, not electron) at the top of the main bundle. */
export function namedPackageImports(bundle: string): { specifier: string; names: string[] }[] {
  const imports: { specifier: string; names: string[] }[] = [];
  for (const match of bundle.matchAll(/^import\s*(?:[\w$]+\s*,\s*)?\{([^}]*)\}\s*from\s*["']([^"']+)["'];?$/gm)) {
    const [, list = '', specifier = ''] = match;
    if (specifier.startsWith('node:') || specifier.startsWith('.') || specifier === 'electron') continue;
    const names = list.split(',').map((part) => part.trim().split(/\s+as\s+/)[0] ?? '').filter((name) => name !== '');
    imports.push({ specifier, names });
  }
  return imports;
}
