// Layering, checked by lint (VS Code style): each folder says where its code runs.
//   src-main/contract   types + channel names shared by main, preload and renderer
//   src-main/domain, simulator, services, security, browser-mode
//                        plain Node: never import electron
//   src-main/electron, src-main/preload
//                        the only places that may import electron
//   src-shared           rules both processes apply (the PIN rule, donor fields, amounts): plain
//                        TypeScript, imports nothing outside src-shared
//   src-renderer         browser code: may import the contract's types and src-shared only
import tseslint from 'typescript-eslint';

const electronBan = {
  name: 'electron',
  message: 'Only src-main/electron and src-main/preload may import electron; domain code must run in plain Node.',
};

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**'] },
  ...tseslint.configs.strict,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src-main/**/*.ts', 'tests/**/*.ts'],
    ignores: ['src-main/electron/**', 'src-main/preload/**', 'tests/e2e/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronBan] }] },
  },
  {
    files: ['src-main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronBan], patterns: [{ group: ['../*', 'zod'], message: 'The contract stays dependency-free.' }] }],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../*', 'node:*', 'electron', 'zod', 'react'], message: 'src-shared runs in every process: it imports nothing outside src-shared.' }] }],
    },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electronBan],
          patterns: [
            {
              regex: 'src-main/(?!contract/kiosk-api\\.ts$)',
              message: 'The renderer may import only the contract (src-main/contract/kiosk-api.ts) from main-side code.',
            },
            {
              regex: 'src-main/contract/kiosk-api\\.ts$',
              allowTypeImports: true,
              message: 'Import the contract with `import type` only: no main-side runtime code in the renderer.',
            },
          ],
        },
      ],
    },
  },
);
