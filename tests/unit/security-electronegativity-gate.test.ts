// The pure parts of tests/tools/electronegativity-gate.ts (the scan itself runs
// in `npm run security`, after the build) and the committed waiver file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyWaivers, formatTable, globToRegExp, parseWaivers, type Finding, type Waiver } from '../tools/electronegativity-gate.ts';

const WHY = 'Reviewed: the value is built at runtime and covered by a unit test.';

function finding(check: string, file: string): Finding {
  return { check, file, line: 1, column: 0, severity: 'LOW', confidence: 'TENTATIVE', manualReview: true, description: 'd' };
}

describe('electronegativity gate: waivers', () => {
  it('matches files and globs on whole paths', () => {
    expect(globToRegExp('out/main/index.js').test('out/main/index.js')).toBe(true);
    expect(globToRegExp('out/main/index.js').test('out/main/indexXjs')).toBe(false);
    expect(globToRegExp('out/main/index.js').test('x/out/main/index.js')).toBe(false);
    expect(globToRegExp('src-main/*.ts').test('src-main/a.ts')).toBe(true);
    expect(globToRegExp('src-main/*.ts').test('src-main/electron/a.ts')).toBe(false);
    expect(globToRegExp('src-main/**/*.ts').test('src-main/a.ts')).toBe(true);
    expect(globToRegExp('src-main/**/*.ts').test('src-main/electron/deep/a.ts')).toBe(true);
    expect(globToRegExp('out/**').test('out/renderer/assets/x.js')).toBe(true);
  });

  it('splits findings into waived and unwaived, and reports stale waivers', () => {
    const waivers: Waiver[] = [
      { check: 'CSP_GLOBAL_CHECK', file: 'src-main/security/static-files.ts', why: WHY },
      { check: 'PRELOAD_JS_CHECK', file: 'out/**', why: WHY },
      { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'src-main/**', why: WHY },
    ];
    const result = applyWaivers(
      [
        finding('CSP_GLOBAL_CHECK', 'src-main/security/static-files.ts'),
        finding('CSP_GLOBAL_CHECK', 'src-main/electron/main.ts'), // same check, other file
        finding('PRELOAD_JS_CHECK', 'out/main/index.js'),
        finding('SANDBOX_JS_CHECK', 'src-main/electron/main.ts'),
      ],
      waivers,
    );
    expect(result.waived.map((w) => `${w.finding.check} ${w.finding.file}`)).toEqual([
      'CSP_GLOBAL_CHECK src-main/security/static-files.ts',
      'PRELOAD_JS_CHECK out/main/index.js',
    ]);
    expect(result.unwaived.map((f) => `${f.check} ${f.file}`)).toEqual(['CSP_GLOBAL_CHECK src-main/electron/main.ts', 'SANDBOX_JS_CHECK src-main/electron/main.ts']);
    expect(result.stale).toEqual([waivers[2]]);
    const table = formatTable(result);
    expect(table).toMatch(/UNWAIVED\s+SANDBOX_JS_CHECK/);
    expect(table).toMatch(/STALE\s+OPEN_EXTERNAL_JS_CHECK/);
  });

  it('rejects waivers without a check id, a relative file or a real reason', () => {
    expect(() => parseWaivers({})).toThrow(/"waivers" array/);
    expect(() => parseWaivers({ waivers: [{ check: 'csp', file: 'a.ts', why: WHY }] })).toThrow(/check/);
    expect(() => parseWaivers({ waivers: [{ check: 'CSP_GLOBAL_CHECK', file: '/abs/a.ts', why: WHY }] })).toThrow(/file/);
    expect(() => parseWaivers({ waivers: [{ check: 'CSP_GLOBAL_CHECK', file: 'a.ts', why: 'ok' }] })).toThrow(/why/);
    expect(() => parseWaivers({ waivers: [{ check: 'CSP_GLOBAL_CHECK', file: 'a.ts' }] })).toThrow(/why/);
  });

  it('the committed waiver file is valid and explains each waiver', () => {
    const json: unknown = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../electronegativity-waivers.json'), 'utf8'));
    const waivers = parseWaivers(json);
    expect(waivers.length).toBeGreaterThan(0);
    for (const waiver of waivers) {
      // Only reviewed manual-review items may be waived; real findings are fixed in code.
      expect(['CSP_GLOBAL_CHECK', 'PRELOAD_JS_CHECK'], `${waiver.check} ${waiver.file}`).toContain(waiver.check);
      expect(waiver.why).toMatch(/test/);
    }
  });
});
