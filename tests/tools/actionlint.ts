// `npm run actionlint` (part of npm test): every workflow in .github/workflows
// passes actionlint (workflow-lint.ts), and there is at least one.
import { relative } from 'node:path';
import { lintWorkflowFiles, workflowFiles, WORKFLOW_DIR } from './workflow-lint.ts';

const files = workflowFiles();
if (files.length === 0) {
  console.error(`actionlint: no workflow in ${WORKFLOW_DIR}: nothing to check, and the platforms workflow is missing.`);
  process.exit(1);
}
const problems = await lintWorkflowFiles(files);
for (const p of problems) console.error(`${relative(process.cwd(), p.path)}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
if (problems.length > 0) {
  console.error(`actionlint: ${problems.length} problem(s) in ${files.length} workflow(s).`);
  process.exit(1);
}
console.log(`actionlint: ${files.length} workflow(s) pass (${files.map((f) => relative(process.cwd(), f)).join(', ')}).`);
