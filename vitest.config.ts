import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'engine/**/*.test.ts',
      'cli/**/*.test.ts',
      'electron/**/*.test.ts',
      'presets/**/*.test.ts',
      'renderer/**/*.test.ts',
      'renderer/**/*.test.tsx',
      'e2e/**/*.e2e.test.ts',
      'scripts/**/*.test.ts',
    ],
    // The default report, then one line counting the tests that skipped and why (vitest-skips.ts).
    reporters: ['default', './vitest-skips.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['engine/testing/setup-tf.ts'],
  },
});
