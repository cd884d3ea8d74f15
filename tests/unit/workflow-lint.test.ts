// The actionlint gate (tests/tools/workflow-lint.ts, run by npm test as
// `npm run actionlint`) passes the platforms workflow and fails a broken one,
// so a mistake in a workflow is found here, not on a runner.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintWorkflow, lintWorkflowFiles, workflowFiles } from '../../tests/tools/workflow-lint.ts';

describe('actionlint on the workflows', () => {
  it('the platforms workflow passes, and runs npm test and the installers on Ubuntu, Windows and macOS', async () => {
    const files = workflowFiles();
    expect(files.map((f) => f.replace(/\\/g, '/'))).toEqual([expect.stringMatching(/\.github\/workflows\/platforms\.yml$/)]);
    expect(await lintWorkflowFiles(files)).toEqual([]);
    const text = readFileSync(files[0] ?? '', 'utf8');
    expect(text).toContain('os: [ubuntu-24.04, windows-2025, macos-15]');
    expect(text).toContain('xvfb-run');
    expect(text).toContain('npm run dist -- --publish never');
    expect(text).toContain("KIOSK_E2E_REQUIRE_ELECTRON: '1'");
  });

  it('finds what is wrong in a broken workflow', async () => {
    const broken = [
      'on: push',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '        with:',
      '          no-such-input: true',
      '      - run: echo ${{ matrix.os }}',
      '      - run: echo ${{ secrets }}x${{ github.nope_not_a_thing( }}',
      '',
    ].join('\n');
    const problems = await lintWorkflow(broken, '.github/workflows/broken.yml');
    const messages = problems.map((p) => p.message).join('\n');
    expect(messages).toMatch(/input "no-such-input" is not defined in action "actions\/checkout@v4"/);
    expect(messages).toMatch(/property "os" is not defined/); // no matrix in this job
    expect(problems.map((p) => [p.line, p.kind])).toEqual([
      [8, 'action'],
      [9, 'expression'],
      [10, 'expression'],
    ]);
  });
});
