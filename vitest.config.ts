import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Each file gets its own simulator and ledger on free ports / temp dirs.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
