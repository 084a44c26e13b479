import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@reshaem/source'] },
  ssr: { resolve: { conditions: ['@reshaem/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    // tsc over the whole example: a type error anywhere in it fails the run.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
});
